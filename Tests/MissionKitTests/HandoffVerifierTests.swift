import Foundation
import MissionKit
import Testing

@Suite struct HandoffVerifierTests {
    func rules(_ v: HandoffVerifier.Verification) -> [String] { v.findings.map(\.rule) }

    /// The original incident: the commit only changed the security regressions file.
    @Test func reproducesTheOriginalIncident() throws {
        let g = try GitFixture()
        try g.commit("base", ["docs/product/tracking.md": "# Tracking\n", "internal/tracking/application/regressions_test.go": "package application\n"])
        let sha = try g.commit(
            "security", ["internal/tracking/application/security_regressions_test.go": "package application\n\nfunc TestOtherUserCannotStop(t *testing.T) {}\n"])
        let handoff = HandoffJSON.wrapped(
            HandoffJSON.bare(
                implemented: "Changed the rule and updated `docs/product/tracking.md` with the new rule.",
                tests: [("internal/tracking/application/regressions_test.go", [("rejects a second running timer across workspaces", "VAL-TIMER-001")])]),
            commit: sha)
        let v = try g.verify(handoff, commit: nil)
        #expect(v.errors == 2)
        #expect(v.missing.sorted() == ["docs/product/tracking.md", "internal/tracking/application/regressions_test.go"])
        #expect(v.extra == ["internal/tracking/application/security_regressions_test.go"])
        let messages = v.findings.filter { $0.rule == "claimed-file-not-in-commit" }.map(\.message)
        #expect(messages.contains { $0.contains("docs/product/tracking.md") })
        #expect(messages.contains { $0.contains("regressions_test.go") && !$0.contains("security_") })
    }

    @Test func bareHandoffNeedsACommit() throws {
        let g = try GitFixture()
        let sha = try g.commit("a", ["a.go": "package a\n"])
        #expect(throws: MissionError.self) { try g.verify(HandoffJSON.bare(), commit: nil) }
        let v = try g.verify(HandoffJSON.bare(tests: [("a.go", [])]), commit: sha)
        #expect(v.findings.isEmpty)
        #expect(v.matched == ["a.go"])
    }

    @Test func commitNotFoundAndOptionLikeIds() throws {
        let g = try GitFixture()
        try g.commit("a", ["a.go": "package a\n"])
        #expect(rules(try g.verify(HandoffJSON.bare(), commit: "deadbee")) == ["commit-not-found"])
        #expect(rules(try g.verify(HandoffJSON.bare(), commit: "--all")) == ["commit-not-found"])
    }

    @Test func goPackagePatternsAndGlobs() throws {
        let g = try GitFixture()
        try g.commit("base", ["README.md": "#\n"])
        let sha = try g.commit("t", ["apps/backend/internal/bootstrap/current_test.go": "func TestReturns200NullWhenIdle(t *testing.T) {}\n"])
        let ok = try g.verify(
            HandoffJSON.bare(tests: [("apps/backend/internal/bootstrap/...", [("returns 200 null when idle", "VAL-ENTRY-004")]), ("apps/**/*_test.go", [])]),
            commit: sha)
        #expect(ok.findings.isEmpty, "\(ok.findings)")
        let wrong = try g.verify(HandoffJSON.bare(tests: [("apps/backend/internal/tracking/...", [])]), commit: sha)
        #expect(rules(wrong) == ["claimed-file-not-in-commit"])
    }

    @Test func caseNamesMatchLiterallyOrAsDerivedIdentifiers() throws {
        let lines = ["func TestRejectsSecondRunningTimer_AcrossWorkspaces(t *testing.T) {", "\tt.Run(\"idle current is 200 + null\", func(t *testing.T) {})"]
        #expect(TestNameMatcher.found("rejects second running timer across workspaces", in: lines))
        #expect(TestNameMatcher.found("idle current is 200 + null", in: lines))
        #expect(TestNameMatcher.found("TestRejectsSecondRunningTimer_AcrossWorkspaces", in: lines))
        #expect(TestNameMatcher.found("rejects_second_running_timer_across_workspaces", in: lines))
        #expect(!TestNameMatcher.found("rejects a third timer", in: lines))
        #expect(TestNameMatcher.declaredTests(in: lines) == ["TestRejectsSecondRunningTimer_AcrossWorkspaces", "idle current is 200 + null"])
    }

    @Test func missingCaseListsTheTestsTheCommitAdded() throws {
        let g = try GitFixture()
        try g.commit("base", ["t_test.go": "package t\n"])
        let sha = try g.commit("t", ["t_test.go": "package t\n\nfunc TestStopsRunningEntry(t *testing.T) {}\n"])
        let v = try g.verify(HandoffJSON.bare(tests: [("t_test.go", [("rejects a second running timer", "VAL-TIMER-001")])]), commit: sha)
        let finding = try #require(v.findings.first { $0.rule == "claimed-test-case-not-found" })
        #expect(finding.message.contains("TestStopsRunningEntry"))
        #expect(finding.line == 6)  // the case's line in the handoff JSON
    }

