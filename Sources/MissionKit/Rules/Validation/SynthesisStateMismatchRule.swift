/// validation-state.json disagrees with the latest validator synthesis: an assertion the latest
/// round passed is still failed or pending in the state, or one the state calls passed failed in
/// the latest round. Once per milestone and direction, with the assertions concerned.
public struct SynthesisStateMismatchRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "synthesis-state-mismatch", severity: .warning,
        summary: "validation-state.json contradicts the latest validator synthesis: passed there but failed or pending here, or the reverse (once per milestone).")
    public init() {}

    struct Key: Hashable {
        var synthesis: String
        var verdict: String
        var state: String
    }

    public func check(_ context: CheckContext) -> [Finding] {
        guard let state = context.mission.state else { return [] }
        let latest = context.syntheses.latest
        guard !latest.isEmpty else { return [] }
        var groups = OccurrenceGroups<Key>()
        for entry in state.entries {
            guard let status = entry.status, let verdict = latest[entry.id] else { continue }
            let contradicts = (verdict.status == "passed" && (status == "failed" || status == "pending"))
                || (verdict.status == "failed" && status == "passed")
            guard contradicts else { continue }
            groups.add(Key(synthesis: verdict.synthesis.path, verdict: verdict.status, state: status), at: entry.location, subject: entry.id)
        }
        let file = context.mission.missionFile("validation-state.json")
        return groups.groups.map { group in
            let k = group.key
            return descriptor.finding(
                file, group.first,
                message: "\(group.subjectList("assertion")) \(group.subjects.count == 1 ? "is" : "are") `\(k.state)` here, but the latest synthesis (\(k.synthesis)) \(k.verdict == "passed" ? "passed" : "failed") \(group.subjects.count == 1 ? "it" : "them")",
                hint: k.verdict == "passed"
                    ? "Record the validator's verdict in validation-state.json (`passed`), or re-run the validator if the state is right."
                    : "An assertion whose latest validation failed is not passed: set it to `failed` until a later round passes it.")
        }
    }
}

extension SynthesisStateMismatchRule {
    public static var examples: [RuleExample] {
        [
            .reports(mission(state: "failed")),
            .passes(mission(state: "passed")),
        ]
    }

    static func mission(state status: String) -> [String: String] {
        RuleExample.contract.merging(RuleExample.features(#"{"id": "f", "milestone": "m", "fulfills": ["VAL-A-001", "VAL-A-002"]}"#)) { $1 }
            .merging(RuleExample.state(#""VAL-A-001": {"status": "\#(status)"}, "VAL-A-002": {"status": "passed"}"#)) { $1 }
            .merging(RuleExample.synthesis(#"{"milestone": "m", "round": 1, "status": "pass", "assertionsSummary": {"total": 2, "passed": 2, "failed": 0, "blocked": 0}, "passedAssertions": ["VAL-A-001", "VAL-A-002"], "failedAssertions": [], "blockedAssertions": []}"#)) { $1 }
    }
}
