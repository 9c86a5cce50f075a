/// state.json's `completedFeatures`/`totalFeatures` disagree with features.json: the counts
/// Factory shows for the mission are not the features it holds.
public struct StateCountMismatchRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "state-count-mismatch", severity: .warning,
        summary: "state.json's completedFeatures or totalFeatures disagrees with features.json.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let state = context.mission.runState, let features = context.mission.features?.features else { return [] }
        let file = context.mission.missionFile("state.json")
        var out: [Finding] = []
        let completed = features.count(where: \.isCompleted)
        if let n = state.completedFeatures, n != completed {
            out.append(
                descriptor.finding(
                    file, state.completedLocation,
                    message: "`completedFeatures` is \(n), but features.json has \(completed) completed feature(s)",
                    hint: "One of the two is stale: bring features.json's statuses up to date, or let the orchestrator rewrite state.json."))
        }
        if let n = state.totalFeatures, n != features.count {
            out.append(
                descriptor.finding(
                    file, state.totalLocation, message: "`totalFeatures` is \(n), but features.json lists \(features.count) feature(s)",
                    hint: "One of the two is stale: features were added or removed without the other being updated."))
        }
        return out
    }
}

extension StateCountMismatchRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.features(#"{"id": "f", "status": "pending"}"#).merging([".factory/state.json": #"{"completedFeatures": 1, "totalFeatures": 1}"#]) { $1 }),
            .passes(RuleExample.features(#"{"id": "f", "status": "completed"}"#).merging([".factory/state.json": #"{"completedFeatures": 1, "totalFeatures": 1}"#]) { $1 }),
        ]
    }
}
