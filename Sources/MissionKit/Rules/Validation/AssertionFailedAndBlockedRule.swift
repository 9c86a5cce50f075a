/// One synthesis lists the same assertion as failed and as blocked: the round's verdict on it is
/// two things at once, and readers that look at one list or the other disagree.
public struct AssertionFailedAndBlockedRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "assertion-failed-and-blocked", severity: .warning,
        summary: "A validator synthesis lists one assertion in both `failedAssertions` and `blockedAssertions`.")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.syntheses.compactMap { s -> Finding? in
            guard let failed = s.lists["failed"], let blocked = s.lists["blocked"] else { return nil }
            let both = Set(failed.value).intersection(blocked.value)
            guard !both.isEmpty else { return nil }
            let ids = failed.value.filter { both.contains($0) }
            return descriptor.finding(
                s.path, blocked.location,
                message: "\(ids.joined(separator: ", ")) \(ids.count == 1 ? "is" : "are") listed as failed (line \(failed.location.line)) and as blocked",
                hint: "Keep each assertion in one list: blocked when it could not be run, failed when it ran and failed.")
        }
    }
}

extension AssertionFailedAndBlockedRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.synthesis(#"{"milestone": "m", "round": 1, "status": "fail", "assertionsSummary": {"total": 2, "passed": 0, "failed": 1, "blocked": 1}, "passedAssertions": [], "failedAssertions": ["VAL-A-001"], "blockedAssertions": ["VAL-A-001"]}"#)),
            .passes(RuleExample.synthesis(InvalidSynthesisRule.good)),
        ]
    }
}
