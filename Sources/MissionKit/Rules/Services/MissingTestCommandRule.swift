/// services.yaml without `commands.test`.
public struct MissingTestCommandRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "missing-test-command", severity: .warning,
        summary: "services.yaml declares no `commands.test`, so validators cannot run the tests one way.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let file = context.mission.services, file.command("test") == nil else { return [] }
        return [
            descriptor.finding(
                context.servicesFile, message: "no `commands.test`",
                hint: "Add `commands:` → `test: <the command that runs the whole test suite>`.")
        ]
    }
}
