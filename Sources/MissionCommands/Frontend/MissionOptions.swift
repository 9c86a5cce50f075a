import ArgumentParser
import MissionSystem
import MissionKit

/// `--repo`, `--mission`, `--all-missions`: how a command finds the mission.
struct MissionOptions: ParsableArguments {
    @OptionGroup var repository: RepoOption

    @Option(
        help: ArgumentHelp(
            "The mission: a folder, or a mission id (its ~/.factory/missions/<id> folder name or state.json missionId). Default: $FACTORY_MISSION_DIR, else every mission found: .factory/, .factory/missions/<id>/, .factory/mission/, docs/mission/, the repository root, deeper folders holding three mission files, and ~/.factory/missions/<id>/ whose working_directory.txt names this repository.",
            valueName: "dir|id"))
    var mission: String?

    @Flag(help: "Every mission found, even when $FACTORY_MISSION_DIR is set (finding every mission is the default otherwise).")
    var allMissions = false

    /// The repository root, validated.
    func repositoryRoot() throws -> String { try repository.root() }

    /// What discovery is told, with the home folder's missions.
    func selection(repo: String) -> MissionSelection {
        let environment = ProcessInfo.processInfo.environment
        return MissionSelection(
            repo: repo, mission: mission, allMissions: allMissions, environment: environment,
            home: HomeMissions(home: environment["HOME"]), pathBase: repository.pathBase(root: repo))
    }

    /// The shared load of a run (configuration, missions, repository files) for `repo`.
    func frontend(repo: String, config: String? = nil, requireStatusBlocks: Bool = false, suite: SuiteIDs? = nil) throws -> CheckFrontend {
        var request = CheckFrontend.Request(selection: selection(repo: repo), configFile: config)
        request.requireStatusBlocks = requireStatusBlocks
        request.suite = suite
        return try CheckFrontend(request)
    }
}
