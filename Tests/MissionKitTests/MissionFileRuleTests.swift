import Foundation
import MissionKit
import Testing

@Suite struct MissionFileRuleTests {
    func check(_ changes: [String: String?]) throws -> DiagnosticsReport {
        var files = Fixture.valid
        for (path, content) in changes { files[path] = content }
        return try TempRepo(files).check()
    }

    @Test func noSourceDocs() throws {
        let none = try check([".factory/AGENTS.md": "# Rules\n\n## Conventions\n\n- `x.md`\n"])
        #expect(none.findings("no-source-docs").count == 1)
        let empty = try check([".factory/AGENTS.md": "# Rules\n\n## Source docs (closed set)\n\nNothing yet.\n"])
        #expect(empty.findings("no-source-docs").first?.line == 3)
        #expect(try check([:]).findings("no-source-docs").isEmpty)
    }

    @Test func unreadableSourceDocItem() throws {
        let r = try check([".factory/AGENTS.md": "## Source docs\n\n- `docs/a.md`\n- `docs/b.md`\n- the tracking doc\n"])
        #expect(r.findings("unreadable-source-doc-item").map(\.line) == [5])
        #expect(try check([:]).findings("unreadable-source-doc-item").isEmpty)
    }

    @Test(arguments: [
        ("bare array", ".factory/features.json", "[{\"id\": \"feat-a\"}]", "bare array", 1),
        ("bad json", ".factory/features.json", "{\"features\": [\n  {\"id\": \"a\",,}\n]}", "invalid JSON", 2),
        ("fulfills not array", ".factory/features.json", "{\"features\": [{\"id\": \"feat-a\",\n \"fulfills\": \"VAL-DOC-001\"}]}", "fulfills must be an array", 2),
        ("state other shape", ".factory/validation-state.json", "{\"VAL-DOC-001\": \"passed\"}", "no \"assertions\" key", 1),
        ("state entry not object", ".factory/validation-state.json", "{\"assertions\": {\n\"VAL-DOC-001\": \"passed\"}}", "must be an object", 2),
        ("contract duplicate", ".factory/validation-contract.md", "### VAL-DOC-001: a\n### VAL-DOC-002: b\n### VAL-DOC-001: again\n", "defined twice", 3),
    ])
    func invalidMissionFile(name: String, path: String, content: String, message: String, line: Int) throws {
        let found = try check([path: content]).findings("invalid-mission-file")
        #expect(found.count == 1, "\(name): \(found)")
        #expect(found.first?.message.contains(message) == true, "\(name): \(found.first?.message ?? "")")
        #expect(found.first?.line == line, "\(name)")
        #expect(found.first?.file == path)
    }

