import Foundation
import MissionKit
import Testing

/// Handoff histories of the shape real missions leave (issue 25): the handoff committed after its
/// work, commits recorded in the mission's own files, prose that names what it did not change.
/// Each test fails on the verifier before that issue.
@Suite struct HandoffHistoryTests {
    static let mission = ".factory/missions/m1"

    /// A repository with a mission whose contract defines VAL-A-001…004.
    static func fixture() throws -> GitFixture {
        let g = try GitFixture()
        try g.commit(
            "mission",
            [
                mission + "/validation-contract.md": "# Contract\n\n"
                    + (1...4).map { "### VAL-A-00\($0): assertion \($0)\nA paragraph.\n\n" }.joined(),
                mission + "/features.json": #"{"features": [{"id": "feat-x", "milestone": "m", "fulfills": ["VAL-A-001"], "status": "completed"}]}"#,
                "README.md": "# r\n",
            ])
        return g
    }

    static func handoff(feature: String = "feat-x", commitKey: String? = nil, implemented: String = "Implemented it.", tests: String = "") -> String {
        """
        {"featureId": "\(feature)", \(commitKey ?? "") "successState": "success",
         "handoff": {"salientSummary": "Did it.", "whatWasImplemented": \(HandoffJSON.quote(implemented)),
           "verification": {"commandsRun": [], "interactiveChecks": [{"action": "a", "observed": "b"}]},
           "tests": {"added": [\(tests)]}}}
        """
    }

    static let workTests = #"{"file": "src/x_test.go", "cases": [{"name": "TestX", "verifies": "VAL-A-001"}]}"#
    static let handoffPath = mission + "/handoffs/2026-04-16T21-25-00-557Z__feat-x__fc66a935.json"

    /// Commits the work, then the handoff in a bookkeeping commit of its own; verifies the handoff file.
    func verifyLateHandoff(
        _ g: GitFixture, handoff: String, workSubject: String = "work", extraMissionFiles: [String: String?] = [:]
    ) throws -> (work: String, bookkeeping: String, result: HandoffVerifier.Verification) {
        let work = try g.commit(workSubject, ["src/x.go": "package x\n", "src/x_test.go": "package x\n\nfunc TestX(t *testing.T) {}\n"])
        var files = extraMissionFiles
        files[Self.handoffPath] = handoff
        let bookkeeping = try g.commit("record handoff", files)
        let verifier = HandoffVerifier(repo: GitRepository(root: g.root), mission: Mission.load(repoRoot: g.root, missionDir: g.root + "/" + Self.mission))
        let result = try verifier.verify(bytes: Array(handoff.utf8), file: Self.handoffPath, commitOverride: nil)
        return (work, bookkeeping, result)
    }

    // MARK: 1. The right commit

    @Test func theHandoffsOwnCommitKeyIsUsed() throws {
        let g = try Self.fixture()
        let work = try g.commit("work", ["src/x.go": "package x\n", "src/x_test.go": "func TestX(t *testing.T) {}\n"])
        let (_, _, v) = try verifyLateHandoff(g, handoff: Self.handoff(commitKey: "\"commit\": \"\(work)\",", tests: Self.workTests))
        #expect(v.commit?.hasPrefix(work) == true)
        #expect(v.commitSource == .handoff)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
    }

    @Test func theFeaturesCommitComesFirst() throws {
        let g = try Self.fixture()
        let work = try g.commit("work", ["src/x.go": "package x\n", "src/x_test.go": "func TestX(t *testing.T) {}\n"])
        let features = #"{"features": [{"id": "feat-x", "milestone": "m", "fulfills": ["VAL-A-001"], "status": "completed", "commit": "\#(work)"}]}"#
        let (_, _, v) = try verifyLateHandoff(
            g, handoff: Self.handoff(tests: Self.workTests), extraMissionFiles: [Self.mission + "/features.json": features])
        #expect(v.commit?.hasPrefix(work) == true)
        #expect(v.commitSource == .features)
        #expect(v.line.contains("commit \(work.prefix(7)) (features.json)"))
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
    }

