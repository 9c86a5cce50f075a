import MissionSystem
import MissionJSON

/// One line of `missionctl missions`: what a mission is and where it stands.
public struct MissionSummary: Sendable {
    /// The home folder's name (the session's uuid), else state.json's `missionId`, else the folder's name.
    public var id: String
    public var title: String?
    /// state.json's `state` (`running`, `paused`, `completed`, …).
    public var state: String?
    public var completedFeatures: Int?
    public var totalFeatures: Int?
    /// state.json's `updatedAt`, else the newest change of a mission file (UTC, ISO 8601).
    public var updated: String?
    /// Where it lives, as findings show it.
    public var location: String
    /// The working directory a home mission names.
    public var workingDirectory: String?

    public init(_ mission: Mission, home: HomeMissions.Entry?) {
        let run = mission.runState ?? home?.state
        let folder = mission.missionDir.split(separator: "/").last.map(String.init) ?? mission.missionDir
        id = home?.id ?? run?.missionId ?? folder
        title = MissionReport.title(of: mission)
        state = run?.state
        if let features = mission.features?.features {
            completedFeatures = features.count(where: \.isCompleted)
            totalFeatures = features.count
        } else {
            completedFeatures = run?.completedFeatures
            totalFeatures = run?.totalFeatures
        }
        updated = run?.updatedAt ?? Self.newestChange(mission.missionDir)
        location = mission.missionPath
        workingDirectory = home?.workingDirectory ?? run?.workingDirectory
    }

    /// The newest modification time of the mission's files, in UTC.
    static func newestChange(_ dir: String) -> String? {
        var newest: Date?
        for name in MissionLocator.missionFiles + ["state.json", "progress_log.jsonl"] {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: dir + "/" + name),
                let date = attributes[.modificationDate] as? Date
            else { continue }
            if newest.map({ date > $0 }) ?? true { newest = date }
        }
        guard let newest else { return nil }
        return Date.ISO8601FormatStyle().format(newest)
    }

    /// "3/12" or "-".
    public var progress: String {
        guard let total = totalFeatures else { return "-" }
        return "\(completedFeatures ?? 0)/\(total)"
    }

    public var json: JSONValue {
        func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        func number(_ n: Int?) -> JSONValue { n.map(JSONValue.int) ?? .null }
        return .object([
            ("id", .string(id)), ("title", text(title)), ("state", text(state)), ("completedFeatures", number(completedFeatures)),
            ("totalFeatures", number(totalFeatures)), ("updated", text(updated)), ("location", .string(location)),
            ("workingDirectory", text(workingDirectory)),
        ])
    }
}
