/// A `verifies` id that the mission's validation contract does not define.
public struct HandoffUnknownAssertionRule: HandoffRule {
    public static let descriptor = UnknownAssertionRule.descriptor
    public init() {}

    public func check(_ context: HandoffContext) -> [Finding] {
        guard let contract = context.mission?.contract, !contract.assertions.isEmpty else { return [] }
        let ids = contract.ids
        return context.handoff.tests.flatMap(\.cases).compactMap { testCase in
            guard let id = testCase.verifies, !id.isEmpty, !ids.contains(id) else { return nil }
            return Self.descriptor.finding(
                context.file, context.location(testCase.path + ".verifies"),
                message: "test case \"\(testCase.name)\" verifies `\(id)`, which the validation contract does not define",
                hint: "Use an assertion id from validation-contract.md.")
        }
    }
}
