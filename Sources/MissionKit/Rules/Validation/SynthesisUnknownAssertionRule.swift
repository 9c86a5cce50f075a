/// A synthesis of one of the mission's milestones lists an id the validation contract does not
/// define: the validator validated something the contract never asked for, or a renamed id.
public struct SynthesisUnknownAssertionRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "synthesis-unknown-assertion", severity: .warning,
        summary: "A validator synthesis of the mission's milestones lists an assertion id that validation-contract.md does not define (once per synthesis).")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        // A contract without `VAL-` headings uses another id scheme: nothing to compare against.
        guard let contract = context.mission.contract, !contract.assertions.isEmpty else { return [] }
        let ids = contract.ids
        return context.syntheses.syntheses.compactMap { s -> Finding? in
            var unknown: [String] = []
            var at: SourceLocation?
            for kind in ValidatorSynthesis.kinds {
                guard let list = s.lists[kind] else { continue }
                let missing = list.value.filter { !ids.contains($0) }
                if !missing.isEmpty, at == nil { at = list.location }
                unknown += missing
            }
            guard let at, !unknown.isEmpty else { return nil }
            let shown = unknown.prefix(3).map { id in "`\(id)`" + (ValidationContract.suggestion(for: id, in: ids).map { " (did you mean `\($0)`?)" } ?? "") }.joined(separator: ", ")
            return descriptor.finding(
                s.path, at,
                message: "\(unknown.count) listed assertion id(s) are not in \(context.mission.missionFile("validation-contract.md")): \(shown)\(unknown.count > 3 ? ", …" : "")",
                hint: "Validate the contract's ids (renamed ids need the new name), or add the assertions to the contract.")
        }
    }
}

extension SynthesisUnknownAssertionRule {
    public static var examples: [RuleExample] {
        [
            .reports(withSynthesis(["VAL-A-001", "VAL-A-009"])),
            .passes(withSynthesis(["VAL-A-001", "VAL-A-002"])),
        ]
    }

    static func withSynthesis(_ passed: [String]) -> [String: String] {
        let list = passed.map { "\"\($0)\"" }.joined(separator: ", ")
        return RuleExample.contract.merging(RuleExample.features(#"{"id": "f", "milestone": "m", "fulfills": ["VAL-A-001", "VAL-A-002"]}"#)) { $1 }
            .merging(RuleExample.synthesis(#"{"milestone": "m", "round": 1, "status": "pass", "assertionsSummary": {"total": 2, "passed": 2, "failed": 0, "blocked": 0}, "passedAssertions": [\#(list)], "failedAssertions": [], "blockedAssertions": []}"#)) { $1 }
    }
}
