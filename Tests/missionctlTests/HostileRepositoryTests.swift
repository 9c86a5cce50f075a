import Foundation
import Testing
import MissionTestSupport

/// Repositories whose closed set or files point outside them, or at things that are not files (issue 15).
@Suite struct HostileRepositoryTests {
    static let block = "> Mission status\n> Agent: a\n> Status: not-started\n> Current code differences: none\n> Todo: all of it\n> Fully implemented: no\n"

    /// A repository whose AGENTS.md lists a path outside it, a symlinked folder and file that lead
    /// elsewhere, a FIFO and a link to /dev/zero; `outside` is the folder they point at.
    func hostile() throws -> (repo: String, outside: String) {
        let base = NSTemporaryDirectory() + "missionctl-hostile-" + UUID().uuidString
        let repo = base + "/repo"
        let outside = base + "/outside"
        let fm = FileManager.default
        try fm.createDirectory(atPath: repo + "/.factory", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: repo + "/docs", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("# Victim\n\nsecret\n".utf8).write(to: URL(fileURLWithPath: outside + "/victim.md"))
        try Data(("# Elsewhere\n\n" + Self.block).utf8).write(to: URL(fileURLWithPath: outside + "/e.md"))
        try fm.createSymbolicLink(atPath: repo + "/docs/ext", withDestinationPath: outside)
        try fm.createSymbolicLink(atPath: repo + "/docs/link.md", withDestinationPath: outside + "/e.md")
        try fm.createSymbolicLink(atPath: repo + "/docs/zero.md", withDestinationPath: "/dev/zero")
        #expect(mkfifo(repo + "/docs/fifo.md", 0o644) == 0)
        try fm.createDirectory(atPath: repo + "/.factory/handoffs", withIntermediateDirectories: true)
        #expect(mkfifo(repo + "/.factory/handoffs/h.json", 0o644) == 0)
        try Data(("# Inside\n\n" + Self.block).utf8).write(to: URL(fileURLWithPath: repo + "/docs/in.md"))
        let agents = """
            # Rules

            Docs carry Mission status blocks.

            ## Source docs (closed set)

            - `../outside/victim.md`
            - `docs/ext/e.md`
            - `docs/ext/`
            - `docs/link.md`
            - `docs/zero.md`
            - `docs/fifo.md`
            - `docs/in.md`
            """
        try Data(agents.utf8).write(to: URL(fileURLWithPath: repo + "/.factory/AGENTS.md"))
        return (repo, outside)
    }

    @Test func pathsOutsideTheRepositoryAreFindingsAndNeverReadOrWritten() throws {
        let (repo, outside) = try hostile()
        defer { try? FileManager.default.removeItem(atPath: (repo as NSString).deletingLastPathComponent) }
        let check = try binary.run(["check", "--repo", repo, "--format", "json"])
        #expect(check.status == 1)
        #expect(check.stdout.components(separatedBy: "\"source-doc-outside-repository\"").count - 1 == 5)
        #expect(check.stdout.contains("\"unreadable-source-doc\""))  // the FIFO, without blocking
        #expect(!check.stdout.contains("victim") || !check.stdout.contains("secret"))

        let show = try binary.run(["status", "show", "--repo", repo, "--format", "json"])
        #expect(!show.stdout.contains("outside/"))
        _ = try binary.run(["status", "init", "--repo", repo])
        _ = try binary.run(["check", "--repo", repo, "--fix"])
        #expect(try String(contentsOfFile: outside + "/victim.md", encoding: .utf8) == "# Victim\n\nsecret\n")
        #expect(try String(contentsOfFile: outside + "/e.md", encoding: .utf8) == "# Elsewhere\n\n" + Self.block)
        let set = try binary.run(["status", "set", repo + "/docs/ext/e.md", "--todo", "x", "--repo", repo])
        #expect(set.status == 2 && set.stderr.contains("outside the repository"))
    }

    @Test func fifosInHandoffsAreFindingsNotHangs() throws {
        let (repo, _) = try hostile()
        defer { try? FileManager.default.removeItem(atPath: (repo as NSString).deletingLastPathComponent) }
        let r = try binary.run(["handoff", "verify", "--all", "--repo", repo, "--mission", repo + "/.factory"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("not a regular file"))
    }

    @Test func outputNeverReplacesLinksFIFOsOrDevices() throws {
        let dir = NSTemporaryDirectory() + "missionctl-output-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: dir + "/target.json"))
        try fm.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: dir + "/target.json")
        let viaLink = try binary.run(["check", "--repo", PackagePaths.root, "--format", "json", "--output", dir + "/link.json"])
        #expect(viaLink.status == 0)
        #expect(try fm.destinationOfSymbolicLink(atPath: dir + "/link.json") == dir + "/target.json")
        #expect(try String(contentsOfFile: dir + "/target.json", encoding: .utf8).contains("\"findings\""))

        let device = try binary.run(["check", "--repo", PackagePaths.root, "--output", "/dev/null"])
        #expect(device.status == 0)
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)

        #expect(mkfifo(dir + "/fifo", 0o644) == 0)
        let fifo = try binary.run(["check", "--repo", PackagePaths.root, "--output", dir + "/fifo"])
        #expect(fifo.status == 2 && fifo.stderr.contains("cannot be opened for writing"))
        #expect(lstat(dir + "/fifo", &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
    }
}
