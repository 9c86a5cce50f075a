import Foundation
import MissionKit
import Testing

/// Read-only commands never run programs the repository names (issue 27, items 1 and 2).
@Suite struct GitHardeningTests {
    /// A repository whose `.git/config` names a marker program for every hook git offers; each
    /// marker leaves a file in `markers` when it runs.
    static func hostileRepository() throws -> (GitFixture, markers: String, work: String) {
        let g = try GitFixture()
        let markers = g.root + "/.markers"
        try FileManager.default.createDirectory(atPath: markers, withIntermediateDirectories: true)
        func marker(_ name: String) throws -> String {
            let path = g.root + "/.git/marker-" + name
            try "#!/bin/sh\ntouch '\(markers)/\(name)'\ncat >/dev/null 2>&1\nexit 0\n".write(toFile: path, atomically: true, encoding: .utf8)
            _ = chmod(path, 0o755)
            return path
        }
        try g.commit("base", ["src/x.go": "package x\n", ".gitattributes": "*.go diff=tc\n"])
        let work = try g.commit("work", ["src/x.go": "package x\n\nfunc X() {}\n", "src/x_test.go": "package x\n\nfunc TestX(t *testing.T) {}\n"])
        let hooks = g.root + "/.git/marker-hooks"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        for hook in ["post-checkout", "post-index-change", "reference-transaction"] {
            let path = hooks + "/" + hook
            try "#!/bin/sh\ntouch '\(markers)/hook-\(hook)'\n".write(toFile: path, atomically: true, encoding: .utf8)
            _ = chmod(path, 0o755)
        }
        let config = """
            [core]
            \tfsmonitor = \(try marker("fsmonitor"))
            \tpager = \(try marker("pager"))
            \thooksPath = \(hooks)
            \taskPass = \(try marker("askpass"))
            [log]
            \tshowSignature = true
            [gpg]
            \tprogram = \(try marker("gpg"))
            [diff]
            \texternal = \(try marker("diff-external"))
            [diff "tc"]
            \ttextconv = \(try marker("textconv"))
            [credential]
            \thelper = \(try marker("credential"))

            """
        let handle = try #require(FileHandle(forWritingAtPath: g.root + "/.git/config"))
        handle.seekToEndOfFile()
        handle.write(Data(config.utf8))
        try handle.close()
        return (g, markers, work)
    }

    /// Makes HEAD a commit that carries a (fake) signature, as `log.showSignature` would verify.
    static func signedLooking(_ g: GitFixture) throws -> String {
        let raw = try g.git("cat-file", "commit", "HEAD")
        var lines = raw.components(separatedBy: "\n")
        let committer = try #require(lines.firstIndex { $0.hasPrefix("committer ") })
        lines.insert(
            "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEEfakefakefakefakefakefakefakefake=\n -----END PGP SIGNATURE-----",
            at: committer + 1)
        let path = g.root + "/.git/signed-commit"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let id = try g.git("hash-object", "-t", "commit", "-w", path)
        try g.git("update-ref", "HEAD", id)
        return id
    }

    @Test func noProgramFromTheRepositoryConfigRuns() throws {
        let (g, markers, _) = try Self.hostileRepository()
        let signed = try Self.signedLooking(g)
        // The fixture's own plain git calls may have run hooks; only missionctl's calls count.
        for name in try FileManager.default.contentsOfDirectory(atPath: markers) { try FileManager.default.removeItem(atPath: markers + "/" + name) }
        let handoff = HandoffJSON.wrapped(
            HandoffJSON.bare(implemented: "Updated `src/x.go`; see `docs/gone.md`.", tests: [("src/x_test.go", [("TestX", "VAL-A-001")])]),
            commit: signed)
        let v = try g.verify(handoff, commit: nil)
        #expect(v.commit == signed)
        #expect(v.matched.sorted() == ["src/x.go", "src/x_test.go"], "\(v.findings.map(\.message))")
        // The paths that need history: the commit that added a file, subjects, existence at the parent.
        let repo = GitRepository(root: g.root)
        _ = try repo.commitAdding("src/x_test.go")
        _ = try repo.subjects()
        _ = try repo.existing(["src", "docs"], at: signed)
        _ = try repo.show(signed, path: "src/x.go")
        let ran = try FileManager.default.contentsOfDirectory(atPath: markers)
        #expect(ran.isEmpty, "programs named by .git/config ran: \(ran)")
    }

    @Test func aReplaceRefDoesNotChangeWhatIsVerified() throws {
        let g = try GitFixture()
        try g.commit("base", ["README.md": "# r\n"])
        let work = try g.commit("work", ["src/x.go": "package x\n"])
        let empty = try g.commit("nothing", [:])
        try g.git("replace", empty, work)
        let v = try g.verify(HandoffJSON.bare(implemented: "Added `src/x.go`."), commit: empty)
        #expect(v.findings.map(\.rule) == ["claimed-file-not-in-commit"], "\(v.findings.map(\.message))")
        #expect(v.matched.isEmpty)
    }
}

/// git's output read exactly (issue 27, item 8).
@Suite struct GitOutputTests {
    @Test func anAddedLineThatReadsLikeAFileHeaderIsContent() throws {
        let g = try GitFixture()
        try g.commit("base", ["README.md": "# r\n"])
        let sha = try g.commit("t", ["x_test.go": "package x\n\n++ counter\n-- dashes\nfunc TestAfter(t *testing.T) {}\n"])
        let v = try g.verify(HandoffJSON.bare(tests: [("x_test.go", [("TestAfter", "VAL-A-001")])]), commit: sha)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
        let lines = try GitRepository(root: g.root).addedLines(sha, pathspecs: [":(literal)x_test.go"])
        #expect(lines["x_test.go"]?.map(\.line) == [1, 2, 3, 4, 5])
        #expect(lines.keys.sorted() == ["x_test.go"])
    }

    @Test func controlCharactersInFileNamesAreUnquoted() throws {
        let g = try GitFixture()
        try g.commit("base", ["README.md": "# r\n"])
        let name = "tests/a\rb\tc_test.go"
        let sha = try g.commit("t", [name: "package x\n\nfunc TestOdd(t *testing.T) {}\n"])
        let v = try g.verify(HandoffJSON.bare(tests: [(name, [("TestOdd", "VAL-A-001")])]), commit: sha)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
        #expect(GitRepository.unquote(#""a\rb\ac\bd\fe\vf\\g\"h""#) == "a\rb\u{7}c\u{8}d\u{C}e\u{B}f\\g\"h")
    }

    @Test(arguments: ["tests/./a_test.go", "tests//a_test.go", "tests/sub/../a_test.go", "./tests/a_test.go"])
    func claimedPathsAreNormalised(claimed: String) throws {
        let g = try GitFixture()
        try g.commit("base", ["README.md": "# r\n"])
        let sha = try g.commit("t", ["tests/a_test.go": "package x\n\nfunc TestA(t *testing.T) {}\n"])
        let v = try g.verify(HandoffJSON.bare(tests: [(claimed, [("TestA", "VAL-A-001")])]), commit: sha)
        #expect(v.findings.isEmpty, "\(claimed): \(v.findings.map(\.message))")
        #expect(v.matched == ["tests/a_test.go"])
    }

    @Test func pathsThatClimbOutStayAsWritten() {
        #expect(HandoffContext.normalized("../../etc/passwd") == "../../etc/passwd")
        #expect(HandoffContext.normalized("a/../../b") == "a/../../b")
        #expect(HandoffContext.normalized("dir/...") == "dir/...")
        #expect(HandoffContext.normalized("a//b/./c/") == "a/b/c/")
    }
}
