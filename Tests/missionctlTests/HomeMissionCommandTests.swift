import Foundation
import Testing
import MissionTestSupport

/// The commands on a repository whose mission lives in `$HOME/.factory/missions/<id>/`, run as a
/// user runs them: the built binary, with HOME set to a fake home holding two missions (one for
/// this repository, one for another).
@Suite struct HomeMissionCommandTests {
    final class World {
        let scratch: ScratchRepository
        var base: String { scratch.root }
        var home: String { base + "/home" }
        var repo: String { base + "/repo" }
        var env: [String: String] { ["HOME": home] }

        init() throws {
            scratch = try ScratchRepository(label: "home")
            let base = scratch.root
            let files: [String: String] = [
                "repo/src/timer.swift": "let timer = 1\n",
                "home/.factory/missions/7f3c/working_directory.txt": "\(base)/repo\n",
                "home/.factory/missions/7f3c/mission.md": "# Timer mission\n",
                "home/.factory/missions/7f3c/features.json":
                    #"{"features": [{"id": "timer", "status": "pending"}, {"id": "report", "status": "completed"}]}"#,
                "home/.factory/missions/7f3c/state.json":
                    #"{"missionId": "mis_timer", "state": "running", "completedFeatures": 1, "totalFeatures": 2}"#,
                "home/.factory/missions/7f3c/progress_log.jsonl":
                    #"{"event": "feature_complete", "featureId": "timer", "commit": "abc1234"}"# + "\n" + #"{"event": "mission_signoff"}"# + "\n",
                "home/.factory/missions/7f3c/handoffs/2026-01-01__report__s1.json":
                    #"{"commitId": "HEAD", "featureId": "report", "successState": "success", "handoff": {"salientSummary": "Added the timer.", "whatWasImplemented": "Changed `src/timer.swift`.", "verification": {"commandsRun": [], "interactiveChecks": []}, "tests": {"added": []}}}"#,
                "home/.factory/missions/9e1d/working_directory.txt": "\(base)/elsewhere\n",
                "home/.factory/missions/9e1d/mission.md": "# Someone else's mission\n",
                "home/.factory/missions/9e1d/features.json": #"{"features": [{"id": "x", "status": "pending"}]}"#,
            ]
            for (path, content) in files { try scratch.write(path, content) }
            // The repository is the world's `repo` folder (git's second -C is relative to the first).
            for args in [["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "timer: add"]] {
                try scratch.git(["-C", "repo"] + args)
            }
        }
    }

    @Test func checkInTheRepositoryChecksItsHomeMissionOnly() throws {
        let w = try World()
        let r = try binary.run(["check", "--format", "line"], cwd: w.repo, environment: w.env)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("~/.factory/missions/7f3c/features.json:1:") && r.stdout.contains("[feature-status-behind-records]"), "\(r.stdout)")
        #expect(r.stdout.contains("error: `timer` is `pending`"))
        #expect(!r.stdout.contains("9e1d"))
        // Without the home folder's missions (CI), the repository holds nothing to check.
        let ci = try binary.run(["check"], cwd: w.repo, environment: ["HOME": w.base + "/nowhere"])
        #expect(ci.status == 2 && ci.stderr.contains("nothing to check"), "\(ci.stderr)")
    }

    @Test func missionsListsThisRepositorysAndAllListsEvery() throws {
        let w = try World()
        let mine = try binary.run(["missions", "--format", "json"], cwd: w.repo, environment: w.env)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(mine.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["id"] as? String == "7f3c" && rows.first?["title"] as? String == "Timer mission")
        #expect(rows.first?["state"] as? String == "running" && rows.first?["completedFeatures"] as? Int == 1 && rows.first?["totalFeatures"] as? Int == 2)
        let all = try binary.run(["missions", "--all"], cwd: w.repo, environment: w.env)
        #expect(all.stdout.contains("7f3c") && all.stdout.contains("9e1d") && all.stdout.contains("\(w.base)/elsewhere"), "\(all.stdout)")
    }

    @Test func missionTakesAnIdAndRefusesAnUnknownOneSayingWhatItTried() throws {
        let w = try World()
        let byId = try binary.run(["check", "--mission", "mis_timer", "--format", "line"], cwd: w.repo, environment: w.env)
        #expect(byId.stdout.contains("[feature-status-behind-records]"), "\(byId.stdout)\(byId.stderr)")
        let other = try binary.run(["check", "--mission", "9e1d", "--format", "json"], cwd: w.repo, environment: w.env)
        #expect(other.stdout.contains("~/.factory/missions/9e1d/"), "named on the command line, any home mission is read")
        let unknown = try binary.run(["check", "--mission", "7f3d", "--repo", w.repo], environment: w.env)
        #expect(unknown.status == 2 && unknown.stderr.contains("tried \(w.repo)/7f3d") && unknown.stderr.contains("did you mean `7f3c`"), "\(unknown.stderr)")
    }

    @Test func reportAndHandoffVerifyAllSeeTheHomeMission() throws {
        let w = try World()
        let page = try binary.run(["report", "--format", "markdown"], cwd: w.repo, environment: w.env)
        #expect(page.status == 0 && page.stdout.contains("~/.factory/missions/7f3c"), "\(page.stdout.prefix(600))\(page.stderr)")
        let verify = try binary.run(["handoff", "verify", "--all"], cwd: w.repo, environment: w.env)
        #expect(verify.stdout.contains("~/.factory/missions/7f3c/handoffs/2026-01-01__report__s1.json"), "\(verify.stdout)\(verify.stderr)")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// One pipeline: `validate`'s check stage reports what `check` reports, under the same configuration.
    @Test func checkAndValidateAgreeUnderAConfiguration() throws {
        let w = try World()
        try Data("rules:\n  feature-status-behind-records: off\n  invalid-mission-file: off\n".utf8).write(to: URL(fileURLWithPath: w.repo + "/.missionctl.yml"))
        let check = try binary.run(["check", "--format", "json"], cwd: w.repo, environment: w.env)
        let validate = try binary.run(
            ["validate", "--skip", "services-up,test,regress,services-down,handoff", "--format", "json"], cwd: w.repo, environment: w.env)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let stage = try #require(try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8)) as? [String: Any])
        let findings = (stage["report"] as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        let checked = (try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        #expect(findings.map { $0["rule"] as? String } == checked.map { $0["rule"] as? String })
        #expect(!findings.contains { $0["rule"] as? String == "feature-status-behind-records" })
    }
}
