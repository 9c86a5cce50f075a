/// A state whose status is not one of the canonical values (`pass`, `green` occur in practice).
/// Reported once per distinct value, with the assertions that carry it.
public struct UnknownValidationStatusRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-validation-status", severity: .warning,
        summary: "An assertion's status in validation-state.json is not pending, passed, failed or blocked (once per value).")
    public init() {}

    /// What the common non-canonical values mean.
    static let synonyms: [String: String] = [
        "pass": "passed", "green": "passed", "ok": "passed", "success": "passed", "done": "passed", "fulfilled": "passed",
        "fail": "failed", "red": "failed", "failure": "failed", "todo": "pending", "not-started": "pending",
        "in-progress": "pending", "skipped": "blocked",
    ]

    public func check(_ context: CheckContext) -> [Finding] {
        guard let state = context.mission.state else { return [] }
        var groups = OccurrenceGroups<String>()
        for entry in state.entries {
            guard let status = entry.status, !ValidationState.canonicalStatuses.contains(status) else { continue }
            groups.add(status, at: entry.location, subject: entry.id)
        }
        let file = context.mission.missionFile("validation-state.json")
        return groups.groups.map { group in
            let meant = Self.synonyms[group.key.lowercased()] ?? NameSuggestion.closest(to: group.key, in: ValidationState.canonicalStatuses)
            return descriptor.finding(
                file, group.first,
                message: "status `\(group.key)` is not a canonical value, used by \(group.subjectList("assertion"))"
                    + (meant.map { "; did you mean `\($0)`?" } ?? ""),
                hint: "Use pending, passed, failed or blocked.")
        }
    }
}
