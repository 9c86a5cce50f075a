import Foundation

/// A mission's `progress_log.jsonl`: its append-only history, one JSON object a line, each named
/// by `event` (some writers use `type`). Read tolerantly: unknown events are normal and skipped.
public struct ProgressLog: Sendable {
    /// One event the tools act on.
    public struct Event: Sendable, Hashable {
        public var name: String
        public var featureId: String?
        public var commit: String?
        /// 1-based line in the file.
        public var line: Int
    }

    /// Events in file order (only those with a name).
    public var events: [Event]
    /// Lines that are not a JSON object (1-based).
    public var malformedLines: [Int]

    /// The commit of the latest `feature_complete` event of each feature.
    public var completedFeatureCommits: [String: String] {
        var commits: [String: String] = [:]
        for event in events where event.name == "feature_complete" {
            if let id = event.featureId, let commit = event.commit { commits[id] = commit }
        }
        return commits
    }

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
            guard let object = (try? JSONSerialization.jsonObject(with: Data(raw))) as? [String: Any] else {
                log.malformedLines.append(index + 1)
                continue
            }
            func text(_ keys: String...) -> String? {
                for key in keys { if let s = object[key] as? String, !s.isEmpty { return s } }
                return nil
            }
            guard let name = text("event", "type") else { continue }
            log.events.append(Event(name: name, featureId: text("featureId", "feature"), commit: text("commit", "commitId"), line: index + 1))
        }
        return log
    }
}
