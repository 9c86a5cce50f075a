/// A `verifies` value naming an assertion id that the mission's validation contract does not
/// define. Every `VAL-…` token of the value counts (`VAL-A-001, VAL-A-002`, `VAL-A-003 (stub …)`).
public struct HandoffUnknownAssertionRule: HandoffRule {
    public static let descriptor = UnknownAssertionRule.descriptor
    public init() {}

    public func check(_ context: HandoffContext) -> [Finding] {
        guard let contract = context.mission?.contract, !contract.assertions.isEmpty else { return [] }
        let ids = contract.ids
        return context.handoff.tests.flatMap(\.cases).flatMap { testCase -> [Finding] in
            guard let value = testCase.verifies else { return [] }
            return AssertionID.tokens(in: value).filter { !ids.contains($0) }.map { id in
                Self.descriptor.finding(
                    context.file, context.location(testCase.path + ".verifies"),
                    message: "test case \"\(testCase.name)\" verifies `\(id)`, which the validation contract does not define"
                        + NameSuggestion.phrase(for: id, in: ids),
                    hint: "Use an assertion id from validation-contract.md.")
            }
        }
    }
}
