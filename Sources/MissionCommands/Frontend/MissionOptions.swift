import ArgumentParser
import Foundation
import MissionKit

/// `--repo`, `--mission`, `--all-missions`: how a command finds the mission.
struct MissionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The repository root (default: the git top level of the working directory).", valueName: "dir"))
    var repo: String?

    @Option(
        help: ArgumentHelp(
            "The mission folder (default: $FACTORY_MISSION_DIR, else every mission found: .factory/, .factory/missions/<id>/, .factory/mission/, docs/mission/, the repository root).",
            valueName: "dir"))
    var mission: String?

    @Flag(help: "Every mission found, even when $FACTORY_MISSION_DIR is set (finding every mission is the default otherwise).")
    var allMissions = false

    /// The repository root, validated.
    func repositoryRoot() throws -> String {
        if let repo {
            guard FileSystem.isDirectory(repo) else { throw MissionError("--repo \(repo): no such folder") }
            return FileSystem.absolute(repo)
        }
        return MissionLocator.repositoryRoot(from: FileManager.default.currentDirectoryPath)
    }

    /// The mission folders to work on; none is an error that says where it looked.
    func missionDirs(repo: String) throws -> [String] {
        try MissionLocator.requiredMissionDirs(
            repo: repo, explicit: mission, environment: ProcessInfo.processInfo.environment, all: allMissions)
    }

    /// The mission folders found, possibly none (`check` still checks the repository files then).
    func foundMissionDirs(repo: String) throws -> [String] {
        try MissionLocator.missionDirs(
            repo: repo, explicit: mission, environment: ProcessInfo.processInfo.environment, all: allMissions)
    }

    /// `--mission`/`$FACTORY_MISSION_DIR` first, then the config's `missions`, then discovery.
    func missionDirs(repo: String, config: Configuration) throws -> [String] {
        let explicit = mission != nil || (ProcessInfo.processInfo.environment["FACTORY_MISSION_DIR"] != nil && !allMissions)
        guard !explicit, let listed = config.missions else { return try foundMissionDirs(repo: repo) }
        return try listed.map { dir in
            let path = dir.hasPrefix("/") ? dir : repo + "/" + dir
            guard FileSystem.isDirectory(path) else {
                throw MissionError("\(config.file ?? Configuration.fileName): `missions` lists \(dir), which is not a folder of \(repo)")
            }
            return FileSystem.absolute(path)
        }
    }
}
