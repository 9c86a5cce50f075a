/// In a mission that keeps its handoffs (`handoffs/*.json` beside features.json), `completed`
/// features that no handoff names: the completion has no worker's account behind it. Once per
/// mission, with the features.
public struct CompletedFeatureWithoutHandoffRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "completed-feature-without-handoff", severity: .warning,
        summary: "In a mission that keeps handoffs, `completed` features that no handoff names (featureId or file name), once per mission.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let features = context.mission.features else { return [] }
        let log = context.handoffs
        guard !log.entries.isEmpty else { return [] }
        let named = log.featureIDs
        let missing = features.features.filter { $0.isCompleted && !named.contains($0.id) }
        guard let first = missing.first else { return [] }
        let shown = missing.prefix(3).map { "`\($0.id)`" }.joined(separator: ", ") + (missing.count > 3 ? ", …" : "")
        return [
            descriptor.finding(
                context.mission.missionFile("features.json"), first.statusLocation,
                message: "\(missing.count) completed feature(s) have no handoff in \(context.mission.missionFile("handoffs"))/: \(shown)",
                hint: "Commit the worker's handoff for each (its `featureId` names the feature), or set the feature back to in-progress.")
        ]
    }
}

extension CompletedFeatureWithoutHandoffRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.features(#"{"id": "f", "status": "completed"}"#, #"{"id": "g", "status": "completed"}"#).merging([".factory/handoffs/2026-01-01__g__s1.json": "{}"]) { $1 }),
            .passes(RuleExample.features(#"{"id": "f", "status": "completed"}"#, #"{"id": "g", "status": "pending"}"#).merging([".factory/handoffs/2026-01-01__f__s1.json": "{}"]) { $1 }),
        ]
    }
}
