import Foundation
import Testing
import MissionTestSupport

@Suite struct HandoffCommandTests {
    /// A git repository with a mission and two commits: one doing the work, one not.
    final class Repo {
        let scratch: ScratchRepository
        var root: String { scratch.root }
        var good = ""
        var bad = ""

        init() throws {
            scratch = try ScratchRepository(label: "handoff")
            try scratch.initGit()
            try scratch.commit("base", [
                ".factory/AGENTS.md": "## Source docs (closed set)\n\n- `docs/t.md`\n",
                ".factory/validation-contract.md": "### VAL-TIMER-001: one running timer\n",
                "docs/t.md": "# T\n\n> Mission status\n> Agent: w\n> Status: partial\n> Current code differences: none\n> Todo: x\n> Fully implemented: no\n",
            ])
            good = try scratch.commit("work", [
                "internal/timer_test.go": "func TestRejectsSecondTimer(t *testing.T) {}\n",
                "docs/t.md": "# T\n\n> Mission status\n> Agent: w\n> Status: complete\n> Current code differences: none\n> Todo: none\n> Fully implemented: yes\n",
            ])
            bad = try scratch.commit("unrelated", ["unrelated.txt": "x\n"])
        }

        func write(_ path: String, _ text: String) throws { try scratch.write(path, text) }

        @discardableResult
        func git(_ args: String...) throws -> String { try scratch.git(args) }

        func handoff(commit: String) -> String {
            """
            {"featureId": "timer", "commitId": "\(commit)", "successState": "success",
             "handoff": {"salientSummary": "Timer rule.", "whatWasImplemented": "Added the regression and updated `docs/t.md`.",
               "verification": {"commandsRun": [{"command": "go test ./...", "exitCode": 0}], "interactiveChecks": [{"action": "a", "observed": "b"}]},
               "tests": {"added": [{"file": "internal/timer_test.go", "cases": [{"name": "rejects second timer", "verifies": "VAL-TIMER-001"}]}]}},
             "skillFeedback": {"followedProcedure": true}}
            """
        }
    }

    @Test func goodHandoffPassesAndBadOneFails() throws {
        let repo = try Repo()
        try repo.write("good.json", repo.handoff(commit: repo.good))
        let ok = try binary.run(["handoff", "verify", "good.json"], cwd: repo.root)
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("matched  docs/t.md, internal/timer_test.go"))
        try repo.write("bad.json", repo.handoff(commit: repo.bad))
        let bad = try binary.run(["handoff", "verify", "bad.json", "--format", "json"], cwd: repo.root)
        #expect(bad.status == 1)
        let object = try #require(JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [String: Any])
        let handoffs = try #require(object["handoffs"] as? [[String: Any]])
        #expect((handoffs.first?["missing"] as? [String])?.sorted() == ["docs/t.md", "internal/timer_test.go"])
        #expect((object["summary"] as? [String: Int])?["errors"] == 2)
    }

    @Test func commitFlagOverridesAndStdinWorks() throws {
        let repo = try Repo()
        let r = try binary.run(["handoff", "verify", "-", "--commit", repo.good], cwd: repo.root, stdin: repo.handoff(commit: repo.bad))
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("handoff <stdin>"))
    }

    @Test func usageErrorsExitTwo() throws {
        let repo = try Repo()
        try repo.write("broken.json", "{\n  \"handoff\": {,\n}")
        let broken = try binary.run(["handoff", "verify", "broken.json"], cwd: repo.root)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.json:2:"))
        try repo.write("bare.json", "{\"salientSummary\": \"s\", \"whatWasImplemented\": \"w\", \"verification\": {}}")
        let bare = try binary.run(["handoff", "verify", "bare.json"], cwd: repo.root)
        #expect(bare.status == 2 && bare.stderr.contains("--commit"))
        #expect(try binary.run(["handoff", "verify"], cwd: repo.root).status == 2)
        #expect(try binary.run(["handoff", "verify", "nope.json"], cwd: repo.root).status == 2)
    }

    @Test func allVerifiesTheHandoffsFolder() throws {
        let repo = try Repo()
        try repo.write(".factory/handoffs/2026-01-01T00-00-00Z__timer__s1.json", repo.handoff(commit: repo.good))
        try repo.write(".factory/handoffs/2026-01-02T00-00-00Z__timer__s2.json", repo.handoff(commit: repo.bad))
        let r = try binary.run(["handoff", "verify", "--all"], cwd: repo.root)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines[0].hasPrefix("✔ .factory/handoffs/2026-01-01T00-00-00Z__timer__s1.json"))
        #expect(lines[1].hasPrefix("✘ .factory/handoffs/2026-01-02T00-00-00Z__timer__s2.json"))
        // Years of history: record it once, then only new problems count, in the summary lines too.
        let written = try binary.run(["handoff", "verify", "--all", "--write-baseline", "known.json"], cwd: repo.root)
        #expect(written.status == 1 && written.stderr.contains("wrote 2 finding(s)"))
        let quiet = try binary.run(["handoff", "verify", "--all", "--baseline", "known.json"], cwd: repo.root)
        #expect(quiet.status == 0, "\(quiet.stdout)")
        #expect(!quiet.stdout.contains("✘") && quiet.stdout.contains("2 known finding(s) not reported"))
        try repo.write(".factory/handoffs/2026-01-03T00-00-00Z__timer__s3.json", repo.handoff(commit: repo.bad))
        let new = try binary.run(["handoff", "verify", "--all", "--baseline", "known.json"], cwd: repo.root)
        #expect(new.status == 1)
        #expect(new.stdout.contains("✘ .factory/handoffs/2026-01-03T00-00-00Z__timer__s3.json"))
        #expect(!new.stdout.contains("✘ .factory/handoffs/2026-01-02T00-00-00Z__timer__s2.json"))
    }
}
