/// A `fulfills` id the validation contract does not define.
public struct UnknownAssertionRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-assertion", severity: .error,
        summary: "A feature fulfills an assertion id that validation-contract.md does not define.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        // A contract with no `VAL-…` heading uses another id scheme: nothing to compare against.
        guard let features = context.mission.features, let contract = context.mission.contract, !contract.assertions.isEmpty
        else { return [] }
        let ids = contract.ids
        let file = context.mission.missionFile("features.json")
        return features.features.flatMap { feature in
            feature.fulfills.filter { !ids.contains($0.id) }.map { claim in
                descriptor.finding(
                    file, claim.location,
                    message: "feature `\(feature.id)` fulfills `\(claim.id)`, which validation-contract.md does not define"
                        + (ValidationContract.suggestion(for: claim.id, in: ids).map { " (did you mean `\($0)`?)" } ?? ""),
                    hint: "Fix the id, or add a `### \(claim.id): title` assertion to the contract.")
            }
        }
    }
}