    @Test func thenTheProgressLogsFeatureComplete() throws {
        let g = try Self.fixture()
        let work = try g.commit("work", ["src/x.go": "package x\n", "src/x_test.go": "func TestX(t *testing.T) {}\n"])
        let log = """
            {"timestamp":"2026-04-16T21:22:10Z","type":"worker_started","featureId":"feat-x"}
            {"timestamp":"2026-04-16T21:25:00Z","event":"feature_complete","featureId":"feat-x","status":"completed","commit":"\(work)"}
            {"timestamp":"2026-04-16T21:26:00Z","event":"something_new","featureId":"feat-x","commit":"0000000"}
            """
        let (_, _, v) = try verifyLateHandoff(g, handoff: Self.handoff(tests: Self.workTests), extraMissionFiles: [Self.mission + "/progress_log.jsonl": log])
        #expect(v.commitSource == .progressLog)
        #expect(v.commit?.hasPrefix(work) == true)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
    }

    @Test func thenACommitWhoseSubjectStartsWithTheFeatureId() throws {
        let g = try Self.fixture()
        try g.commit("feat-xy: a different feature", ["other.go": "package o\n"])
        let (work, _, v) = try verifyLateHandoff(g, handoff: Self.handoff(tests: Self.workTests), workSubject: "feat-x: add x")
        #expect(v.commitSource == .subject)
        #expect(v.commit?.hasPrefix(work) == true)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
    }

    @Test func aBookkeepingCommitIsOneNotVerifiableFindingNotOnePerClaim() throws {
        let g = try Self.fixture()
        let claims = Self.handoff(
            implemented: "Updated `src/x.go` and `src/y.go`, added `docs/x.md`.", tests: Self.workTests)
        let (_, bookkeeping, v) = try verifyLateHandoff(g, handoff: claims, workSubject: "unrelated subject")
        #expect(v.findings.map(\.rule) == ["commit-not-verifiable"], "\(v.findings.map(\.message))")
        let message = v.findings.first?.message ?? ""
        #expect(message.contains(String(bookkeeping.prefix(7))) && message.contains("mission files"))
        #expect(message.contains("the commit that added the handoff"))
    }

    @Test func aCommitTheHandoffNamesIsNeverTreatedAsBookkeeping() throws {
        let g = try Self.fixture()
        let bookkeeping = try g.commit("notes", [Self.mission + "/notes.md": "n\n"])
        let (_, _, v) = try verifyLateHandoff(g, handoff: Self.handoff(commitKey: "\"commitId\": \"\(bookkeeping)\",", tests: Self.workTests))
        #expect(v.commitSource == .handoff)
        #expect(v.findings.map(\.rule) == ["claimed-file-not-in-commit"])
        #expect(v.line.contains("looks like the wrong commit"))
    }

    @Test func aCommitMissingFromAShallowCloneIsANote() throws {
        let g = try Self.fixture()
        let old = try g.commit("work", ["src/x.go": "package x\n", "src/x_test.go": "func TestX(t *testing.T) {}\n"])
        try g.commit("later", ["README.md": "# r2\n"])
        let full = try g.git("rev-parse", old)
        let shallow = NSTemporaryDirectory() + "missionkit-shallow-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: shallow) }
        try g.git("clone", "-q", "--depth", "1", "file://" + g.root, shallow)
        let verifier = HandoffVerifier(repo: GitRepository(root: shallow), mission: nil)
        let handoff = Self.handoff(commitKey: "\"commitId\": \"\(full)\",", tests: Self.workTests)
        let v = try verifier.verify(bytes: Array(handoff.utf8), file: "h.json", commitOverride: nil)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
        #expect(v.notes.contains { $0.contains("shallow clone") })
    }

    // MARK: 2. verifies values

    @Test func everyAssertionIdInAVerifiesValueCountsAndOnlyUnknownOnesAreReported() throws {
        let g = try Self.fixture()
        let sha = try g.commit("t", ["src/a_test.go": "func TestOne(t *testing.T) {}\nfunc TestTwo(t *testing.T) {}\nfunc TestThree(t *testing.T) {}\n"])
        let tests = """
            {"file": "src/a_test.go", "cases": [
              {"name": "TestOne", "verifies": "VAL-A-003 (stub until the OS grants a permission)"},
              {"name": "TestTwo", "verifies": "VAL-A-001, VAL-A-002, VAL-A-009"},
              {"name": "TestThree", "verifies": "scaffold-smoke"}]}
            """
        let v = try verifyWithMission(g, Self.handoff(commitKey: "\"commitId\": \"\(sha)\",", tests: tests))
        let unknown = v.findings.filter { $0.rule == "unknown-assertion" }
        #expect(unknown.count == 1 && unknown[0].message.contains("VAL-A-009"), "\(v.findings.map(\.message))")
        let none = v.findings.filter { $0.rule == "verifies-without-assertion" }
        #expect(none.count == 1 && none[0].severity == .warning && none[0].message.contains("scaffold-smoke"))
    }

