import Foundation
import MissionKit
import Testing

/// Missions where Factory keeps them (`~/.factory/missions/<id>/`), found for the repository
/// their working_directory.txt names, and the mission folders discovery must refuse.
@Suite struct HomeMissionTests {
    /// A fake home folder and a repository beside it, in one temporary folder.
    final class World {
        let base: TempRepo
        var home: String { base.root + "/home" }
        var repo: String { base.root + "/repo" }

        init(_ files: [String: String]) throws {
            base = try TempRepo(files.merging(["repo/.git/HEAD": "ref: refs/heads/main\n"]) { a, _ in a })
        }

        func homeMission(_ id: String, workingDirectory: String, files: [String: String] = [:]) throws {
            try base.write("home/.factory/missions/\(id)/working_directory.txt", workingDirectory + "\n")
            for (name, content) in files { try base.write("home/.factory/missions/\(id)/\(name)", content) }
        }

        func frontend(mission: String? = nil, home: Bool = true, pathBase: String? = nil) throws -> CheckFrontend {
            let selection = MissionSelection(
                repo: repo, mission: mission, environment: home ? ["HOME": self.home] : [:], home: home ? HomeMissions(home: self.home) : nil,
                pathBase: pathBase ?? repo)
            return try CheckFrontend(CheckFrontend.Request(selection: selection))
        }
    }

