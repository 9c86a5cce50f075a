/// A state whose status is not one of the canonical values (`pass`, `green` occur in practice).
public struct UnknownValidationStatusRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-validation-status", severity: .warning,
        summary: "An assertion's status in validation-state.json is not pending, passed, failed or blocked.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let state = context.mission.state else { return [] }
        let file = context.mission.missionFile("validation-state.json")
        return state.entries.compactMap { entry in
            guard let status = entry.status, !ValidationState.canonicalStatuses.contains(status) else { return nil }
            return descriptor.finding(
                file, entry.location, message: "`\(entry.id)` has status `\(status)`, not a canonical value",
                hint: "Use pending, passed, failed or blocked.")
        }
    }
}
