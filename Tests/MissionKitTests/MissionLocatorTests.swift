import MissionKit
import Testing

@Suite struct MissionLocatorTests {
    @Test func prefersFactoryWithAgents() throws {
        let repo = try TempRepo([".factory/AGENTS.md": "# x\n", ".factory/missions/a/mission.md": "# a\n"])
        let dirs = try MissionLocator.missionDirs(repo: repo.root, explicit: nil, environment: [:], all: false)
        #expect(dirs == [repo.root + "/.factory"])
    }

    @Test func singleNestedMission() throws {
        let repo = try TempRepo([".factory/missions/abc/handoffs/h.json": "{}"])
        let dirs = try MissionLocator.missionDirs(repo: repo.root, explicit: nil, environment: [:], all: false)
        #expect(dirs == [repo.root + "/.factory/missions/abc"])
    }

    @Test func severalMissionsIsAUsageErrorListingThem() throws {
        let repo = try TempRepo([".factory/missions/a/mission.md": "#\n", ".factory/missions/b/mission.md": "#\n"])
        do {
            _ = try MissionLocator.missionDirs(repo: repo.root, explicit: nil, environment: [:], all: false)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains(".factory/missions/a") && error.message.contains("--all-missions"))
        }
        let all = try MissionLocator.missionDirs(repo: repo.root, explicit: nil, environment: [:], all: true)
        #expect(all.count == 2)
    }

    @Test func environmentVariableWins() throws {
        let repo = try TempRepo([".factory/AGENTS.md": "#\n", "elsewhere/mission.md": "#\n"])
        let dirs = try MissionLocator.missionDirs(
            repo: repo.root, explicit: nil, environment: ["FACTORY_MISSION_DIR": repo.root + "/elsewhere"], all: false)
        #expect(dirs == [repo.root + "/elsewhere"])
    }

    @Test func nothingFoundSaysWhereItLooked() throws {
        let repo = try TempRepo(["README.md": "#\n"])
        do {
            _ = try MissionLocator.missionDirs(repo: repo.root, explicit: nil, environment: [:], all: false)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("Looked in") && error.message.contains("--mission"))
        }
    }

    @Test func repositoryRootIsTheGitTopLevel() throws {
        let repo = try TempRepo([".git/HEAD": "ref: refs/heads/main\n", "a/b/c.md": "#\n"])
        #expect(MissionLocator.repositoryRoot(from: repo.root + "/a/b") == repo.root)
    }
}
