/// Finds the repository root and the mission folder(s) to check.
public enum MissionLocator {
    /// The git top level containing `directory`, else `directory` itself.
    public static func repositoryRoot(from directory: String) -> String {
        var dir = FileSystem.absolute(directory)
        while true {
            if FileSystem.exists(dir + "/.git") { return dir }
            guard let slash = dir.lastIndex(of: "/"), dir != "/" else { break }
            dir = slash == dir.startIndex ? "/" : String(dir[..<slash])
        }
        return FileSystem.absolute(directory)
    }

    /// The files that make a folder a mission.
    static let missionFiles = ["mission.md", "AGENTS.md", "features.json", "validation-contract.md", "validation-state.json"]

    /// Whether a folder is a mission: it holds `mission.md`, or `AGENTS.md`, or at least two of the
    /// mission files. At the repository root `AGENTS.md` alone does not count: it is the generic
    /// instructions file of coding agents there, so the root needs `mission.md` or two mission files.
    /// A folder holding only `handoffs/` or runtime files (state.json, progress logs) is no mission.
    static func isMissionDir(_ dir: String, isRepositoryRoot: Bool) -> Bool {
        let present = missionFiles.filter { FileSystem.isRegularFile(dir + "/" + $0) }
        if present.contains("mission.md") { return true }
        if !isRepositoryRoot && present.contains("AGENTS.md") { return true }
        return present.count >= 2
    }

    /// The places a mission is looked for, in report order.
    public static func candidateDirs(repo: String) -> [String] {
        let missionsRoot = repo + "/.factory/missions"
        let nested = ((try? FileManagerShim.contents(of: missionsRoot)) ?? []).sorted()
            .map { missionsRoot + "/" + $0 }
            .filter { FileSystem.isDirectory($0) }
        return [repo + "/.factory"] + nested + [repo + "/.factory/mission", repo + "/docs/mission", repo]
    }

    /// Every mission folder of the repository: `.factory/`, each `.factory/missions/<id>/`,
    /// `.factory/mission/`, `docs/mission/` and the repository root, when they hold a mission.
    public static func discover(repo: String) -> [String] {
        candidateDirs(repo: repo).filter { isMissionDir($0, isRepositoryRoot: $0 == repo) }
    }

    /// Folders under `.factory/missions/` that keep handoffs but are no mission (only `handoffs/`).
    public static func handoffOnlyDirs(repo: String, missions: [String]) -> [String] {
        candidateDirs(repo: repo).filter { !missions.contains($0) && FileSystem.isDirectory($0 + "/handoffs") }
    }

    /// Where discovery looked, for the message that nothing was found.
    public static var lookedIn: String {
        """
        Looked in: $FACTORY_MISSION_DIR (unset), .factory/, .factory/missions/<id>/, .factory/mission/, docs/mission/ \
        and the repository root (a mission folder holds mission.md, AGENTS.md, or two of mission.md, AGENTS.md, \
        features.json, validation-contract.md, validation-state.json; at the root AGENTS.md alone is not enough).
        Pass --mission DIR to name the mission folder.
        """
    }

    /// The mission folders for `repo`.
    ///
    /// An explicit `--mission` wins, then `$FACTORY_MISSION_DIR` (unless `all`), then every
    /// mission `discover` finds. An empty result is no error here: a repository with
    /// `.factory/services.yaml` or skills but no mission is still checked; the caller decides.
    public static func missionDirs(
        repo: String, explicit: String?, environment: [String: String], all: Bool
    ) throws(MissionError) -> [String] {
        if let explicit {
            let dir = FileSystem.absolute(explicit)
            guard FileSystem.isDirectory(dir) else {
                throw MissionError("--mission \(explicit): no such folder")
            }
            return [dir]
        }
        if !all, let env = environment["FACTORY_MISSION_DIR"], !env.isEmpty {
            let dir = FileSystem.absolute(env)
            guard FileSystem.isDirectory(dir) else {
                throw MissionError("FACTORY_MISSION_DIR=\(env): no such folder (unset it or pass --mission DIR)")
            }
            return [dir]
        }
        return discover(repo: repo)
    }

    /// Like `missionDirs`, but no mission is a usage error that says where it looked.
    public static func requiredMissionDirs(
        repo: String, explicit: String?, environment: [String: String], all: Bool
    ) throws(MissionError) -> [String] {
        let dirs = try missionDirs(repo: repo, explicit: explicit, environment: environment, all: all)
        guard dirs.isEmpty else { return dirs }
        throw MissionError("no mission found for repository \(repo).\n" + lookedIn)
    }
}
