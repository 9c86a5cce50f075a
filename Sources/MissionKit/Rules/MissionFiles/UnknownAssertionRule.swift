/// An assertion id the validation contract does not define: in a feature's `fulfills` (check),
/// or in a handoff test case's `verifies` (handoff verify), where every `VAL-…` token of the
/// value counts (`VAL-A-001, VAL-A-002`, `VAL-A-003 (stub until …)`).
public struct UnknownAssertionRule: Rule, HandoffRule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-assertion", severity: .error,
        summary: "A feature fulfills, or a handoff's test case verifies, an assertion id that validation-contract.md does not define.")
    public static var command: RuleCommand { .check }
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

extension UnknownAssertionRule {
    public func check(_ context: HandoffContext) -> [Finding] {
        guard let contract = context.mission?.contract, !contract.assertions.isEmpty else { return [] }
        let ids = contract.ids
        return context.handoff.tests.flatMap(\.cases).flatMap { testCase -> [Finding] in
            guard let value = testCase.verifies else { return [] }
            return AssertionID.tokens(in: value).filter { !ids.contains($0) }.map { id in
                descriptor.finding(
                    context.file, context.location(testCase.path + ".verifies"),
                    message: "test case \"\(testCase.name)\" verifies `\(id)`, which the validation contract does not define"
                        + (ValidationContract.suggestion(for: id, in: ids).map { " (did you mean `\($0)`?)" } ?? ""),
                    hint: "Use an assertion id from validation-contract.md.")
            }
        }
    }
}

extension UnknownAssertionRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.contract.merging(RuleExample.features(#"{"id": "f", "fulfills": ["VAL-A-001", "VAL-A-009"]}"#)) { $1 }),
            .passes(RuleExample.contract.merging(RuleExample.features(#"{"id": "f", "fulfills": ["VAL-A-001", "VAL-A-002"]}"#)) { $1 }),
            .handoff(
                RuleExample.handoffJSON(tests: #"{"file": "t_test.go", "cases": [{"name": "TestOne", "verifies": "VAL-A-001, VAL-A-009"}]}"#),
                commit: ["t_test.go": "func TestOne(t *testing.T) {}\n"], files: RuleExample.contract, reports: true),
            .handoff(
                RuleExample.handoffJSON(tests: #"{"file": "t_test.go", "cases": [{"name": "TestOne", "verifies": "VAL-A-001 (stub until the OS allows it)"}]}"#),
                commit: ["t_test.go": "func TestOne(t *testing.T) {}\n"], files: RuleExample.contract, reports: false),
        ]
    }
}
