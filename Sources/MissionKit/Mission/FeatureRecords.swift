/// What a mission's own records say about each feature, beside features.json's `status`: the
/// progress log's `feature_complete` events, successful handoffs (as files, or inline in
/// `worker_completed` events), and the latest syntheses of the feature's milestone.
public struct FeatureRecords: Sendable {
    /// One record that says a feature is done.
    public struct Evidence: Sendable, Hashable {
        /// How a message says it: "progress_log.jsonl:12 records feature_complete (commit 1a2b3c4)".
        public var text: String
    }

    /// By feature id, in the order found: log, handoffs, syntheses.
    public var evidence: [String: [Evidence]] = [:]

    /// The statuses of a feature that is not done yet.
    public static let openStatuses: Set<String> = ["pending", "in-progress", "in_progress", "inprogress", "todo", "running"]
    /// The handoff outcomes that report the work done.
    static let successStates: Set<String> = ["success", "succeeded", "successful", "completed", "complete", "done", "passed", "pass"]

    public static func isOpen(_ feature: FeatureList.Feature) -> Bool {
        openStatuses.contains((feature.status ?? "pending").lowercased())
    }

    public init(_ context: CheckContext) {
        let mission = context.mission
        let logFile = mission.missionFile("progress_log.jsonl")
        if let log = mission.progressLog {
            for (id, event) in log.completions {
                let commit = event.commit.map { " (commit \($0.prefix(7)))" } ?? ""
                add(id, "\(logFile):\(event.line) records feature_complete\(commit)")
            }
            for event in log.events where event.name == "worker_completed" {
                guard let handoff = event.handoff, let id = handoff.string("featureId", "feature") ?? event.featureId,
                    let state = handoff.string("successState", "status"), Self.successStates.contains(state.lowercased())
                else { continue }
                add(id, "\(logFile):\(event.line) records a worker_completed handoff with successState `\(state)`")
            }
        }
        for entry in context.handoffs.entries {
            guard let state = entry.successState, Self.successStates.contains(state.lowercased()) else { continue }
            for id in entry.features { add(id, "the handoff \(entry.file) reports `\(state)`") }
        }
        // A milestone passed when the latest synthesis of each of its validators passed.
        var latest: [String: ValidatorSynthesis] = [:]  // by milestone key + validator folder
        for s in context.syntheses.syntheses {
            let parts = s.path.split(separator: "/")
            let key = ValidatorSynthesis.milestoneKey(s.folder) + "/" + (parts.count >= 2 ? String(parts[parts.count - 2]) : "")
            if let known = latest[key], MissionSyntheses.order(known, s) != true { continue }
            latest[key] = s
        }
        var milestones: [String: [ValidatorSynthesis]] = [:]
        for (key, s) in latest { milestones[String(key.split(separator: "/").first ?? ""), default: []].append(s) }
        for feature in mission.features?.features ?? [] {
            guard let milestone = feature.milestone, let judged = milestones[ValidatorSynthesis.milestoneKey(milestone)],
                !judged.isEmpty, judged.allSatisfy(\.claimsPass)
            else { continue }
            let paths = judged.map(\.path).sorted()
            add(feature.id, "the latest synthesis of milestone `\(milestone)` passed (\(paths[0])\(paths.count > 1 ? " and \(paths.count - 1) more" : ""))")
        }
    }

    private mutating func add(_ id: String, _ text: String) {
        let e = Evidence(text: text)
        if !(evidence[id]?.contains(e) ?? false) { evidence[id, default: []].append(e) }
    }
}
