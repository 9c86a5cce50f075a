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

extension InvalidSynthesisRule {
    public static var examples: [RuleExample] {
        [.reports(RuleExample.synthesis("{\"milestone\": ")), .passes(RuleExample.synthesis(Self.good))]
    }

    static let good = #"{"milestone": "m", "round": 1, "status": "pass", "assertionsSummary": {"total": 1, "passed": 1, "failed": 0, "blocked": 0}, "passedAssertions": ["VAL-A-001"], "failedAssertions": [], "blockedAssertions": []}"#
}
