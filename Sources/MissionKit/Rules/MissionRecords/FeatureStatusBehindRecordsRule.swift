/// A feature features.json still calls `pending` or `in-progress` although the mission's own
/// records say it is done: a `feature_complete` event, a successful handoff, or a passing latest
/// synthesis of its milestone. An error once the log says the mission is complete or signed off.
public struct FeatureStatusBehindRecordsRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "feature-status-behind-records", severity: .warning,
        summary: "A `pending`/`in-progress` feature that the progress log, a successful handoff or its milestone's latest passing synthesis records as done (an error after mission_complete or mission_signoff).")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let features = context.mission.features else { return [] }
        let records = context.records
        let end = context.mission.progressLog?.missionEnd
        return features.features.compactMap { feature -> Finding? in
            guard FeatureRecords.isOpen(feature), let evidence = records.evidence[feature.id], let first = evidence.first else { return nil }
            var finding = descriptor.finding(
                context.mission.missionFile("features.json"), feature.statusLocation,
                message: "`\(feature.id)` is `\(feature.status ?? "pending")`, but \(first.text)"
                    + (evidence.count > 1 ? " (and \(evidence.count - 1) more record(s))" : "")
                    + (end.map { "; the log says \($0.name) at line \($0.line)" } ?? ""),
                hint: "Set its `status` to `completed` in features.json, as the records say; if the work is not done, record why in the progress log.")
            if end != nil { finding.severity = .error }
            return finding
        }
    }
}

extension FeatureStatusBehindRecordsRule {
    public static var examples: [RuleExample] {
        let log = #"{"event": "feature_complete", "featureId": "f", "status": "success", "commit": "1a2b3c4d"}"#
        let passed = RuleExample.synthesis(InvalidSynthesisRule.good)
        return [
            .reports(RuleExample.features(#"{"id": "f", "status": "pending"}"#).merging([".factory/progress_log.jsonl": log + "\n"]) { $1 }),
            .reports(
                RuleExample.features(#"{"id": "f", "status": "in-progress"}"#).merging([
                    ".factory/progress_log.jsonl": log + "\n" + #"{"event": "mission_signoff"}"# + "\n"
                ]) { $1 }
            ).severity(.error),
            .reports(RuleExample.features(#"{"id": "f", "status": "pending"}"#).merging([".factory/handoffs/h.json": #"{"featureId": "f", "successState": "success"}"#]) { $1 }),
            // Factory's own shape: the outcome on the event, the handoff inline without it.
            .reports(RuleExample.features(#"{"id": "f", "status": "pending"}"#).merging([".factory/progress_log.jsonl": #"{"type": "worker_completed", "featureId": "f", "successState": "success", "handoff": {"salientSummary": "Did it."}}"# + "\n"]) { $1 }),
            .reports(RuleExample.features(#"{"id": "f", "status": "pending", "milestone": "m", "fulfills": ["VAL-A-001"]}"#).merging(passed) { $1 }),
            // A milestone's pass says nothing of a feature that fulfills none of what it judged.
            .passes(RuleExample.features(#"{"id": "f", "status": "pending", "milestone": "m", "fulfills": []}"#).merging(passed) { $1 }),
            .passes(RuleExample.features(#"{"id": "f", "status": "completed"}"#).merging([".factory/progress_log.jsonl": log + "\n"]) { $1 }),
            // A failed completion is no record of completion.
            .passes(RuleExample.features(#"{"id": "f", "status": "pending"}"#).merging([".factory/progress_log.jsonl": #"{"event": "feature_complete", "featureId": "f", "status": "failure"}"# + "\n"]) { $1 }),
        ]
    }
}
