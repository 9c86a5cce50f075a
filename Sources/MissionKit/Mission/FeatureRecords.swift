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

    /// No records (a context before they are worked out).
    public init() {}

    public init(_ context: CheckContext) {
        let mission = context.mission
        let logFile = mission.missionFile("progress_log.jsonl")
        if let log = mission.progressLog {
            for (id, event) in log.completions {
                let commit = event.commit.map { " (commit \($0.prefix(7)))" } ?? ""
                add(id, "\(logFile):\(event.line) records feature_complete\(commit)")
            }
        }
        // Handoff files and the log's `worker_completed` handoffs alike (HandoffLog reads both).
        for entry in context.handoffs.entries {
            guard let state = entry.successState, Self.successStates.contains(state.lowercased()) else { continue }
            let place = entry.line.map { "\(entry.file):\($0) records a worker_completed handoff with" } ?? "the handoff \(entry.file) reports"
            for id in entry.features { add(id, "\(place) successState `\(state)`") }
        }
        // Syntheses judge assertions, not features: a feature counts as done by validation only
        // when every assertion it fulfills passed in its latest verdict, in its milestone. (A
        // milestone's pass says nothing of fix-up features added after it, nor of another mission
        // that reuses the milestone's name.)
        let latest = context.syntheses.latest
        for feature in mission.features?.features ?? [] {
            let ids = feature.fulfills.map(\.id)
            guard let milestone = feature.milestone, !ids.isEmpty else { continue }
            let verdicts = ids.compactMap { latest[$0] }
            let key = ValidatorSynthesis.milestoneKey(milestone)
            guard verdicts.count == ids.count, verdicts.allSatisfy({ $0.status == "passed" && $0.synthesis.milestoneKey == key })
            else { continue }
            let paths = Set(verdicts.map(\.synthesis.path)).sorted()
            add(feature.id, "the latest synthesis of milestone `\(milestone)` passed its assertion(s) \(ids.prefix(3).joined(separator: ", "))\(ids.count > 3 ? ", …" : "") (\(paths[0])\(paths.count > 1 ? " and \(paths.count - 1) more" : ""))")
        }
    }

    private mutating func add(_ id: String, _ text: String) {
        let e = Evidence(text: text)
        if !(evidence[id]?.contains(e) ?? false) { evidence[id, default: []].append(e) }
    }
}
