/// validation-state.json keys that differ from the contract's ids: one finding for the keys that
/// are no assertion, one for the assertions without a state.
public struct ValidationStateMismatchRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "validation-state-mismatch", severity: .warning,
        summary: "validation-state.json has keys that are not contract ids, or lacks contract ids.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let state = context.mission.state, let contract = context.mission.contract, !contract.assertions.isEmpty else { return [] }
        let ids = contract.ids
        let keys = Set(state.entries.map(\.id))
        let stateFile = context.mission.missionFile("validation-state.json")
        var out: [Finding] = []
        let extra = state.entries.filter { !ids.contains($0.id) }
        if let first = extra.first {
            let suggestion = extra.count == 1 ? NameSuggestion.closest(to: first.id, in: ids.subtracting(keys)) : nil
            out.append(
                descriptor.finding(
                    stateFile, first.location,
                    message: extra.count == 1
                        ? "`\(first.id)` has a state but is not an assertion of validation-contract.md"
                            + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
                        : "\(extra.count) state entries are not assertions of validation-contract.md: \(Self.list(extra.map(\.id)))",
                    hint: "Remove the entries, or fix their ids to match the contract (or add the assertions to it)."))
        }
        let missing = contract.assertions.filter { !keys.contains($0.id) }
        if !missing.isEmpty {
            out.append(
                descriptor.finding(
                    stateFile, message: "\(missing.count) contract assertion(s) have no state: \(Self.list(missing.map(\.id)))",
                    hint: "Add them with {\"status\": \"pending\"} (`missionctl regress --write-state` records results)."))
        }
        return out
    }

    static func list(_ ids: [String]) -> String {
        ids.prefix(10).joined(separator: ", ") + (ids.count > 10 ? ", …" : "")
    }
}

extension ValidationStateMismatchRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.contract.merging(RuleExample.state(#""VAL-A-001": {"status": "passed"}, "VAL-A-009": {"status": "passed"}"#)) { $1 }),
            .passes(RuleExample.contract.merging(RuleExample.state(#""VAL-A-001": {"status": "passed"}, "VAL-A-002": {"status": "pending"}"#)) { $1 }),
        ]
    }
}