    static let mission = ["mission.md": "# Timer\n", "features.json": #"{"features": [{"id": "f1", "status": "completed"}]}"#]

    @Test func aHomeMissionNamingTheRepositoryIsCheckedAndAnotherRepositorysIsNot() throws {
        let w = try World(["repo/README.md": "# r\n", "other/README.md": "# o\n"])
        try w.homeMission("aaa", workingDirectory: w.repo + "/sub/folder", files: Self.mission)
        try w.homeMission("bbb", workingDirectory: w.base.root + "/other", files: Self.mission)
        let frontend = try w.frontend()
        #expect(frontend.missions.map(\.missionPath) == ["~/.factory/missions/aaa"])
        #expect(frontend.discovery.home.count == 1)
        // Without a home folder (CI), nothing is found and nothing changes.
        #expect(try w.frontend(home: false).missions.isEmpty)
    }

    @Test func stateJSONsWorkingDirectoryLinksAMissionAndRealPathsAreCompared() throws {
        let w = try World(["repo/README.md": "# r\n"])
        try FileManager.default.createSymbolicLink(atPath: w.base.root + "/checkout", withDestinationPath: w.repo)
        try w.base.write("home/.factory/missions/ccc/mission.md", "# Linked\n")
        try w.base.write("home/.factory/missions/ccc/state.json", #"{"missionId": "mis_9", "workingDirectory": "\#(w.base.root)/checkout"}"#)
        let frontend = try w.frontend()
        #expect(frontend.missions.map(\.missionPath) == ["~/.factory/missions/ccc"])
        // --mission takes the folder name or state.json's missionId.
        #expect(try w.frontend(mission: "mis_9").missions.map(\.missionPath) == ["~/.factory/missions/ccc"])
        #expect(try w.frontend(mission: "ccc").missions.count == 1)
        do {
            _ = try w.frontend(mission: "ccd")
            Issue.record("an unknown id must be a usage error")
        } catch let error as MissionError {
            #expect(error.message.contains("tried \(w.repo)/ccd") && error.message.contains("did you mean `ccc`"), "\(error.message)")
        }
    }

    @Test func relativeMissionPathsResolveAgainstTheRepository() throws {
        let w = try World(["repo/plans/m/mission.md": "# P\n"])
        #expect(try w.frontend(mission: "plans/m", pathBase: w.repo).missions.count == 1)
        #expect(throws: MissionError.self) { try w.frontend(mission: "plans/m", pathBase: w.base.root) }
    }

    @Test func aRepositoryLinkToAHomeMissionOfThisRepositoryIsReadOnceWithoutAFinding() throws {
        let w = try World(["repo/README.md": "# r\n"])
        try w.homeMission("ddd", workingDirectory: w.repo, files: Self.mission)
        try FileManager.default.createDirectory(atPath: w.repo + "/.factory/missions", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: w.repo + "/.factory/missions/ddd", withDestinationPath: w.home + "/.factory/missions/ddd")
        let frontend = try w.frontend()
        #expect(frontend.missions.map(\.missionPath) == [".factory/missions/ddd"])
        #expect(frontend.check().report.findings.filter { $0.rule == "mission-outside-repository" }.isEmpty)
    }

    @Test func otherFoldersOutsideTheRepositoryAreRefusedAndNotRead() throws {
        let w = try World([
            "secret/mission.md": "# TOP SECRET\n", "secret/features.json": #"{"features": [{"id": "SECRET-TOKEN", "skillName": "x"}]}"#,
            "repo/.missionctl.yml": "missions: [\"../secret\"]\n",
        ])
        let report = try w.frontend().check().report
        #expect(report.findings.map(\.rule) == ["mission-outside-repository"], "\(report.findings)")
        #expect(!report.findings.contains { $0.message.contains("SECRET-TOKEN") })
    }

    @Test func aSymlinkedMissionFileLeadingOutIsRefused() throws {
        let w = try World(["secret.md": "### VAL-SECRET-001: the password is hunter2\n", "repo/.factory/mission.md": "# M\n"])
        try FileManager.default.createSymbolicLink(atPath: w.repo + "/.factory/validation-contract.md", withDestinationPath: w.base.root + "/secret.md")
        let frontend = try w.frontend()
        let findings = frontend.check().report.findings
        #expect(findings.contains { $0.rule == "invalid-mission-file" && $0.message.contains("resolves outside") })
        #expect(frontend.missions.first?.contract == nil)
    }

    @Test func missionsAtAnyDepthNeedThreeFilesAndFixturesAreNotMissions() throws {
        let w = try World([
            "repo/designs/timer/mission.md": "# T\n", "repo/designs/timer/features.json": "{\"features\": []}",
            "repo/designs/timer/validation-contract.md": "# C\n",
            "repo/notes/AGENTS.md": "# notes\n", "repo/notes/features.json": "{}",
            "repo/Tests/Fixtures/m/mission.md": "# F\n", "repo/Tests/Fixtures/m/features.json": "{}", "repo/Tests/Fixtures/m/AGENTS.md": "# F\n",
        ])
        #expect(try w.frontend(home: false).missions.map(\.missionPath) == ["designs/timer"])
    }

    @Test func aRuntimeFolderWithOnlyValidationStateIsCheckedAgainstLaterSyntheses() throws {
        let synthesis = { (milestone: String, time: String) in
            #"{"milestone": "\#(milestone)", "round": 1, "status": "pass", "timestamp": "\#(time)", "assertionsSummary": {"total": 1, "passed": 1, "failed": 0, "blocked": 0}, "passedAssertions": ["VAL-A-001"], "failedAssertions": [], "blockedAssertions": []}"#
        }
        let w = try World([
            "repo/.factory/missions/run1/validation-state.json": #"{"assertions": {"VAL-A-001": {"status": "failed"}}}"#,
            "repo/.factory/validation/m1/user-testing/synthesis.json": synthesis("m1", "2026-01-01T00:00:00Z"),
            "repo/.factory/validation/m2/user-testing/synthesis.json": synthesis("m2", "2026-02-01T00:00:00Z"),
        ])
        let frontend = try w.frontend(home: false)
        #expect(frontend.missions.map(\.missionPath) == [".factory/missions/run1"])
        #expect(frontend.check().report.findings.contains { $0.rule == "synthesis-state-mismatch" })
    }

    @Test func theLatestVerdictIsChosenByTimeAcrossMilestoneFolders() throws {
        func synthesis(_ milestone: String, round: Int, _ kind: String, time: String?) -> String {
            let t = time.map { #""timestamp": "\#($0)", "# } ?? ""
            return #"{"milestone": "\#(milestone)", "round": \#(round), \#(t)"status": "\#(kind == "passed" ? "pass" : "fail")", "passedAssertions": \#(kind == "passed" ? #"["VAL-A-001"]"# : "[]"), "failedAssertions": \#(kind == "failed" ? #"["VAL-A-001"]"# : "[]"), "blockedAssertions": []}"#
        }
        let features = #"{"features": [{"id": "f", "milestone": "m1", "fulfills": ["VAL-A-001"]}, {"id": "g", "milestone": "m2"}]}"#
        let files = { (t1: String?, t2: String?) in
            [
                ".factory/features.json": features, ".factory/validation-state.json": #"{"assertions": {"VAL-A-001": {"status": "passed"}}}"#,
                // Round 3 of m1 failed it, first; round 1 of m2 passed it, later.
                ".factory/validation/m1/user-testing/synthesis.json": synthesis("m1", round: 3, "failed", time: t1),
                ".factory/validation/m2/user-testing/synthesis.json": synthesis("m2", round: 1, "passed", time: t2),
            ]
        }
        let timed = try TempRepo(files("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"))
        #expect(!timed.check().findings.contains { $0.rule == "synthesis-state-mismatch" })
        let reversed = try TempRepo(files("2026-03-01T00:00:00Z", "2026-02-01T00:00:00Z"))
        #expect(reversed.check().findings.contains { $0.rule == "synthesis-state-mismatch" })
        // No time and no history: the order is unknown, so no verdict is the latest.
        let unknown = try TempRepo(files(nil, nil))
        #expect(!unknown.check().findings.contains { $0.rule == "synthesis-state-mismatch" })
    }

    @Test func handoffsInsideWorkerCompletedEventsCount() throws {
        let repo = try TempRepo([
            ".factory/features.json": #"{"features": [{"id": "f", "status": "completed"}, {"id": "g", "status": "completed"}]}"#,
            ".factory/handoffs/2026-01-01__f__s1.json": "{}",
            ".factory/progress_log.jsonl": #"{"event": "worker_completed", "handoff": {"featureId": "g", "successState": "success"}}"# + "\n",
        ])
        #expect(!repo.check().findings.contains { $0.rule == "completed-feature-without-handoff" })
    }

    @Test func assertionsNamedOutsideFeaturesAreSaidToBe() throws {
        let repo = try TempRepo(
            RuleExample.contract.merging([
                ".factory/features.json": #"{"features": [{"id": "f", "fulfills": ["VAL-A-001"]}], "validatorOnly": ["VAL-A-002"]}"#
            ]) { $1 })
        let finding = try #require(repo.check().findings.first { $0.rule == "unclaimed-assertion" })
        #expect(finding.message.contains("only outside `features`, at `$.validatorOnly[0]`"), "\(finding.message)")
    }

    @Test func userSkillsAtHomeAreKnownAndTheRootSkillsFolderIsNot() throws {
        let w = try World([
            "repo/.factory/features.json": #"{"features": [{"id": "f", "skillName": "home-worker"}, {"id": "g", "skillName": "product-skill"}]}"#,
            "repo/.factory/skills/worker/SKILL.md": "---\nname: worker\ndescription: d\n---\n",
            "repo/skills/product-skill/SKILL.md": "# a product's agent skill\n",
            "home/.factory/skills/home-worker/SKILL.md": "---\nname: home-worker\ndescription: d\n---\n",
        ])
        let findings = try w.frontend().check().report.findings.filter { $0.rule == "unknown-skill" }
        #expect(findings.count == 1 && findings[0].message.contains("`product-skill`"), "\(findings)")
        // Only the skill folders: never the product's own skills/ at the root.
        #expect(findings.first?.message.contains("under .factory/skills/ or ~/.factory/skills/, used by") == true, "\(findings)")
    }
}
