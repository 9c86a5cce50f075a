/// A feature whose status is not one of pending, in-progress, completed, cancelled (`done` and
/// `in_progress` occur in practice). Reported once per distinct value, with the features that
/// carry it: an orchestrator that looks for `completed` never counts a `done` feature.
public struct UnknownFeatureStatusRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-feature-status", severity: .warning,
        summary: "A feature's status in features.json is not pending, in-progress, completed or cancelled (once per value).")
    public init() {}

    public static let canonical = ["pending", "in-progress", "completed", "cancelled"]

    /// What the common non-canonical values mean.
    static let synonyms: [String: String] = [
        "done": "completed", "complete": "completed", "finished": "completed", "passed": "completed",
        "todo": "pending", "not-started": "pending", "open": "pending", "wip": "in-progress", "started": "in-progress",
        "canceled": "cancelled", "dropped": "cancelled", "abandoned": "cancelled",
    ]

    public func check(_ context: CheckContext) -> [Finding] {
        guard let features = context.mission.features else { return [] }
        var groups = OccurrenceGroups<String>()
        for feature in features.features {
            guard let status = feature.status, !Self.canonical.contains(status) else { continue }
            groups.add(status, at: feature.statusLocation, subject: feature.id)
        }
        let file = context.mission.missionFile("features.json")
        return groups.groups.map { group in
            let meant = Self.synonyms[group.key.lowercased()] ?? NameSuggestion.closest(to: group.key, in: Self.canonical)
            return descriptor.finding(
                file, group.first,
                message: "feature status `\(group.key)` is not a canonical value, used by \(group.subjectList("feature"))"
                    + (meant.map { "; did you mean `\($0)`?" } ?? ""),
                hint: "Use pending, in-progress, completed or cancelled: tools that count completed features skip any other word.")
        }
    }
}
