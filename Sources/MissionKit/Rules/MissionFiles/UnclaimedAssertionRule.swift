/// A contract assertion that no feature fulfills.
public struct UnclaimedAssertionRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unclaimed-assertion", severity: .warning,
        summary: "A contract assertion is fulfilled by no feature.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let features = context.mission.features, let contract = context.mission.contract else { return [] }
        let claimed = Set(features.features.flatMap { $0.fulfills.map(\.id) })
        let file = context.mission.missionFile("validation-contract.md")
        return contract.assertions.filter { !claimed.contains($0.id) }.map { assertion in
            if let other = features.otherMentions[assertion.id] {
                return descriptor.finding(
                    file, assertion.location,
                    message: "`\(assertion.id)` is fulfilled by no feature; features.json names it only outside `features`, at `\(other.path)` (line \(other.location.line))",
                    hint: "If a feature delivers it, add `\(assertion.id)` to that feature's `fulfills`; tools read `features[].fulfills` only.")
            }
            return descriptor.finding(
                file, assertion.location, message: "`\(assertion.id)` is fulfilled by no feature in features.json",
                hint: "Add `\(assertion.id)` to the `fulfills` of the feature that delivers it.")
        }
    }
}

extension UnclaimedAssertionRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.contract.merging(RuleExample.features(#"{"id": "f", "fulfills": ["VAL-A-001"]}"#)) { $1 }),
            .passes(RuleExample.contract.merging(RuleExample.features(#"{"id": "f", "fulfills": ["VAL-A-001", "VAL-A-002"]}"#)) { $1 }),
        ]
    }
}
