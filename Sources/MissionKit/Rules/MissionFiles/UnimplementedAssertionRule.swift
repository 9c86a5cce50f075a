/// A tracking assertion of the contract that the regression suite has no scenario for.
public struct UnimplementedAssertionRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unimplemented-assertion", severity: .warning,
        summary: "A contract id in a tracking area (VAL-TIMER, VAL-ENTRY, VAL-REG, VAL-SEC-TRACK) has no scenario in `missionctl regress`.")
    public init() {}

    /// The areas whose assertions the regression suite is expected to execute.
    public static let trackingAreas: Set<String> = ["TIMER", "ENTRY", "REG", "SEC-TRACK"]

    public func check(_ context: CheckContext) -> [Finding] {
        guard let implemented = context.implementedAssertions, let contract = context.mission.contract else { return [] }
        let file = context.mission.missionFile("validation-contract.md")
        return contract.assertions.filter { Self.trackingAreas.contains($0.area) && !implemented.contains($0.id) }.map { assertion in
            descriptor.finding(
                file, assertion.location, message: "`\(assertion.id)` is a tracking assertion, but `missionctl regress` has no scenario for it",
                hint: "Add a scenario with this id to the regression suite, or move the assertion to a non-tracking area.")
        }
    }
}
