/// services.yaml that is not valid YAML or not of the expected shape. Found while loading.
public struct InvalidServicesFileRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "invalid-services-file", severity: .error,
        summary: ".factory/services.yaml is not valid YAML or not of the commands/services shape.")
    public init() {}

    static let hint =
        "services.yaml maps `commands:` (name → shell line) and `services:` (name → start, stop, healthcheck, port, depends_on)."

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.loadFindings.filter { $0.rule == descriptor.id }
    }
}

extension InvalidServicesFileRule {
    public static var examples: [RuleExample] {
        [.services("services: [\n", reports: true), .services(RuleExample.goodServices, reports: false)]
    }
}
