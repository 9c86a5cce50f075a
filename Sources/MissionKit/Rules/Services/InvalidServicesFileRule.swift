/// services.yaml that is not valid YAML or not of the expected shape. Found while loading.
public struct InvalidServicesFileRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "invalid-services-file", severity: .error,
        summary: ".factory/services.yaml is not valid YAML or not of the commands/services shape.")
    public init() {}

    static let hint =
        "services.yaml maps `commands:` (name → shell line) and `services:` (name → start, stop, healthcheck, port, depends_on)."

    public func check(_ context: CheckContext) -> [Finding] {
        context.mission.loadFindings.filter { $0.rule == descriptor.id }
    }
}
