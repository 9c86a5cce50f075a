/// A synthesis whose summary counts disagree with its own lists, or whose total is not the sum
/// of its parts: which of the two is true is unknown, so the milestone's verdict is in doubt.
public struct SynthesisCountMismatchRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "synthesis-count-mismatch", severity: .warning,
        summary: "A validator synthesis's `assertionsSummary` disagrees with its own assertion lists, or its total is not the sum of its parts.")
    public init() {}

    /// The counters that are states of an assertion, and so parts of the total.
    static let states: Set<String> = ["passed", "failed", "blocked", "pending", "skipped"]

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.syntheses.flatMap { s -> [Finding] in
            var out: [Finding] = []
            for kind in ValidatorSynthesis.kinds {
                guard let count = s.summary[kind], let list = s.lists[kind], count.value != list.value.count else { continue }
                out.append(
                    descriptor.finding(
                        s.path, count.location,
                        message: "`assertionsSummary.\(kind)` is \(count.value), but `\(kind)Assertions` lists \(list.value.count)",
                        hint: "Make the count match the list (line \(list.location.line)), or the list match what was validated."))
            }
            if let total = s.summary["total"] {
                // The states add up to the total; other counters (`overridden`, `notTested`) are
                // annotations of those, unless the total only adds up with them.
                let parts = s.summary.filter { Self.states.contains($0.key) }
                let sum = parts.values.reduce(0) { $0 + $1.value }
                let everything = s.summary.filter { $0.key != "total" }.values.reduce(0) { $0 + $1.value }
                if !parts.isEmpty, sum != total.value, everything != total.value {
                    let terms = parts.keys.sorted().map { "\($0) \(parts[$0]!.value)" }.joined(separator: " + ")
                    out.append(
                        descriptor.finding(
                            s.path, total.location, message: "`assertionsSummary.total` is \(total.value), but \(terms) = \(sum)",
                            hint: "A total counts every assertion once: passed, failed, blocked and any other state."))
                }
            }
            return out
        }
    }
}

extension SynthesisCountMismatchRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.synthesis(#"{"milestone": "m", "round": 1, "status": "pass", "assertionsSummary": {"total": 2, "passed": 2, "failed": 0, "blocked": 0}, "passedAssertions": ["VAL-A-001"], "failedAssertions": [], "blockedAssertions": []}"#)),
            .passes(RuleExample.synthesis(InvalidSynthesisRule.good)),
            // `overridden` annotates a pass; it is no part of the total.
            .passes(RuleExample.synthesis(#"{"milestone": "m", "round": 1, "status": "pass", "assertionsSummary": {"total": 2, "passed": 2, "failed": 0, "blocked": 0, "overridden": 1}, "passedAssertions": ["VAL-A-001", "VAL-A-002"], "failedAssertions": [], "blockedAssertions": []}"#)),
        ]
    }
}
