/// The progress log says the mission is complete (`mission_complete`, `mission_signoff`) while
/// features.json holds features that are not done and that no record calls done. (Features some
/// record calls done are `feature-status-behind-records`.)
public struct MissionCompleteWithOpenFeaturesRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "mission-complete-with-open-features", severity: .warning,
        summary: "The progress log says mission_complete or mission_signoff while features are still pending or in progress, with no record of their completion.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let end = context.mission.progressLog?.missionEnd, let features = context.mission.features else { return [] }
        let records = context.records
        let open = features.features.filter { FeatureRecords.isOpen($0) && records.evidence[$0.id] == nil }
        guard !open.isEmpty else { return [] }
        let shown = open.prefix(5).map { "`\($0.id)` (\($0.status ?? "pending"))" }.joined(separator: ", ") + (open.count > 5 ? ", and \(open.count - 5) more" : "")
        return [
            descriptor.finding(
                context.mission.missionFile("progress_log.jsonl"), SourceLocation(line: end.line, column: 1),
                message: "the log says \(end.name), but \(open.count) feature(s) are not completed: \(shown)",
                hint: "Complete or cancel those features in features.json (`cancelled` records a decision not to do one), or the mission is not done.")
        ]
    }
}

extension MissionCompleteWithOpenFeaturesRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.features(#"{"id": "f", "status": "pending"}"#).merging([".factory/progress_log.jsonl": #"{"type": "mission_complete"}"# + "\n"]) { $1 }),
            .passes(RuleExample.features(#"{"id": "f", "status": "cancelled"}"#).merging([".factory/progress_log.jsonl": #"{"type": "mission_complete"}"# + "\n"]) { $1 }),
        ]
    }
}