    @Test func unknownAssertion() throws {
        let features = Fixture.valid[".factory/features.json"]!.replacingOccurrences(of: "\"VAL-DOC-002\"", with: "\"VAL-DOC-002\", \"VAL-NOPE-001\"")
        let found = try check([".factory/features.json": features]).findings("unknown-assertion")
        #expect(found.map(\.message).first?.contains("VAL-NOPE-001") == true)
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("did you mean") == false)  // nothing near VAL-NOPE-001
        let typo = Fixture.valid[".factory/features.json"]!.replacingOccurrences(of: "\"VAL-DOC-002\"", with: "\"VAL-DOC-02\"")
        let suggested = try check([".factory/features.json": typo]).findings("unknown-assertion")
        #expect(suggested.first?.message.hasSuffix("(did you mean `VAL-DOC-002`?)") == true, "\(suggested.map(\.message))")
        #expect(try check([:]).findings("unknown-assertion").isEmpty)
    }

    @Test func contractAssertionsAtAnyLevelAndVariantIds() {
        let contract = ValidationContract.parse(
            SourceText("## Phase A — x\n### Area A1 — y\n#### VAL-A1-001: deep\n## 3. Security\n### VAL-SEC-TRACK-004: batches\n### Not an assertion\n"))
        #expect(contract.assertions.map(\.id) == ["VAL-A1-001", "VAL-SEC-TRACK-004"])
        #expect(contract.assertions[1].area == "SEC-TRACK")
        #expect(contract.assertions[0].title == "deep")
    }

    @Test func contractHeadingsInsideListsAndQuotesKeepDocumentOrder() {
        let contract = ValidationContract.parse(
            SourceText("## VAL-X-001: a\n\n- item\n\n  ### VAL-X-002: in a list\n\n> ### VAL-X-003: quoted\n\n```\n## VAL-X-009: code\n```\n\n## VAL-X-004: d\n## VAL-X-001: again\n"))
        #expect(contract.assertions.map(\.id) == ["VAL-X-001", "VAL-X-002", "VAL-X-003", "VAL-X-004"])
        #expect(contract.duplicates.map(\.id) == ["VAL-X-001"])
        #expect(contract.duplicates.first?.firstLine == 1)
    }

    @Test func unclaimedAssertion() throws {
        let contract = Fixture.valid[".factory/validation-contract.md"]! + "\n### VAL-DOC-003: consistent values\n"
        let state = "{\"assertions\": {\"VAL-DOC-001\": {\"status\": \"passed\"}, \"VAL-DOC-002\": {\"status\": \"pending\"}, \"VAL-DOC-003\": {\"status\": \"pending\"}}}"
        let found = try check([".factory/validation-contract.md": contract, ".factory/validation-state.json": state]).findings("unclaimed-assertion")
        #expect(found.map(\.message).first?.contains("VAL-DOC-003") == true)
        #expect(found.first?.severity == .warning)
        #expect(try check([:]).findings("unclaimed-assertion").isEmpty)
    }

    @Test func assertionClaimedTwice() throws {
        let features = Fixture.valid[".factory/features.json"]!.replacingOccurrences(of: "\"VAL-DOC-002\"", with: "\"VAL-DOC-002\", \"VAL-DOC-001\"")
        let found = try check([".factory/features.json": features]).findings("assertion-claimed-twice")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("`feat-a` and again by `feat-b`") == true)
        #expect(try check([:]).findings("assertion-claimed-twice").isEmpty)
    }

    @Test func unknownSkill() throws {
        let features = Fixture.valid[".factory/features.json"]!.replacingOccurrences(of: "\"skillName\": \"worker\", \"fulfills\": [\"VAL-DOC-002\"]", with: "\"skillName\": \"ghost\", \"fulfills\": [\"VAL-DOC-002\"]")
        let ghost = try check([".factory/features.json": features]).findings("unknown-skill")
        #expect(ghost.count == 1 && ghost[0].message.contains("ghost"))
        // A misnamed SKILL.md is a front-matter warning; its folder still makes the skill known.
        let misnamed = try check([".factory/skills/worker/SKILL.md": "---\nname: other-worker\ndescription: x\n---\n"])
        #expect(misnamed.findings("unknown-skill").isEmpty)
        #expect(misnamed.findings("invalid-skill-front-matter").contains { $0.file == ".factory/skills/worker/SKILL.md" && $0.line == 2 })
        #expect(try check([:]).findings("unknown-skill").isEmpty)
    }

    @Test func validationStateMismatch() throws {
        let state = "{\"assertions\": {\"VAL-DOC-001\": {\"status\": \"passed\"}, \"VAL-GHOST-001\": {\"status\": \"passed\"}}}"
        let found = try check([".factory/validation-state.json": state]).findings("validation-state-mismatch")
        #expect(found.count == 2)  // one extra key, one missing id
        #expect(found.contains { $0.message.contains("VAL-GHOST-001") })
        #expect(found.contains { $0.message.contains("VAL-DOC-002") })
        #expect(try check([:]).findings("validation-state-mismatch").isEmpty)
    }

    @Test func unknownValidationStatusIsAWarningNotARejection() throws {
        let state = "{\"assertions\": {\"VAL-DOC-001\": {\"status\": \"green\"}, \"VAL-DOC-002\": {\"status\": \"pass\"}}}"
        let r = try check([".factory/validation-state.json": state])
        // One finding per distinct value.
        #expect(r.findings("unknown-validation-status").count == 2)
        #expect(r.findings("unknown-validation-status").allSatisfy { $0.message.contains("did you mean `passed`") })
        #expect(r.findings("invalid-mission-file").isEmpty)
        #expect(try check([:]).findings("unknown-validation-status").isEmpty)
    }

    @Test func partialMissionChecksWhatExistsAndSaysWhatWasNot() throws {
        let repo = try TempRepo([".factory/missions/abc/handoffs/x.json": "{}", "README.md": "# R\n"])
        let report = repo.check(mission: ".factory/missions/abc")
        #expect(report.findings.isEmpty)
        #expect(report.notes.contains { $0.contains("AGENTS.md is absent") })
        #expect(report.notes.contains { $0.contains("features.json is absent") })
    }
}

@Suite struct UnimplementedAssertionRuleTests {
    @Test func trackingIdsWithoutAScenarioAreReported() throws {
        var files = Fixture.valid
        files[".factory/validation-contract.md"]! += "\n## Area: Timer\n### VAL-TIMER-001: one timer\n### VAL-TIMER-009: not in the suite\n### VAL-DOC-009: not tracking\n"
        let repo = try TempRepo(files)
        let report = MissionChecker.check(repo.mission(), options: CheckOptions(suite: SuiteIDs(["VAL-TIMER-001"])))
        #expect(report.findings("unimplemented-assertion").map(\.message).count == 1)
        #expect(report.findings("unimplemented-assertion").first?.message.contains("VAL-TIMER-009") == true)
        let unknown = MissionChecker.check(repo.mission(), options: CheckOptions())
        #expect(unknown.findings("unimplemented-assertion").isEmpty)
    }
}
