import Foundation
import MissionKit
import Testing

/// Handoff shapes and prose seen in public mission repositories.
@Suite struct RealWorldHandoffTests {
    @Test func barePathsInProseAreClaimsToo() throws {
        let g = try GitFixture()
        let sha = try g.commit("fmt", ["src/lib.rs": "fn main() {}\n", ".factory/validation/m1/scrutiny/synthesis.json": "{}\n"])
        let handoff = HandoffJSON.wrapped(
            HandoffJSON.bare(
                summary: "Validated milestone m1.",
                implemented: "Created synthesis report at .factory/validation/m1/user-testing/synthesis.json. "
                    + "Synthesis: .factory/validation/m1/scrutiny/synthesis.json. Verified that crates/core/tests/wiring.rs is established, "
                    + "and/or N/A for the rest; see https://example.com/a/b.json."),
            commit: sha)
        let v = try g.verify(handoff, commit: nil)
        let claimed = v.findings.filter { $0.rule == "claimed-file-not-in-commit" }
        #expect(claimed.count == 1)
        #expect(claimed.first?.message.contains("`.factory/validation/m1/user-testing/synthesis.json`") == true)
        #expect(v.matched == [".factory/validation/m1/scrutiny/synthesis.json"])
        // "Verified that …" is no claim; and/or, N/A and the URL are not paths.
        #expect(!v.findings.contains { $0.message.contains("wiring.rs") || $0.message.contains("example.com") || $0.message.contains("and/or") })
    }

    @Test func bareFolderPathsCountOnlyWhenTheyExist() {
        let exists = { (p: String) in p == "crates/core" }
        let claims = ProseClaim.extract(from: "Updated crates/core and input/output handling.", exists: exists)
        #expect(claims.map(\.path) == ["crates/core"])
        #expect(claims.first?.kind == .changed)
    }

    @Test func ownShapeWithoutCommitIsVerifiedAgainstTheCommitThatAddedIt() throws {
        let g = try GitFixture()
        try g.commit("base", ["README.md": "# r\n"])
        let handoff = """
            {"feature": "runner-cli", "whatWasImplemented": ["Added the runner CLI.", "Wrote docs/runner.md."],
             "filesChanged": ["runner/cli.py", "runner/results.py", {"path": "docs/runner.md"}]}
            """
        let sha = try g.commit(
            "runner cli with its handoff", ["runner/cli.py": "print('x')\n", "docs/runner.md": "# Runner\n", "handoffs/runner-cli.json": handoff])
        let verifier = HandoffVerifier(repo: GitRepository(root: g.root), mission: nil)
        let v = try verifier.verify(bytes: Array(handoff.utf8), file: "handoffs/runner-cli.json", commitOverride: nil)
        #expect(v.commit?.hasPrefix(sha) == true)
        #expect(v.commitSource == .addingCommit)
        #expect(v.commitNote?.contains("the commit that added the handoff") == true)
        #expect(!v.findings.contains { $0.rule == "invalid-handoff" })
        let missing = v.findings.filter { $0.rule == "claimed-file-not-in-commit" }
        #expect(missing.count == 1 && missing[0].message.contains("runner/results.py"))
        #expect(v.missing == ["runner/results.py"])
    }

    @Test(arguments: ["1e19", "9223372036854775807", "1e300", "-1e300", "1.5"])
    func outOfRangeExitCodesAreInvalidNotACrash(value: String) throws {
        let g = try GitFixture()
        let sha = try g.commit("a", ["a.go": "package a\n"])
        let handoff = HandoffJSON.bare().replacingOccurrences(of: "\"commandsRun\": []", with: "\"commandsRun\": [{\"command\": \"go test\", \"exitCode\": \(value)}]")
        let v = try g.verify(handoff, commit: sha)
        #expect(v.findings.contains { $0.rule == "invalid-handoff" && $0.message.contains("exitCode") })
    }
}

/// Handoffs that name something other than one verifiable commit (issue 15).
@Suite struct HandoffCommitTests {
    @Test(arguments: ["HEAD~2..HEAD", "HEAD...main", "main^@", "a b"])
    func aRangeOrSeveralCommitsIsInvalidNotVerified(commit: String) throws {
        let g = try GitFixture()
        try g.commit("a", ["a.go": "package a\n"])
        try g.commit("b", ["b.go": "package b\n"])
        let v = try g.verify(HandoffJSON.wrapped(HandoffJSON.bare(), commit: commit), commit: nil)
        #expect(v.findings.map(\.rule) == ["invalid-handoff"])
        #expect(v.commit == nil)
    }

    @Test func anEmptyCommitIsACommitWithNoChanges() throws {
        let g = try GitFixture()
        try g.commit("a", ["a.go": "package a\n"])
        let empty = try g.commit("nothing", [:])
        let v = try g.verify(HandoffJSON.bare(implemented: "Only verified that `a.go` is right."), commit: empty)
        #expect(!v.findings.contains { $0.rule == "commit-not-found" })
        #expect(v.commit?.hasPrefix(empty) == true)
    }

    @Test func aShallowBoundaryIsNotVerifiableNeverAPass() throws {
        let g = try GitFixture()
        try g.commit("a", ["a.go": "package a\n"])
        try g.commit("b", ["b.go": "package b\n", "b_test.go": "func TestB(t *testing.T) {}\n"])
        let clone = try TempRepo([:])
        let out = try ProcessRunner.run("git", ["clone", "-q", "--depth", "1", "file://" + g.root, clone.root + "/c"])
        #expect(out.status == 0)
        let head = try ProcessRunner.run("git", ["-C", clone.root + "/c", "rev-parse", "HEAD"]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let verifier = HandoffVerifier(repo: GitRepository(root: clone.root + "/c"), mission: nil)
        let handoff = HandoffJSON.bare(tests: [("b_test.go", [("TestB", "VAL-X-001")])])
        let v = try verifier.verify(bytes: Array(handoff.utf8), file: "h.json", commitOverride: head)
        #expect(v.findings.map(\.rule) == ["commit-not-verifiable"])
        #expect(v.matched.isEmpty)
    }

    @Test func aClaimedPathOutsideTheRepositoryIsOneFinding() throws {
        let g = try GitFixture()
        let sha = try g.commit("t", ["t_test.go": "func TestT(t *testing.T) {}\n"])
        let handoff = HandoffJSON.bare(tests: [("../../../etc/passwd", [("root", "VAL-X-001")]), ("t_test.go", [("TestT", "VAL-X-001")])])
        let v = try g.verify(handoff, commit: sha)
        let claimed = v.findings.filter { $0.rule == "claimed-file-not-in-commit" }
        #expect(claimed.count == 1 && claimed[0].message.contains("outside the repository"))
        #expect(v.matched == ["t_test.go"])
    }
}
