/// A handoff whose `featureId` is not a feature of the mission's features.json: its work cannot
/// be tied to a feature, so nobody can tell what it completed.
public struct HandoffUnknownFeatureRule: HandoffRule {
    public static let descriptor = RuleDescriptor(
        id: "handoff-unknown-feature", severity: .warning,
        summary: "A handoff's `featureId` is not a feature id of the mission's features.json.")
    public init() {}

    public func check(_ context: HandoffContext) -> [Finding] {
        guard let features = context.mission?.features, !features.features.isEmpty,
            let id = context.handoff.featureId, !id.isEmpty, !features.ids.contains(id)
        else { return [] }
        return [
            Self.descriptor.finding(
                context.file, context.location("$.featureId"),
                message: "`featureId: \(id)` is not a feature of \(context.mission?.missionFile("features.json") ?? "features.json")"
                    + NameSuggestion.phrase(for: id, in: features.ids),
                hint: "Name the feature this work belongs to (features.json `id`).")
        ]
    }
}

extension HandoffUnknownFeatureRule {
    public static var examples: [RuleExample] {
        [
            .handoff(RuleExample.handoffJSON(wrapper: #""commitId": "HEAD", "featureId": "timre""#), commit: ["a.go": "package a\n"], files: RuleExample.features(#"{"id": "timer"}"#), reports: true),
            .handoff(RuleExample.handoffJSON(wrapper: #""commitId": "HEAD", "featureId": "timer""#), commit: ["a.go": "package a\n"], files: RuleExample.features(#"{"id": "timer"}"#), reports: false),
        ]
    }
}
