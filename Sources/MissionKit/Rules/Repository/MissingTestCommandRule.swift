/// services.yaml without `commands.test`.
public struct MissingTestCommandRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "missing-test-command", severity: .warning,
        summary: "services.yaml declares no `commands.test`, so validators cannot run the tests one way.")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.parsedServices.flatMap { check($0.file, path: $0.path) }
    }

    func check(_ file: ServicesFile, path: String) -> [Finding] {
        guard file.command("test") == nil else { return [] }
        return [
            descriptor.finding(
                path, message: "no `commands.test`",
                hint: "Add `commands:` → `test: <the command that runs the whole test suite>`.")
        ]
    }
}

extension MissingTestCommandRule {
    public static var examples: [RuleExample] {
        [.services("commands:\n  lint: swift format\nservices: {}\n", reports: true), .services(RuleExample.goodServices, reports: false)]
    }
}
