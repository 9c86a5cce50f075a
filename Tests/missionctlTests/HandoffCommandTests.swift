import Foundation
import Testing

@Suite struct HandoffCommandTests {
    /// A git repository with a mission and two commits: one doing the work, one not.
    final class Repo {
        let root = NSTemporaryDirectory() + "missionctl-handoff-" + UUID().uuidString
        var good = ""
        var bad = ""

        init() throws {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try git("init", "-q", "-b", "main")
            try git("config", "user.email", "t@example.com")
            try git("config", "user.name", "T")
            try write(".factory/AGENTS.md", "## Source docs (closed set)\n\n- `docs/t.md`\n")
            try write(".factory/validation-contract.md", "### VAL-TIMER-001: one running timer\n")
            try write("docs/t.md", "# T\n\n> Mission status\n> Agent: w\n> Status: partial\n> Current code differences: none\n> Todo: x\n> Fully implemented: no\n")
            try git("add", "-A")
            try git("commit", "-q", "-m", "base")
            try write("internal/timer_test.go", "func TestRejectsSecondTimer(t *testing.T) {}\n")
            try write("docs/t.md", "# T\n\n> Mission status\n> Agent: w\n> Status: complete\n> Current code differences: none\n> Todo: none\n> Fully implemented: yes\n")
            try git("add", "-A")
            try git("commit", "-q", "-m", "work")
            good = try git("rev-parse", "--short", "HEAD")
            try write("unrelated.txt", "x\n")
            try git("add", "-A")
            try git("commit", "-q", "-m", "unrelated")
            bad = try git("rev-parse", "--short", "HEAD")
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ path: String, _ text: String) throws {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        @discardableResult
        func git(_ args: String...) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            p.arguments = ["-C", root] + args
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }

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
        let ok = try Binary.run(["handoff", "verify", "good.json"], cwd: repo.root)
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("matched  docs/t.md, internal/timer_test.go"))
        try repo.write("bad.json", repo.handoff(commit: repo.bad))
        let bad = try Binary.run(["handoff", "verify", "bad.json", "--format", "json"], cwd: repo.root)
        #expect(bad.status == 1)
        let object = try #require(JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [String: Any])
        let handoffs = try #require(object["handoffs"] as? [[String: Any]])
        #expect((handoffs.first?["missing"] as? [String])?.sorted() == ["docs/t.md", "internal/timer_test.go"])
        #expect((object["summary"] as? [String: Int])?["errors"] == 2)
    }

    @Test func commitFlagOverridesAndStdinWorks() throws {
        let repo = try Repo()
        let r = try Binary.run(["handoff", "verify", "-", "--commit", repo.good], cwd: repo.root, stdin: repo.handoff(commit: repo.bad))
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("handoff <stdin>"))
    }

    @Test func usageErrorsExitTwo() throws {
        let repo = try Repo()
        try repo.write("broken.json", "{\n  \"handoff\": {,\n}")
        let broken = try Binary.run(["handoff", "verify", "broken.json"], cwd: repo.root)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.json:2:"))
        try repo.write("bare.json", "{\"salientSummary\": \"s\", \"whatWasImplemented\": \"w\", \"verification\": {}}")
        let bare = try Binary.run(["handoff", "verify", "bare.json"], cwd: repo.root)
        #expect(bare.status == 2 && bare.stderr.contains("--commit"))
        #expect(try Binary.run(["handoff", "verify"], cwd: repo.root).status == 2)
        #expect(try Binary.run(["handoff", "verify", "nope.json"], cwd: repo.root).status == 2)
    }

    @Test func allVerifiesTheHandoffsFolder() throws {
        let repo = try Repo()
        try repo.write(".factory/handoffs/2026-01-01T00-00-00Z__timer__s1.json", repo.handoff(commit: repo.good))
        try repo.write(".factory/handoffs/2026-01-02T00-00-00Z__timer__s2.json", repo.handoff(commit: repo.bad))
        let r = try Binary.run(["handoff", "verify", "--all"], cwd: repo.root)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines[0].hasPrefix("✔ .factory/handoffs/2026-01-01T00-00-00Z__timer__s1.json"))
        #expect(lines[1].hasPrefix("✘ .factory/handoffs/2026-01-02T00-00-00Z__timer__s2.json"))
        // Years of history: record it once, then only new problems count, in the summary lines too.
        let written = try Binary.run(["handoff", "verify", "--all", "--write-baseline", "known.json"], cwd: repo.root)
        #expect(written.status == 1 && written.stderr.contains("wrote 2 finding(s)"))
        let quiet = try Binary.run(["handoff", "verify", "--all", "--baseline", "known.json"], cwd: repo.root)
        #expect(quiet.status == 0, "\(quiet.stdout)")
        #expect(!quiet.stdout.contains("✘") && quiet.stdout.contains("2 known finding(s) not reported"))
        try repo.write(".factory/handoffs/2026-01-03T00-00-00Z__timer__s3.json", repo.handoff(commit: repo.bad))
        let new = try Binary.run(["handoff", "verify", "--all", "--baseline", "known.json"], cwd: repo.root)
        #expect(new.status == 1)
        #expect(new.stdout.contains("✘ .factory/handoffs/2026-01-03T00-00-00Z__timer__s3.json"))
        #expect(!new.stdout.contains("✘ .factory/handoffs/2026-01-02T00-00-00Z__timer__s2.json"))
    }
}