    @Test func renamesAreFollowed() throws {
        let g = try GitFixture()
        let body = (1...30).map { "// line \($0)" }.joined(separator: "\n")
        try g.commit("base", ["old_test.go": "package t\n" + body + "\n"])
        let sha = try g.commit("rename", ["old_test.go": nil, "new_test.go": "package t\n" + body + "\nfunc TestRenamedCase(t *testing.T) {}\n"])
        let v = try g.verify(
            HandoffJSON.bare(implemented: "Renamed `old_test.go` to `new_test.go`.", tests: [("new_test.go", [("renamed case", "VAL-X-001")])]), commit: sha)
        #expect(v.findings.isEmpty, "\(v.findings)")
        #expect(v.matched == ["new_test.go"])
    }

    @Test func mergeCommitIsComparedWithItsFirstParent() throws {
        let g = try GitFixture()
        try g.commit("base", ["a.md": "a\n"])
        try g.git("checkout", "-q", "-b", "feature")
        try g.commit("feature work", ["feature.go": "package f\n"])
        try g.git("checkout", "-q", "main")
        try g.commit("main work", ["main.go": "package m\n"])
        try g.git("merge", "-q", "--no-ff", "-m", "merge feature", "feature")
        let merge = try g.git("rev-parse", "HEAD")
        let v = try g.verify(HandoffJSON.bare(tests: [("feature.go", [])]), commit: merge)
        #expect(v.findings.isEmpty)
        #expect(v.matched == ["feature.go"] && v.extra.isEmpty)
        let wrong = try g.verify(HandoffJSON.bare(tests: [("main.go", [])]), commit: merge)
        #expect(rules(wrong) == ["claimed-file-not-in-commit"])
    }

    @Test func rootCommitWorks() throws {
        let g = try GitFixture()
        let sha = try g.commit("root", ["x_test.go": "func TestRoot(t *testing.T) {}\n"])
        let v = try g.verify(HandoffJSON.bare(tests: [("x_test.go", [("root", "VAL-A-001")])]), commit: sha)
        #expect(v.findings.isEmpty, "\(v.findings)")
    }

    @Test func proseVerificationSentencesAreNoFinding() throws {
        let g = try GitFixture()
        try g.commit("base", ["tests/full_cycle_wiring.rs": "fn a() {}\n", "src/lib.rs": "\n", "docs/notes.md": "#\n"])
        let sha = try g.commit("change", ["src/lib.rs": "pub fn x() {}\n"])
        let prose = """
            Verified that `tests/full_cycle_wiring.rs` is fully established. Read `docs/notes.md` before starting. \
            Updated `src/lib.rs`. The endpoint `GET /me/time_entries/current` returns `200 + null`.
            """
        let v = try g.verify(HandoffJSON.bare(implemented: prose), commit: sha)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
        // Naming an existing file is normal; naming one that exists nowhere is a dangling reference.
        #expect(try g.verify(HandoffJSON.bare(implemented: "See `docs/notes.md` for details."), commit: sha).findings.isEmpty)
        let mention = try g.verify(HandoffJSON.bare(implemented: "See `docs/old-notes.md` for details."), commit: sha)
        #expect(rules(mention) == ["mentioned-file-not-in-commit"])
        #expect(mention.findings.first?.severity == .warning)
    }

    @Test func proseClaimClassification() {
        let claims = ProseClaim.extract(
            from: "Changed the rule, added regressions, and updated `docs/a.md` with a block. `docs/b.md` was refreshed; confirmed `docs/c.md` is unchanged. See `docs/d.md`.")
        #expect(claims.map(\.path) == ["docs/a.md", "docs/b.md", "docs/c.md", "docs/d.md"])
        #expect(claims.map(\.kind) == [.changed, .changed, .untouched, .mentioned])
    }

    @Test func failedCommandsAndProcedureWithoutEvidence() throws {
        let g = try GitFixture()
        let sha = try g.commit("a", ["a.go": "package a\n"])
        let inner = HandoffJSON.bare(commands: [("go test ./...", 0), ("go vet ./...", 1)], checks: 0)
        let v = try g.verify(HandoffJSON.wrapped(inner, commit: sha), commit: nil)
        #expect(rules(v).sorted() == ["claimed-command-failed", "procedure-claim-without-evidence"])
        let fine = try g.verify(HandoffJSON.wrapped(HandoffJSON.bare(commands: [("go test ./...", 0)], checks: 1), commit: sha), commit: nil)
        #expect(fine.findings.isEmpty)
        let notClaimed = try g.verify(HandoffJSON.wrapped(HandoffJSON.bare(checks: 0), commit: sha, followedProcedure: false), commit: nil)
        #expect(notClaimed.findings.isEmpty)
    }

