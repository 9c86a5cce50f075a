import MissionSystem

/// A mission's `progress_log.jsonl`: its append-only history, one JSON object a line, each named
/// by `event` (some writers use `type`). Read tolerantly: unknown events are normal and kept by
/// name only; a line that is not a JSON object is counted, never fatal.
public struct ProgressLog: Sendable {
    /// One event.
    public struct Event: Sendable {
        public var name: String
        public var featureId: String?
        public var commit: String?
        /// `status` or `successState`, when the event gives one.
        public var status: String?
        public var milestone: String?
        /// `timestamp`, `time` or `at`, as written.
        public var timestamp: String?
        /// A `worker_completed` event's handoff: its `handoff` object, else the event itself.
        public var handoff: JSONObject?
        /// 1-based line in the file.
        public var line: Int
    }

    /// Events in file order (only those with a name).
    public var events: [Event]
    /// Lines that are not a JSON object (1-based).
    public var malformedLines: [Int]

    /// The latest `feature_complete` event of each feature.
    public var completions: [String: Event] {
        var latest: [String: Event] = [:]
        for event in events where event.name == "feature_complete" {
            guard let id = event.featureId else { continue }
            if let status = event.status?.lowercased(), Self.unsuccessful.contains(status) { continue }
            latest[id] = event
        }
        return latest
    }

    /// The commit of the latest `feature_complete` event of each feature.
    public var completedFeatureCommits: [String: String] { completions.compactMapValues(\.commit) }

    /// The event that says the whole mission is done (`mission_complete`, `mission_signoff`), if any.
    public var missionEnd: Event? { events.last { $0.name == "mission_complete" || $0.name == "mission_signoff" } }

    /// Statuses of a `feature_complete` event that do not complete the feature.
    static let unsuccessful: Set<String> = ["failure", "failed", "error", "blocked", "partial", "cancelled", "canceled", "aborted"]

    /// Reads `<missionDir>/progress_log.jsonl`; nil when the mission keeps none.
    public static func load(missionDir: String) -> ProgressLog? {
        let path = missionDir + "/progress_log.jsonl"
        guard FileSystem.isRegularFile(path), let bytes = try? FileSystem.readBytes(path) else { return nil }
        return parse(bytes)
    }

    static func parse(_ bytes: [UInt8]) -> ProgressLog {
        var log = ProgressLog(events: [], malformedLines: [])
        for (index, raw) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard raw.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) else { continue }
            guard let object = JSONObject((try? JSONTree(bytes: Array(raw)))?.root) else {
                log.malformedLines.append(index + 1)
                continue
            }
            guard let name = object.string("event", "type") else { continue }
            let data = object.object("data") ?? object.object("payload")
            func text(_ keys: String...) -> String? {
                for key in keys {
                    if let s = object.string(key) ?? data?.string(key) { return s }
                }
                return nil
            }
            var event = Event(
                name: name, featureId: text("featureId", "feature_id", "feature"), commit: text("commit", "commitId", "commitSha"),
                status: text("status", "successState"), milestone: text("milestone"), timestamp: text("timestamp", "time", "at"),
                handoff: nil, line: index + 1)
            if name == "worker_completed" { event.handoff = object.object("handoff") ?? data?.object("handoff") ?? object }
            log.events.append(event)
        }
        return log
    }
}
