/// Finds the repository root and the mission folder(s) to check: in the repository, and in the
/// home folder where Factory keeps the missions it runs.
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
    public static let missionFiles = ["mission.md", "AGENTS.md", "features.json", "validation-contract.md", "validation-state.json"]

    /// Whether a folder is a mission: it holds `mission.md`, or `AGENTS.md`, or at least two of the
    /// mission files. At the repository root `AGENTS.md` alone does not count: it is the generic
    /// instructions file of coding agents there, so the root needs `mission.md` or two mission files.
    /// A folder holding only `handoffs/` or runtime files (state.json, progress logs) is no mission.
    static func isMissionDir(_ dir: String, isRepositoryRoot: Bool) -> Bool {
        let present = presentFiles(dir)
        if present.contains("mission.md") { return true }
        if !isRepositoryRoot && present.contains("AGENTS.md") { return true }
        return present.count >= 2
    }

    static func presentFiles(_ dir: String) -> [String] {
        missionFiles.filter { FileSystem.isRegularFile(dir + "/" + $0) }
    }

    /// The fixed places a mission is looked for, in report order.
    public static func candidateDirs(repo: String) -> [String] {
        [repo + "/.factory"] + missionsFolderEntries(repo: repo) + [repo + "/.factory/mission", repo + "/docs/mission", repo]
    }

    /// Each folder of `.factory/missions/`: where teams commit whole mission folders.
    static func missionsFolderEntries(repo: String) -> [String] {
        let missionsRoot = repo + "/.factory/missions"
        return ((try? FileManagerShim.contents(of: missionsRoot)) ?? []).sorted()
            .map { missionsRoot + "/" + $0 }
            .filter { FileSystem.isDirectory($0) }
    }

    /// Every mission folder inside the repository: `.factory/`, each `.factory/missions/<id>/` that
    /// holds any mission file (a runtime copy keeps only validation-state.json or features.json, and
    /// is checked for what it has), `.factory/mission/`, `docs/mission/`, the repository root, and any
    /// folder below that holds at least three of the mission files (`designs/<name>/`).
    public static func discover(repo: String) -> [String] {
        // In Factory's own folders one mission file makes a mission (a runtime copy keeps only
        // validation-state.json or features.json); elsewhere the stricter test applies.
        let entries = Set(missionsFolderEntries(repo: repo) + [repo + "/.factory", repo + "/.factory/mission"])
        var found = candidateDirs(repo: repo).filter { dir in
            // A link that leads out is kept, for `locate` to refuse (or to accept as a home mission).
            entries.contains(dir)
                ? !presentFiles(dir).isEmpty || !FileSystem.isInside(dir, root: repo)
                : isMissionDir(dir, isRepositoryRoot: dir == repo)
        }
        var seen = Set(found)
        for dir in nestedMissions(repo: repo) where seen.insert(dir).inserted { found.append(dir) }
        return found
    }

    /// Folder names that hold other projects' files or test inputs: a mission there is an example
    /// or a fixture, not this repository's mission.
    static let foreignFolders: Set<String> = [
        "fixtures", "__fixtures__", "test-fixtures", "testdata", "test-data", "examples", "samples", "vendor", "third_party",
        "third-party",
    ]

    /// How deep, and through how many folders, the search for missions below the root goes.
    static let nestedDepth = 6
    static let nestedFolderBudget = 20_000

    /// Folders below the root (outside `.factory/`) holding three or more mission files. Bounded
    /// in depth and in folders visited; skips hidden, build, dependency and fixture folders,
    /// nested projects (their own `.git` or `.factory`) and symlinked folders.
    static func nestedMissions(repo: String) -> [String] {
        var found: [String] = []
        var queue: [(String, Int)] = [(repo, 0)]
        var visited = 0
        var index = 0
        while index < queue.count, visited < nestedFolderBudget {
            let (dir, depth) = queue[index]
            index += 1
            visited += 1
            if dir != repo, !dir.hasPrefix(repo + "/docs/mission"), presentFiles(dir).count >= 3 { found.append(dir) }
            guard depth < nestedDepth else { continue }
            for name in ((try? FileManagerShim.contents(of: dir)) ?? []).sorted() {
                if name.hasPrefix(".") || FileSystem.skippedFolders.contains(name) || foreignFolders.contains(name.lowercased()) { continue }
                let sub = dir + "/" + name
                guard FileSystem.isRealDirectory(sub) else { continue }
                if FileSystem.exists(sub + "/.git") || FileSystem.isDirectory(sub + "/.factory") { continue }
                queue.append((sub, depth + 1))
            }
        }
        return found
    }

    /// Folders under `.factory/missions/` that keep handoffs but are no mission (only `handoffs/`).
    public static func handoffOnlyDirs(repo: String, missions: [String]) -> [String] {
        candidateDirs(repo: repo).filter { !missions.contains($0) && FileSystem.isDirectory($0 + "/handoffs") }
    }

    /// Where discovery looked, for the message that nothing was found.
    public static var lookedIn: String {
        """
        Looked in: $FACTORY_MISSION_DIR (unset), .factory/, .factory/missions/<id>/, .factory/mission/, docs/mission/, \
        the repository root, folders below it holding three mission files, and ~/.factory/missions/<id>/ whose \
        working_directory.txt names this repository (a mission folder holds mission.md, AGENTS.md, or two of mission.md, \
        AGENTS.md, features.json, validation-contract.md, validation-state.json; at the root AGENTS.md alone is not enough).
        Pass --mission DIR (or a mission id) to name the mission.
        """
    }

    /// The mission folders for `repo` without the home folder (see `locate` for the whole search).
    public static func missionDirs(
        repo: String, explicit: String?, environment: [String: String], all: Bool
    ) throws(MissionError) -> [String] {
        try locate(MissionSelection(repo: repo, mission: explicit, allMissions: all, environment: environment, home: nil)).dirs
    }

    /// Like `missionDirs`, but no mission is a usage error that says where it looked.
    public static func requiredMissionDirs(
        repo: String, explicit: String?, environment: [String: String], all: Bool
    ) throws(MissionError) -> [String] {
        try locate(MissionSelection(repo: repo, mission: explicit, allMissions: all, environment: environment, home: nil)).required().dirs
    }

    /// The missions a run works on.
    ///
    /// `--mission` (a folder, or a mission id at home or under `.factory/missions/`) wins, then
    /// `$FACTORY_MISSION_DIR` (unless `allMissions`), then the configuration's `missions`, then every
    /// mission `discover` finds in the repository and every home mission that names the repository.
    /// An empty result is no error here: a repository with `.factory/services.yaml` or skills but no
    /// mission is still checked; the caller decides (`MissionDiscovery.required()`).
    public static func locate(_ selection: MissionSelection) throws(MissionError) -> MissionDiscovery {
        let repo = selection.repo
        var discovery = MissionDiscovery()
        if let explicit = selection.mission {
            discovery.explicit = true
            let dir = try named(explicit, selection: selection, discovery: &discovery)
            discovery.dirs = [dir]
            return discovery
        }
        if !selection.allMissions, let env = selection.environment["FACTORY_MISSION_DIR"], !env.isEmpty {
            let dir = FileSystem.absolute(env)
            guard FileSystem.isDirectory(dir) else {
                throw MissionError("FACTORY_MISSION_DIR=\(env): no such folder (unset it or pass --mission DIR)")
            }
            discovery.explicit = true
            discovery.dirs = [dir]
            if let entry = selection.home?.entry(resolving: dir) { discovery.home[dir] = entry }
            return discovery
        }
        let belonging = selection.home?.belonging(to: repo) ?? []
        var candidates: [String]
        if let listed = selection.configMissions {
            candidates = try listed.map { (item: String) throws(MissionError) -> String in
                let path = FileSystem.absolute(item.hasPrefix("/") ? item : repo + "/" + item)
                guard FileSystem.isDirectory(path) else {
                    throw MissionError(
                        "\(selection.configFile ?? ".missionctl.yml"): `missions` lists \(item), which is not a folder (tried \(path))")
                }
                return path
            }
        } else {
            candidates = discover(repo: repo)
        }
        var taken: Set<String> = []  // real paths
        for dir in candidates {
            let real = FileSystem.realPath(dir) ?? dir
            if !FileSystem.isInside(dir, root: repo) {
                // Read through the repository only when it leads to a home mission of this repository.
                if let entry = belonging.first(where: { FileSystem.realPath($0.dir) == real }) {
                    discovery.home[dir] = entry
                } else {
                    discovery.refused.append(.init(path: FileSystem.relativePath(dir, to: repo), target: real))
                    continue
                }
            }
            if taken.insert(real).inserted { discovery.dirs.append(dir) }
        }
        for entry in belonging {
            let real = FileSystem.realPath(entry.dir) ?? entry.dir
            guard taken.insert(real).inserted else { continue }
            discovery.dirs.append(entry.dir)
            discovery.home[entry.dir] = entry
        }
        if selection.configMissions == nil {
            discovery.handoffOnly = handoffOnlyDirs(repo: repo, missions: discovery.dirs).filter { FileSystem.isInside($0, root: repo) }
        }
        return discovery
    }

    /// The folder `--mission` names: a path (resolved against the repository when `--repo` was
    /// given, else the working directory), else a mission id.
    static func named(_ value: String, selection: MissionSelection, discovery: inout MissionDiscovery) throws(MissionError) -> String {
        let path = FileSystem.absolute(value.hasPrefix("/") ? value : selection.pathBase + "/" + value)
        if FileSystem.isDirectory(path) {
            if let entry = selection.home?.entry(resolving: path) { discovery.home[path] = entry }
            return path
        }
        if !value.contains("/") {
            if let entry = selection.home?.named(value) {
                discovery.home[entry.dir] = entry
                return entry.dir
            }
            let inRepository = selection.repo + "/.factory/missions/" + value
            if FileSystem.isDirectory(inRepository) { return inRepository }
        }
        var message = "--mission \(value): no such folder (tried \(path))"
        if !value.contains("/") {
            let ids = selection.home?.entries.map(\.id) ?? []
            message += ", and no mission has that id"
            if let close = NameSuggestion.closest(to: value, in: ids) { message += " (did you mean `\(close)`?)" }
            message += ids.isEmpty ? "" : "; `missionctl missions --all` lists the missions at home"
        }
        throw MissionError(message)
    }
}
