/// features.json records one commit for a feature and the progress log's `feature_complete`
/// another: `handoff verify` and the report would show different work for the same feature.
public struct FeatureCommitMismatchRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "feature-commit-mismatch", severity: .warning,
        summary: "A feature's `commit` in features.json is not the commit of its feature_complete event in the progress log.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let log = context.mission.progressLog, let features = context.mission.features else { return [] }
        let completions = log.completions
        return features.features.compactMap { feature -> Finding? in
            guard let recorded = feature.commit, let event = completions[feature.id], let logged = event.commit,
                !Self.sameCommit(recorded, logged)
            else { return nil }
            return descriptor.finding(
                context.mission.missionFile("features.json"), feature.location,
                message: "`\(feature.id)` records commit \(recorded.prefix(12)), but \(context.mission.missionFile("progress_log.jsonl")):\(event.line) records \(logged.prefix(12))",
                hint: "Keep the commit that holds the feature's work in both (`git show <id>` tells which).")
        }
    }

    /// Two spellings of one commit: one id a prefix of the other (short and full ids).
    static func sameCommit(_ a: String, _ b: String) -> Bool {
        let (x, y) = (a.lowercased(), b.lowercased())
        return x.hasPrefix(y) || y.hasPrefix(x)
    }
}

extension FeatureCommitMismatchRule {
    public static var examples: [RuleExample] {
        let log = #"{"event": "feature_complete", "featureId": "f", "commit": "1a2b3c4d5e"}"#
        return [
            .reports(RuleExample.features(#"{"id": "f", "status": "completed", "commit": "9f8e7d6"}"#).merging([".factory/progress_log.jsonl": log + "\n"]) { $1 }),
            .passes(RuleExample.features(#"{"id": "f", "status": "completed", "commit": "1a2b3c4"}"#).merging([".factory/progress_log.jsonl": log + "\n"]) { $1 }),
        ]
    }
}