    @Test(arguments: [
        ("{\"salientSummary\": 3, \"whatWasImplemented\": \"x\", \"verification\": {}}", "$.salientSummary"),
        ("{\"salientSummary\": \"s\", \"whatWasImplemented\": \"x\"}", "$.verification"),
        ("{\"salientSummary\": \"s\", \"whatWasImplemented\": \"x\", \"verification\": {\"commandsRun\": [{\"command\": \"c\", \"exitCode\": \"0\"}]}}", "exitCode"),
        ("{\"handoff\": [], \"commitId\": \"abc\"}", "$.handoff"),
        ("{\"salientSummary\": \"s\", \"whatWasImplemented\": \"x\", \"verification\": {}, \"tests\": {\"added\": [{\"cases\": []}]}}", "file"),
    ])
    func invalidHandoffNamesTheJSONPath(json: String, path: String) throws {
        let g = try GitFixture()
        let sha = try g.commit("a", ["a.go": "package a\n"])
        let v = try g.verify(json, commit: sha)
        let finding = try #require(v.findings.first { $0.rule == "invalid-handoff" })
        #expect(finding.message.contains(path), "\(finding.message)")
    }

    @Test func unknownKeysAreTolerated() throws {
        let g = try GitFixture()
        let sha = try g.commit("a", ["a.go": "package a\n"])
        let json = HandoffJSON.bare().replacingOccurrences(of: "\"discoveredIssues\": []", with: "\"discoveredIssues\": [], \"extraKey\": {\"x\": 1}")
        #expect(try g.verify(json, commit: sha).findings.isEmpty)
    }

    @Test func docBlockMustBeTouchedAndValid() throws {
        let g = try GitFixture()
        let block = Fixture.block(agent: "feat-a", status: "partial", todo: "more", fully: "no")
        try g.commit("base", [
            ".factory/AGENTS.md": "## Source docs\n\n- `docs/t.md`\n",
            ".factory/validation-contract.md": "### VAL-TIMER-001: x\n",
            "docs/t.md": "# T\n\n" + block + "\nBody.\n",
        ])
        let bodyOnly = try g.commit("body only", ["docs/t.md": "# T\n\n" + block + "\nBody, edited.\n"])
        let claim = HandoffJSON.bare(implemented: "Updated `docs/t.md` with the new rule.")
        let untouched = try g.verify(claim, commit: bodyOnly, mission: true)
        #expect(rules(untouched) == ["claimed-doc-block-not-updated"])
        let refreshed = try g.commit("block", ["docs/t.md": "# T\n\n" + Fixture.block(agent: "feat-a") + "\nBody, edited.\n"])
        #expect(try g.verify(claim, commit: refreshed, mission: true).findings.isEmpty)
        let broken = try g.commit("broken", ["docs/t.md": "# T\n\n" + Fixture.block(agent: "feat-a", status: "partial") + "\nBody.\n"])
        let bad = try g.verify(claim, commit: broken, mission: true)
        #expect(bad.findings.first?.message.contains("inconsistent-status-block") == true)
        let unknown = try g.verify(HandoffJSON.bare(tests: [("docs/t.md", [("x", "VAL-NOPE-009")])]), commit: broken, mission: true)
        #expect(rules(unknown).contains("unknown-assertion"))
    }

    @Test func aHandoffForAFeatureTheMissionDoesNotHaveIsReported() throws {
        let g = try GitFixture()
        try g.commit("base", [".factory/features.json": #"{"features": [{"id": "global-running-timers", "fulfills": []}]}"#])
        let sha = try g.commit("a", ["a.go": "package a\n"])
        let v = try g.verify(HandoffJSON.wrapped(HandoffJSON.bare(tests: [("a.go", [])]), commit: sha), commit: nil, mission: true)
        let found = v.findings.filter { $0.rule == "handoff-unknown-feature" }
        #expect(found.map(\.message) == ["`featureId: global-running-timer` is not a feature of .factory/features.json (did you mean `global-running-timers`?)"])
        #expect(found.first?.line == 2)
        try g.commit("fixed", [".factory/features.json": #"{"features": [{"id": "global-running-timer", "fulfills": []}]}"#])
        let ok = try g.verify(HandoffJSON.wrapped(HandoffJSON.bare(tests: [("a.go", [])]), commit: sha), commit: nil, mission: true)
        #expect(!ok.findings.contains { $0.rule == "handoff-unknown-feature" })
    }

    @Test func rerunComparesExitCodesInACleanWorktree() throws {
        let g = try GitFixture()
        let sha = try g.commit("a", ["present.txt": "x\n"])
        try g.repo.write("untracked-only-here.txt", "x\n")  // exists in the work tree, not in the commit
        let inner = HandoffJSON.bare(commands: [("test -f present.txt", 0), ("test -f untracked-only-here.txt", 0)])
        let v = try g.verify(inner, commit: sha, rerun: 30)
        #expect(rules(v) == ["rerun-mismatch"])
        #expect(v.findings.first?.message.contains("untracked-only-here.txt") == true)
        let worktrees = try g.git("worktree", "list")
        #expect(worktrees.split(separator: "\n").count == 1)
    }
}
