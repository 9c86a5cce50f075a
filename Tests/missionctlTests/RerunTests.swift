import Foundation
import Testing
import MissionTestSupport

/// `handoff verify --rerun` runs commands taken from input: nothing may outlive it (issue 15).
@Suite(.serialized) struct RerunTests {
    /// A unique marker in the command line, so the test finds exactly its own leftovers.
    static func leftovers(_ marker: String) -> Int {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: "/proc")) ?? []).filter { pid in
            guard Int(pid) != nil, let cmd = fm.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: cmd, as: UTF8.self).contains(marker)
        }.count
    }

    static func worktrees(_ repo: HandoffCommandTests.Repo) throws -> Int {
        try repo.git("worktree", "list").split(separator: "\n").count
    }

    func handoff(_ repo: HandoffCommandTests.Repo, command: String) throws -> String {
        let path = repo.root + "/h.json"
        let text = repo.handoff(commit: repo.good).replacingOccurrences(of: "go test ./...", with: command)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aBackgroundedProcessDoesNotOutliveTheRun() throws {
        let repo = try HandoffCommandTests.Repo()
        let marker = "91.\(Int.random(in: 1000...9999))"
        let path = try handoff(repo, command: "sleep \(marker) & exit 0")
        let r = try binary.run(["handoff", "verify", path, "--repo", repo.root, "--rerun", "--rerun-timeout", "20"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(Self.leftovers(marker) == 0)
        #expect(try Self.worktrees(repo) == 1)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsTheCommandRemovesTheWorktreeAndIsReportedAsAnInterrupt(sig: Int32) throws {
        let repo = try HandoffCommandTests.Repo()
        let marker = "92.\(Int.random(in: 1000...9999))"
        let path = try handoff(repo, command: "sleep \(marker)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary.path)
        process.arguments = ["handoff", "verify", path, "--repo", repo.root, "--rerun"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        var waited = 0
        while Self.leftovers(marker) == 0 && waited < 200 {  // until the command runs (at most 20 s)
            usleep(100_000)
            waited += 1
        }
        kill(process.processIdentifier, sig)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + sig)
        #expect(stderr.contains("interrupted by SIG"), "\(stderr)")
        #expect(!stderr.contains("did not finish within"))
        #expect(Self.leftovers(marker) == 0)
        #expect(try Self.worktrees(repo) == 1)
    }
}
