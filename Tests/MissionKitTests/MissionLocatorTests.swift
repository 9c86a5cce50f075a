import MissionKit
import Testing

@Suite struct MissionLocatorTests {
    func discover(_ files: [String: String]) throws -> (TempRepo, [String]) {
        let repo = try TempRepo(files)
        let dirs = try MissionLocator.missionDirs(repo: repo.root, explicit: nil, environment: [:], all: false)
        return (repo, dirs.map { FileSystem.relativePath($0, to: repo.root) })
    }

    @Test func everyMissionIsFoundByDefault() throws {
        let (_, dirs) = try discover([
            ".factory/AGENTS.md": "# x\n", ".factory/missions/a/mission.md": "# a\n", ".factory/missions/b/AGENTS.md": "#\n",
            ".factory/mission/mission.md": "#\n", "docs/mission/features.json": "{}", "docs/mission/validation-contract.md": "#\n",
        ])
        #expect(dirs == [".factory", ".factory/missions/a", ".factory/missions/b", ".factory/mission", "docs/mission"])
    }

    @Test func aFolderWithOnlyHandoffsOrRuntimeFilesIsNoMission() throws {
        let (repo, dirs) = try discover([
            ".factory/missions/abc/handoffs/h.md": "#\n", ".factory/missions/abc/state.json": "{}",
            ".factory/missions/def/mission.md": "#\n",
        ])
        #expect(dirs == [".factory/missions/def"])
        let handoffs = MissionLocator.handoffOnlyDirs(repo: repo.root, missions: [repo.root + "/.factory/missions/def"])
        #expect(handoffs == [repo.root + "/.factory/missions/abc"])
    }

    @Test func theRootNeedsMoreThanALoneFile() throws {
        #expect(try discover(["validation-contract.md": "# c\n"]).1.isEmpty)
        #expect(try discover(["features.json": "{}"]).1.isEmpty)
        // AGENTS.md at the root is the coding agents' instructions file, no mission by itself.
        #expect(try discover(["AGENTS.md": "# a\n"]).1.isEmpty)
        #expect(try discover(["AGENTS.md": "# a\n", "features.json": "{}"]).1 == ["."])
        #expect(try discover(["mission.md": "# m\n"]).1 == ["."])
    }

    @Test func environmentVariableWinsUnlessAllMissionsIsGiven() throws {
        let repo = try TempRepo([".factory/AGENTS.md": "#\n", "elsewhere/mission.md": "#\n"])
        let env = ["FACTORY_MISSION_DIR": repo.root + "/elsewhere"]
        let dirs = try MissionLocator.missionDirs(repo: repo.root, explicit: nil, environment: env, all: false)
        #expect(dirs == [repo.root + "/elsewhere"])
        let all = try MissionLocator.missionDirs(repo: repo.root, explicit: nil, environment: env, all: true)
        #expect(all == [repo.root + "/.factory"])
    }

    @Test func nothingFoundSaysWhereItLooked() throws {
        let repo = try TempRepo(["README.md": "#\n"])
        #expect(try MissionLocator.missionDirs(repo: repo.root, explicit: nil, environment: [:], all: false).isEmpty)
        do {
            _ = try MissionLocator.requiredMissionDirs(repo: repo.root, explicit: nil, environment: [:], all: false)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("Looked in") && error.message.contains("docs/mission") && error.message.contains("--mission"))
        }
    }

    @Test func repositoryRootIsTheGitTopLevel() throws {
        let repo = try TempRepo([".git/HEAD": "ref: refs/heads/main\n", "a/b/c.md": "#\n"])
        #expect(MissionLocator.repositoryRoot(from: repo.root + "/a/b") == repo.root)
    }
}
