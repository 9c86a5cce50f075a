import Foundation
import Testing
import MissionTestSupport

@Suite(.serialized) struct ServicesCommandTests {
    static func repo(_ yaml: String) throws -> String {
        let root = NSTemporaryDirectory() + "missionctl-svc-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/.factory", withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: root + "/.factory/services.yaml"))
        return root
    }

    static func alive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    @Test(arguments: [SIGTERM, SIGKILL])
    func interruptedExecStopsEverythingItStarted(sig: Int32) throws {
        let root = try Self.repo(
            "services:\n  worker:\n    start: echo $$ > worker.pid; touch worker.ready; exec sleep 300\n    healthcheck: test -f worker.ready\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary.path)
        process.arguments = ["services", "exec", "--repo", root, "--grace", "1", "--", "sh", "-c", "echo $$ > \(root)/cmd.pid; exec sleep 300"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && !FileManager.default.fileExists(atPath: root + "/cmd.pid") { usleep(100_000) }
        usleep(200_000)
        let worker = try #require(Int32((try? String(contentsOfFile: root + "/worker.pid", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        let command = try #require(Int32((try? String(contentsOfFile: root + "/cmd.pid", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        #expect(Self.alive(worker) && Self.alive(command))
        kill(process.processIdentifier, sig)
        process.waitUntilExit()
        if sig == SIGKILL {
            // Nothing runs in missionctl after SIGKILL: its orphan guard stops the groups.
            #expect(process.terminationReason == .uncaughtSignal)
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline && (Self.alive(worker) || Self.alive(command)) { usleep(100_000) }
        } else {
            #expect(process.terminationStatus == 128 + SIGTERM)
            usleep(300_000)
        }
        #expect(!Self.alive(worker), "the service survived an interrupted exec")
        #expect(!Self.alive(command), "the command survived an interrupted exec")
    }

    /// Run state is read like every other file (issue 28, item 3): a 3 GB sparse services.json is
    /// refused by its size, not read whole into memory.
    @Test func aHugeRunStateFileIsRefusedNotRead() throws {
        let root = try Self.repo("services:\n  web:\n    start: sleep 1\n    healthcheck: true\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/.factory/run", withIntermediateDirectories: true)
        let state = root + "/.factory/run/services.json"
        #expect(FileManager.default.createFile(atPath: state, contents: nil) && truncate(state, 3 << 30) == 0)
        let r = try binary.run(["services", "status", "--repo", root])
        #expect(r.status == 2 && r.stderr.contains("services.json") && r.stderr.contains("over the 4 MiB limit"), "\(r.stderr)")
    }

    @Test func execPassesTheExitCodeAndRunPassesArguments() throws {
        let root = try Self.repo("commands:\n  greet: printf 'hello %s\\n'\nservices: {}\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let exec = try binary.run(["services", "exec", "--repo", root, "--", "sh", "-c", "exit 7"])
        #expect(exec.status == 7)
        let run = try binary.run(["services", "run", "--repo", root, "greet", "--", "a b; rm -rf /"])
        #expect(run.status == 0 && run.stdout == "hello a b; rm -rf /\n")  // arguments never reach the shell as code
        let missing = try binary.run(["services", "run", "--repo", root, "nope"])
        #expect(missing.status == 2 && missing.stderr.contains("no command `nope`"))
        let malformed = try Self.repo("services:\n  api: [\n")
        defer { try? FileManager.default.removeItem(atPath: malformed) }
        let bad = try binary.run(["services", "list", "--repo", malformed])
        #expect(bad.status == 2 && bad.stderr.contains(".factory/services.yaml:3:"))
    }

    /// A mission that is not about time tracking: a static site served by python3, a declared
    /// test command and a declared regression command that probes the service.
    /// Each test passes its own port (tests run in parallel; a shared or random one lets a test
    /// reuse another's server, which then stops under it).
    static func notesMission(port: Int, test: String = "test -f site/index.html", regress: String? = nil) throws -> (String, Int) {
        let repo = try PackagePaths.copyFixture("clean-mission")
        try FileManager.default.createDirectory(atPath: repo + "/site", withIntermediateDirectories: true)
        try Data("notes\n".utf8).write(to: URL(fileURLWithPath: repo + "/site/index.html"))
        let yaml = """
            commands:
              test: \(test)
              regress: \(regress ?? "curl -sf http://127.0.0.1:\(port)/index.html")
            services:
              web:
                start: python3 -m http.server \(port) --bind 127.0.0.1 --directory site
                healthcheck: curl -sf http://127.0.0.1:\(port)/
                port: \(port)
            """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: repo + "/.factory/services.yaml"))
        return (repo, port)
    }

    @Test func validateRunsWhatAnyMissionDeclares() throws {
        let (repo, _) = try Self.notesMission(port: 18091)
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let r = try binary.run(["validate", "--repo", repo, "--format", "json", "--timeout", "30"])
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.map { $0["name"] as? String } == ["check", "handoff", "services-up", "test", "regress", "services-down"])
        #expect(stages.map { $0["result"] as? String } == ["passed", "skipped", "passed", "passed", "passed", "passed"])
        #expect(!r.stderr.contains("/api/v9"))
        // Nothing left listening.
        let after = try binary.run(["services", "status", "--repo", repo])
        #expect(after.stdout.contains("web") && after.stdout.contains("stopped"))
    }

    @Test func validateFailsWhenTheDeclaredTestsFailAndHonoursSkip() throws {
        let (repo, _) = try Self.notesMission(port: 18092, test: "echo 'the notes tests failed' >&2; exit 3")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let r = try binary.run(["validate", "--repo", repo, "--timeout", "30"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("exited 3"))
        #expect(r.stderr.contains("the notes tests failed"))  // the command's output is shown, on standard error
        let skipped = try binary.run(["validate", "--repo", repo, "--timeout", "30", "--skip", "test"])
        #expect(skipped.status == 0, "\(skipped.stdout)")
        #expect(skipped.stdout.contains("--skip test"))
    }

    @Test func validateAsksMissionctlSuitesForTheirIds() throws {
        // A stand-in suite that speaks the listing protocol: `missionctl-tracking regress --list --format json`.
        let (repo, _) = try Self.notesMission(port: 18093, regress: "bin/missionctl-tracking regress")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let script = """
            #!/bin/sh
            case "$*" in
              *--list*) echo '[{"id": "VAL-TIMER-002", "title": "x"}]' ;;
              *) exit 0 ;;
            esac
            """
        try FileManager.default.createDirectory(atPath: repo + "/bin", withIntermediateDirectories: true)
        try Data(script.utf8).write(to: URL(fileURLWithPath: repo + "/bin/missionctl-tracking"))
        chmod(repo + "/bin/missionctl-tracking", 0o755)
        let r = try binary.run(["validate", "--repo", repo, "--timeout", "30", "--skip", "services-up,test"])
        #expect(r.stdout.contains("`VAL-TIMER-001` is in area TIMER"), "\(r.stdout)")
        #expect(r.status == 0)  // a warning; --strict would fail the check stage
    }

    @Test func validateFailsOnABrokenMission() throws {
        let repo = try PackagePaths.copyFixture("broken-mission")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try Data("commands:\n  test: \"true\"\nservices: {}\n".utf8).write(to: URL(fileURLWithPath: repo + "/.factory/services.yaml"))
        let r = try binary.run(["validate", "--repo", repo])
        #expect(r.status == 1)
        #expect(r.stdout.contains("check          failed"))
        #expect(r.stdout.contains("duplicate-status-block"))
    }
}
