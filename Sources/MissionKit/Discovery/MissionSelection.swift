/// What a run is told about where its missions are: the repository, `--mission`, the
/// environment, the configuration's `missions` and the home folder's missions.
public struct MissionSelection: Sendable {
    /// The repository root (absolute).
    public var repo: String
    /// `--mission` as given: a folder or a mission id.
    public var mission: String?
    /// Every mission, even when `$FACTORY_MISSION_DIR` is set.
    public var allMissions: Bool
    public var environment: [String: String]
    /// The missions at home; nil looks at none (tests, `--no-home`).
    public var home: HomeMissions?
    /// The configuration's `missions` (repo-relative folders), and the file that lists them.
    public var configMissions: [String]?
    public var configFile: String?
    /// Where a relative `--mission` path starts: the repository when `--repo` was given, else the
    /// working directory.
    public var pathBase: String

    public init(
        repo: String, mission: String? = nil, allMissions: Bool = false, environment: [String: String] = [:],
        home: HomeMissions? = nil, pathBase: String? = nil
    ) {
        self.repo = repo
        self.mission = mission
        self.allMissions = allMissions
        self.environment = environment
        self.home = home
        self.pathBase = pathBase ?? FileSystem.absolute(".")
    }
}

/// The missions a run works on, and what discovery passed over.
public struct MissionDiscovery: Sendable {
    /// A mission folder reached through the repository that resolves outside it: never read.
    public struct Refusal: Sendable, Hashable {
        /// As listed (repo-relative).
        public var path: String
        /// Where it leads.
        public var target: String
    }

    /// Mission folders (absolute), in report order.
    public var dirs: [String] = []
    /// Folders under `.factory/missions/` that keep only handoffs.
    public var handoffOnly: [String] = []
    public var refused: [Refusal] = []
    /// The home missions among `dirs`, by folder.
    public var home: [String: HomeMissions.Entry] = [:]
    /// Whether the mission was named (`--mission`, `$FACTORY_MISSION_DIR`) rather than found.
    public var explicit = false

    public init() {}

    /// How a mission folder is shown: `~/.factory/missions/<id>` at home, else its path.
    public func shown(_ dir: String, repo: String) -> String {
        if let entry = home[dir], !dir.hasPrefix(repo + "/") { return entry.shown }
        return FileSystem.relativePath(dir, to: repo)
    }

    /// This discovery, or a usage error that says where it looked when it found nothing.
    public func required() throws(MissionError) -> MissionDiscovery {
        guard dirs.isEmpty else { return self }
        throw MissionError("no mission found.\n" + MissionLocator.lookedIn)
    }
}
