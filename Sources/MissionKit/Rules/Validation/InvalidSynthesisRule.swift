/// A validator synthesis that is not JSON: nothing in it can be compared.
public struct InvalidSynthesisRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "invalid-synthesis", severity: .warning,
        summary: "A validator synthesis (`.factory/validation/<milestone>/<validator>/synthesis*.json`) is not valid JSON.")
    public init() {}

    /// Found while loading (see `ValidatorSynthesis.load`), reported here once.
    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.loadFindings.filter { $0.rule == descriptor.id }
    }
}