    @Test func assertionTokens() {
        #expect(AssertionID.tokens(in: "VAL-AREA-003 (stub)") == ["VAL-AREA-003"])
        #expect(AssertionID.tokens(in: "VAL-A1-001, VAL-A1-002; VAL-CROSS-010.") == ["VAL-A1-001", "VAL-A1-002", "VAL-CROSS-010"])
        #expect(AssertionID.tokens(in: "scaffold-smoke").isEmpty)
        #expect(AssertionID.tokens(in: "XVAL-A-001 VAL-A VAL--001").isEmpty)
    }

    func verifyWithMission(_ g: GitFixture, _ handoff: String) throws -> HandoffVerifier.Verification {
        let verifier = HandoffVerifier(repo: GitRepository(root: g.root), mission: Mission.load(repoRoot: g.root, missionDir: g.root + "/" + Self.mission))
        return try verifier.verify(bytes: Array(handoff.utf8), file: "h.json", commitOverride: nil)
    }

    // MARK: 3. Negation is no claim

    static let negations = [
        "No changes to `src/core/**`, `src/io/**`.",
        "Did not touch `src/core/engine.go`.",
        "Left `src/core/engine.go` untouched.",
        "Implemented the flag without modifying `src/core/engine.go`.",
        "Deliberately skipped `src/core/engine.go`.",
        "`src/core/engine.go` is unchanged.",
        "Didn\u{2019}t update `docs/core.md`; `src/core/engine.go` was not modified.",
    ]

    @Test(arguments: negations)
    func negatedPathsAreNoClaim(sentence: String) throws {
        let g = try Self.fixture()
        try g.commit("base", ["src/core/engine.go": "package core\n", "docs/core.md": "# c\n"])
        let sha = try g.commit("work", ["src/cli/flag.go": "package cli\n"])
        let v = try g.verify(HandoffJSON.bare(implemented: "Updated `src/cli/flag.go`. " + sentence), commit: sha)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
        #expect(v.missing.isEmpty && v.matched == ["src/cli/flag.go"])
    }

    @Test func negationDoesNotSwallowRealClaims() {
        let claims = ProseClaim.extract(
            from: "Updated `a.go` so that it does not crash. Fixed a bug where `b.go` was not flushed. Added `c.go`, left `d.go` untouched.")
        #expect(claims.map(\.kind) == [.changed, .changed, .changed, .untouched])
    }

    // MARK: 4. Not every slash is a path

    @Test func refsBranchesAndGitInternalsAreNotFiles() throws {
        let g = try Self.fixture()
        try g.commit("base", ["Sources/App/main.swift": "print(1)\n"])
        let sha = try g.commit("work", ["Sources/App/main.swift": "print(2)\n"])
        let prose = "Updated `.git/HEAD` and `.git/refs/remotes/` handling; rebased onto `origin/main` (was `origin/HEAD`), "
            + "pushed `refs/heads/feature/x` and `feature/x`; changed `root.path/.git/` lookup. Updated `Sources/App`."
        let v = try g.verify(HandoffJSON.bare(implemented: prose), commit: sha)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
        #expect(v.matched == ["Sources/App/main.swift"])
    }

    @Test func anExtensionlessPathCountsWhenItExistsAtTheParent() throws {
        let g = try Self.fixture()
        try g.commit("base", ["tools/gen/main.go": "package main\n"])
        let sha = try g.commit("work", ["README.md": "# r3\n"])
        let v = try g.verify(HandoffJSON.bare(implemented: "Updated `tools/gen`."), commit: sha)
        #expect(v.findings.map(\.rule) == ["claimed-file-not-in-commit"])
    }

    // MARK: 5. Folders are folders

    @Test func aClaimedFolderMatchesTheFilesUnderIt() throws {
        let g = try Self.fixture()
        let icons = (1...11).reduce(into: [String: String?]()) { $0["Resources/Assets.xcassets/AppIcon.appiconset/icon-\($1).png"] = "png\($1)\n" }
        let sha = try g.commit("icons", icons)
        let v = try g.verify(HandoffJSON.bare(implemented: "Replaced `Resources/Assets.xcassets/AppIcon.appiconset` with the new icon set."), commit: sha)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
        #expect(v.matched.count == 11 && v.missing.isEmpty)
    }

    // MARK: 6. A mention is not an accusation

