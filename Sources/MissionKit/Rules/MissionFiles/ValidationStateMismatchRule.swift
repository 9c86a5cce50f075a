/// validation-state.json keys that differ from the contract's ids.
public struct ValidationStateMismatchRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "validation-state-mismatch", severity: .warning,
        summary: "validation-state.json has keys that are not contract ids, or lacks contract ids.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let state = context.mission.state, let contract = context.mission.contract else { return [] }
        let ids = contract.ids
        let keys = Set(state.entries.map(\.id))
        let stateFile = context.mission.missionFile("validation-state.json")
        var out = state.entries.filter { !ids.contains($0.id) }.map { entry in
            descriptor.finding(
                stateFile, entry.location, message: "`\(entry.id)` has a state but is not an assertion of validation-contract.md",
                hint: "Remove the entry, or fix its id to match the contract.")
        }
        let missing = contract.assertions.filter { !keys.contains($0.id) }
        if !missing.isEmpty {
            let list = missing.prefix(10).map(\.id).joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
            out.append(
                descriptor.finding(
                    stateFile, message: "\(missing.count) contract assertion(s) have no state: \(list)",
                    hint: "Add them with {\"status\": \"pending\"} (`missionctl regress --write-state` records results)."))
        }
        return out
    }
}
