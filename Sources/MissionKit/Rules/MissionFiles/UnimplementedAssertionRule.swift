/// A contract assertion in an area the mission's regression suite covers, without a scenario.
///
/// The areas come from the suite's own ids, so nothing here knows about any product: a suite
/// with `VAL-TIMER-001…006` makes a contract's `VAL-TIMER-007` a finding, and a mission whose
/// suite is unknown (no `--suite-ids`, no listing) never hears of this rule.
public struct UnimplementedAssertionRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unimplemented-assertion", severity: .warning,
        summary: "A contract id in an area the mission's regression suite covers has no scenario in it (needs the suite's listing: `check --suite-ids`, or `validate`).")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let suite = context.suite, let contract = context.mission.contract else { return [] }
        let areas = suite.areas
        let file = context.mission.missionFile("validation-contract.md")
        return contract.assertions.filter { areas.contains($0.area) && !suite.ids.contains($0.id) }.map { assertion in
            descriptor.finding(
                file, assertion.location,
                message: "`\(assertion.id)` is in area \(assertion.area), which the regression suite covers, but the suite has no scenario for it",
                hint: "Add a scenario with this id to the suite, or move the assertion to an area the suite does not cover.")
        }
    }
}

extension UnimplementedAssertionRule {
    public static var examples: [RuleExample] {
        [.reports(RuleExample.contract).suite(["VAL-A-001"]), .passes(RuleExample.contract).suite(["VAL-A-001", "VAL-A-002"])]
    }
}
