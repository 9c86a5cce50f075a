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

    /// Whether a folder looks like a mission dir (any of the mission files, or `handoffs/`).
    static func isMissionDir(_ dir: String, requireMain: Bool) -> Bool {
        let main = ["AGENTS.md", "mission.md"]
        let others = ["features.json", "validation-contract.md", "validation-state.json", "handoffs"]
        if main.contains(where: { FileSystem.exists(dir + "/" + $0) }) { return true }
        return !requireMain && others.contains(where: { FileSystem.exists(dir + "/" + $0) })
    }

    /// The mission folders for `repo`.
    ///
    /// Order: an explicit `--mission`; `$FACTORY_MISSION_DIR`; `<repo>/.factory` when it holds
    /// AGENTS.md or mission.md; the one folder under `<repo>/.factory/missions/`; the repository
    /// root when it holds mission files. With `all`, every candidate is returned.
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
        var candidates: [String] = []
        let factory = repo + "/.factory"
        if isMissionDir(factory, requireMain: true) { candidates.append(factory) }
        let missionsRoot = factory + "/missions"
        let nested = ((try? FileManagerShim.contents(of: missionsRoot)) ?? []).sorted()
            .map { missionsRoot + "/" + $0 }
            .filter { FileSystem.isDirectory($0) }
        if all || candidates.isEmpty { candidates += nested }
        if (all || candidates.isEmpty),
            ["mission.md", "features.json", "validation-contract.md"].contains(where: { FileSystem.exists(repo + "/" + $0) })
        {
            candidates.append(repo)
        }
        if candidates.isEmpty {
            throw MissionError(
                """
                no mission found for repository \(repo).
                Looked in: $FACTORY_MISSION_DIR (unset), \(factory) (needs AGENTS.md or mission.md), \
                \(missionsRoot)/<id>/ (none), and the repository root (no mission.md, features.json or validation-contract.md).
                Pass --mission DIR to name the mission folder.
                """)
        }
        if candidates.count > 1 && !all {
            let list = candidates.map { "  " + FileSystem.relativePath($0, to: repo) }.joined(separator: "\n")
            throw MissionError(
                "several mission folders in \(repo):\n\(list)\nPass --mission DIR to pick one, or --all-missions to check each in turn.")
        }
        return candidates
    }
}
