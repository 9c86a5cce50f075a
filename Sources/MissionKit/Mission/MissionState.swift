/// `state.json`, which Factory keeps beside a mission it runs: the mission's id, its state
/// (`running`, `paused`, `completed`, …), the repository it works in and its feature counts.
/// Read tolerantly: a field of another shape is absent, and unknown fields are ignored.
public struct MissionState: Sendable, Hashable {
    public var missionId: String?
    public var state: String?
    public var workingDirectory: String?
    public var completedFeatures: Int?
    public var totalFeatures: Int?
    public var updatedAt: String?
    /// Where the counts stand in the file, for findings about them.
    public var completedLocation: SourceLocation = .start
    public var totalLocation: SourceLocation = .start

    /// Reads `<missionDir>/state.json`; nil when there is none or it is not a JSON object.
    public static func load(missionDir: String) -> MissionState? {
        let path = missionDir + "/state.json"
        guard FileSystem.isRegularFile(path), let bytes = try? FileSystem.readBytes(path, limit: 1024 * 1024),
            let document = try? JSONDocument(bytes: bytes)
        else { return nil }
        return decode(document)
    }

    public static func decode(_ document: JSONDocument) -> MissionState? {
        guard let object = JSONObject(document.root) else { return nil }
        return MissionState(
            missionId: object.string("missionId", "id"), state: object.string("state", "status"),
            workingDirectory: object.string("workingDirectory", "working_directory", "cwd"),
            completedFeatures: object.integer("completedFeatures"), totalFeatures: object.integer("totalFeatures"),
            updatedAt: object.string("updatedAt", "updated_at"),
            completedLocation: document.location("$.completedFeatures"), totalLocation: document.location("$.totalFeatures"))
    }
}
