import ArgumentParser
import Foundation
import MissionKit

/// `--repo`, `--mission`, `--all-missions`: how a command finds the mission.
struct MissionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The repository root (default: the git top level of the working directory).", valueName: "dir"))
    var repo: String?

    @Option(
        help: ArgumentHelp(
            "The mission folder (default: $FACTORY_MISSION_DIR, else .factory/ when it holds AGENTS.md or mission.md, else the one folder under .factory/missions/).",
            valueName: "dir"))
    var mission: String?

    @Flag(help: "Check every mission folder found in the repository, one after another.")
    var allMissions = false

    /// The repository root, validated.
    func repositoryRoot() throws -> String {
        if let repo {
            guard FileSystem.isDirectory(repo) else { throw MissionError("--repo \(repo): no such folder") }
            return FileSystem.absolute(repo)
        }
        return MissionLocator.repositoryRoot(from: FileManager.default.currentDirectoryPath)
    }

    /// The mission folders to work on.
    func missionDirs(repo: String) throws -> [String] {
        try MissionLocator.missionDirs(
            repo: repo, explicit: mission, environment: ProcessInfo.processInfo.environment, all: allMissions)
    }
}
