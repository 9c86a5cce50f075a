/// A `verifies` value with no assertion id at all (`"verifies": "scaffold-smoke"`) in a mission
/// whose contract defines ids: the case cannot be traced to an assertion.
public struct VerifiesWithoutAssertionRule: HandoffRule {
    public static let descriptor = RuleDescriptor(
        id: "verifies-without-assertion", severity: .warning,
        summary: "A test case's `verifies` names no `VAL-…` assertion id of the mission's contract.")
    public init() {}

    public func check(_ context: HandoffContext) -> [Finding] {
        guard let contract = context.mission?.contract, !contract.assertions.isEmpty else { return [] }
        return context.handoff.tests.flatMap(\.cases).compactMap { testCase in
            guard let value = testCase.verifies, !value.trimming(" ").isEmpty, AssertionID.tokens(in: value).isEmpty else { return nil }
            return Self.descriptor.finding(
                context.file, context.location(testCase.path + ".verifies"),
                message: "test case \"\(testCase.name)\" verifies \"\(value.shortened(80))\", which names no assertion id",
                hint: "Write the id(s) of validation-contract.md the case verifies (`VAL-AREA-001`), or leave `verifies` out.")
        }
    }
}

extension VerifiesWithoutAssertionRule {
    public static var examples: [RuleExample] {
        [
            .handoff(
                RuleExample.handoffJSON(tests: #"{"file": "t_test.go", "cases": [{"name": "TestOne", "verifies": "scaffold-smoke"}]}"#),
                commit: ["t_test.go": "func TestOne(t *testing.T) {}\n"], files: RuleExample.contract, reports: true),
            .handoff(
                RuleExample.handoffJSON(tests: #"{"file": "t_test.go", "cases": [{"name": "TestOne", "verifies": "VAL-A-001"}]}"#),
                commit: ["t_test.go": "func TestOne(t *testing.T) {}\n"], files: RuleExample.contract, reports: false),
        ]
    }
}