    @Test func mentioningAnExistingFileIsNoFindingADanglingOneIs() throws {
        let g = try Self.fixture()
        try g.commit("base", ["library/graph-rendering.md": "# g\n", "Sources/App/App.swift": "struct App {}\n"])
        let sha = try g.commit("work", ["Sources/App/Graph.swift": "struct Graph {}\n"])
        let prose = "Added `Sources/App/Graph.swift`; follows `library/graph-rendering.md` and avoids a name clash with a type in "
            + "`Sources/App/App.swift`. See `docs/missing-guide.md`."
        let v = try g.verify(HandoffJSON.bare(implemented: prose), commit: sha)
        #expect(v.findings.map(\.rule) == ["mentioned-file-not-in-commit"], "\(v.findings.map(\.message))")
        #expect(v.findings.first?.message.contains("docs/missing-guide.md") == true)
    }

    // MARK: 7. Test names as the language writes them

    @Test func caseNamesAreTheValuesOfTheirLiterals() throws {
        let g = try Self.fixture()
        let swift = #"""
            @Test("splits \\r-delimited lines") func splitsCR() {}
            @Test("quotes \"inner\" names") func quotes() {}
            """#
        let sha = try g.commit("t", ["Tests/LineTests.swift": swift + "\n"])
        let tests = #"{"file": "Tests/LineTests.swift", "cases": [{"name": "splits \\r-delimited lines"}, {"name": "quotes \"inner\" names"}]}"#
        let v = try g.verify(HandoffJSON.wrapped(#"{"salientSummary": "s", "whatWasImplemented": "i", "verification": {"commandsRun": [], "interactiveChecks": [{}]}, "tests": {"added": [\#(tests)]}}"#, commit: sha), commit: nil)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
    }

    @Test(arguments: [
        ("Tests/ParseTests.swift", "@Test(arguments: [\"empty\", \"unicode\"])\nfunc parsesInput(_ name: String) {}\n", "parsesInput [unicode]"),
        ("tests/test_parse.py", "@pytest.mark.parametrize(\"fixture\", [\"empty_file\", \"crlf\"])\ndef test_parse(fixture):\n    pass\n", "test_parse [crlf-only]"),
        ("parse_test.go", "func TestParse(t *testing.T) {\n\tcases := []struct{ name string }{{\"blank input\"}, {\"tabs\"}}\n\t_ = cases\n}\n", "TestParse [blank input]"),
    ])
    func parameterisedCasesMatchTheirTestWhenTheArgumentIsAdded(file: String, source: String, name: String) throws {
        let g = try Self.fixture()
        let sha = try g.commit("t", [file: source])
        let v = try g.verify(HandoffJSON.bare(tests: [(file, [(name, "VAL-A-001")])]), commit: sha)
        #expect(v.findings.isEmpty, "\(v.findings.map(\.message))")
        let absent = try g.verify(HandoffJSON.bare(tests: [(file, [(name.replacingOccurrences(of: "[", with: "[zzz "), "VAL-A-001")])]), commit: sha)
        #expect(absent.findings.map(\.rule) == ["claimed-test-case-not-found"])
    }

    // MARK: 8. Output a reviewer can read

    @Test func theListOfAddedTestsIsCutToFive() throws {
        let g = try Self.fixture()
        let body = (1...9).map { "func TestCase\($0)(t *testing.T) {}\n" }.joined()
        let sha = try g.commit("t", ["x_test.go": "package x\n" + body])
        let v = try g.verify(HandoffJSON.bare(tests: [("x_test.go", [("TestAbsent", "VAL-A-001")])]), commit: sha)
        let message = v.findings.first?.message ?? ""
        #expect(message.contains("TestCase1, TestCase2, TestCase3, TestCase4, TestCase5 and 4 more"), "\(message)")
        #expect(!message.contains("TestCase6"))
    }

    @Test func handoffsWithoutACommitGetOneSummaryNote() throws {
        var a = HandoffVerifier.Verification(file: "a.json")
        a.commitSource = .features
        var b = HandoffVerifier.Verification(file: "b.json")
        b.commitSource = .addingCommit
        var c = HandoffVerifier.Verification(file: "c.json")
        c.commitSource = .features
        var d = HandoffVerifier.Verification(file: "d.json")
        d.commitSource = .handoff
        let note = HandoffVerifier.unnamedCommitSummary([a, b, c, d])
        #expect(note == "3 handoff(s) name no commit; verified against the mission's records: features.json 2, the commit that added the handoff 1.")
        #expect(HandoffVerifier.unnamedCommitSummary([d]) == nil)
    }
}
