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
        var values = NonCanonicalValues(canonical: Self.canonical, synonyms: Self.synonyms)
        for feature in features.features { values.add(feature.status, at: feature.statusLocation, subject: feature.id) }
        return values.findings(
            descriptor, file: context.mission.missionFile("features.json"), label: "feature status", noun: "feature",
            hint: "Use pending, in-progress, completed or cancelled: tools that count completed features skip any other word.")
    }
}

extension UnknownFeatureStatusRule {
    public static var examples: [RuleExample] {
        [.reports(RuleExample.features(#"{"id": "f", "status": "finished"}"#)), .passes(RuleExample.features(#"{"id": "f", "status": "completed"}"#))]
    }
}
