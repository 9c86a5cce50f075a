import Foundation
import MissionKit
import Testing

/// Validator syntheses (`.factory/validation/<milestone>/<validator>/synthesis*.json`) checked
/// against themselves. Shapes follow what public mission repositories write; the data is made up.
@Suite struct ValidatorSynthesisTests {
    static func synthesis(
        milestone: String = "timer-core", round: Int = 1, status: String = "pass", passed: [String] = ["VAL-DOC-001", "VAL-DOC-002"],
        failed: [String] = [], summary: String? = nil
    ) -> String {
        let failedItems = failed.map { "{\"id\": \"\($0)\", \"reason\": \"broken\"}" }.joined(separator: ", ")
        let counts = summary ?? "{\"total\": \(passed.count + failed.count), \"passed\": \(passed.count), \"failed\": \(failed.count), \"blocked\": 0}"
        return """
            {
              "milestone": "\(milestone)",
              "round": \(round),
              "status": "\(status)",
              "assertionsSummary": \(counts),
              "passedAssertions": [\(passed.map { "\"\($0)\"" }.joined(separator: ", "))],
              "failedAssertions": [\(failedItems)],
              "blockedAssertions": [],
              "appliedUpdates": []
            }
            """
    }

    static func check(_ files: [String: String]) throws -> DiagnosticsReport {
        var all = Fixture.valid
        for (path, text) in files { all[path] = text }
        return try TempRepo(all).check()
    }

    static let rules = ["synthesis-count-mismatch", "synthesis-status-contradiction", "synthesis-milestone-mismatch", "synthesis-round-mismatch", "invalid-synthesis"]

    @Test func aConsistentSynthesisHasNoFinding() throws {
        let report = try Self.check([
            ".factory/validation/timer-core/user-testing/synthesis.json": Self.synthesis(),
            ".factory/validation/timer-core/scrutiny/synthesis.round2.json": Self.synthesis(round: 2, status: "fail", passed: ["VAL-DOC-001"], failed: ["VAL-DOC-002"]),
            ".factory/validation/timer-core/scrutiny/reviews/feat-a.json": "{\"not\": \"a synthesis\"}",
        ])
        #expect(Self.rules.allSatisfy { report.findings($0).isEmpty }, "\(report.findings.map(\.message))")
    }

    @Test func countsThatDisagreeWithTheListsOrTheirTotal() throws {
        let report = try Self.check([
            ".factory/validation/timer-core/user-testing/synthesis.json": Self.synthesis(
                passed: ["VAL-DOC-001", "VAL-DOC-002", "VAL-DOC-003"], summary: "{\"total\": 3, \"passed\": 2, \"failed\": 0, \"blocked\": 0}"),
            ".factory/validation/other/user-testing/synthesis.json": Self.synthesis(
                milestone: "other", summary: "{\"total\": 9, \"passed\": 2, \"failed\": 0, \"blocked\": 0}"),
        ])
        let found = report.findings("synthesis-count-mismatch").map(\.message)
        #expect(found.contains("`assertionsSummary.passed` is 2, but `passedAssertions` lists 3"))
        #expect(found.contains("`assertionsSummary.total` is 9, but blocked 0 + failed 0 + passed 2 = 2"))
        #expect(found.count == 3)  // the first file's total (3) is not the sum of its counts (2) either
        let first = report.findings("synthesis-count-mismatch").first { $0.message.hasPrefix("`assertionsSummary.passed`") }
        #expect(first?.file == ".factory/validation/timer-core/user-testing/synthesis.json" && first?.line == 5)
    }

    @Test func passingWithFailedOrBlockedAssertionsIsAnError() throws {
        let report = try Self.check([
            ".factory/validation/timer-core/user-testing/synthesis.json": Self.synthesis(passed: ["VAL-DOC-001"], failed: ["VAL-DOC-002"])
        ])
        let found = report.findings("synthesis-status-contradiction")
        #expect(found.count == 1 && found.first?.severity == .error)
        #expect(found.first?.message == "`status: pass`, yet the synthesis has 1 failed (`VAL-DOC-002`)")
        #expect(found.first?.line == 4)
    }

    @Test func milestoneAndRoundMustMatchFolderAndFileName() throws {
        let report = try Self.check([
            ".factory/validation/M5/user-testing/synthesis.json": Self.synthesis(milestone: "M5-permissions"),
            ".factory/validation/timer-core/user-testing/synthesis.round2.json": Self.synthesis(round: 1),
            ".factory/validation/timer-core/user-testing/synthesis-round3.json": Self.synthesis(round: 3),
        ])
        #expect(report.findings("synthesis-milestone-mismatch").map(\.message) == ["`milestone: M5-permissions` in the folder `M5`"])
        #expect(report.findings("synthesis-round-mismatch").map(\.message) == ["`round: 1` in a file named for round 2"])
    }

    @Test func unreadableAndOddlyShapedSynthesesAreToleratedOnce() throws {
        let report = try Self.check([
            ".factory/validation/timer-core/user-testing/synthesis.json": "{\n  \"status\": \"pass\"\n  \"round\": 1\n}\n",
            ".factory/validation/a/scrutiny/synthesis.json": "[1, 2]",
            ".factory/validation/b/scrutiny/synthesis.json": "{\"status\": 3, \"round\": true, \"assertionsSummary\": {\"passed\": true}, \"passedAssertions\": 7}",
        ])
        let invalid = report.findings("invalid-synthesis")
        #expect(invalid.count == 1 && invalid.first?.line == 3)
        #expect(["synthesis-count-mismatch", "synthesis-status-contradiction", "synthesis-round-mismatch"].allSatisfy { report.findings($0).isEmpty })
    }

    @Test func missionsUnderFactoryMissionsKeepTheirOwnValidationFolder() throws {
        let report = try TempRepo([
            ".factory/missions/abc/features.json": "{\"features\": []}",
            ".factory/missions/abc/validation/m1/scrutiny/synthesis.json": Self.synthesis(milestone: "m2"),
        ]).check(mission: ".factory/missions/abc")
        #expect(report.findings("synthesis-milestone-mismatch").count == 1)
    }
}

@Suite struct UnknownFeatureStatusRuleTests {
    @Test func nonCanonicalStatusesAreReportedOncePerValue() throws {
        var files = Fixture.valid
        files[".factory/features.json"] = """
            {"features": [
              {"id": "feat-a", "skillName": "worker", "fulfills": ["VAL-DOC-001"], "status": "done"},
              {"id": "feat-b", "skillName": "worker", "fulfills": ["VAL-DOC-002"], "status": "done"},
              {"id": "feat-c", "skillName": "worker", "fulfills": [], "status": "in_progress"}
            ]}
            """
        let found = try TempRepo(files).check().findings("unknown-feature-status")
        #expect(found.map(\.message) == [
            "feature status `done` is not a canonical value, used by features `feat-a` and `feat-b`; did you mean `completed`?",
            "feature status `in_progress` is not a canonical value, used by feature `feat-c`; did you mean `in-progress`?",
        ])
        #expect(found.first?.line == 2)
        #expect(try TempRepo(Fixture.valid).check().findings("unknown-feature-status").isEmpty)
    }
}

/// Syntheses, state, features and handoffs against each other.
@Suite struct MissionStoryTests {
    static func files(state: String, features: String? = nil, synthesisPath: String = ".factory/validation/docs-core/user-testing/synthesis.json",
                      synthesis: String) -> [String: String] {
        var files = Fixture.valid
        files[".factory/validation-state.json"] = state
        if let features { files[".factory/features.json"] = features }
        files[synthesisPath] = synthesis
        return files
    }

    static let features = """
        {"features": [
          {"id": "feat-a", "skillName": "worker", "milestone": "docs-core", "fulfills": ["VAL-DOC-001"], "status": "completed"},
          {"id": "feat-b", "skillName": "worker", "milestone": "docs-core", "fulfills": ["VAL-DOC-002"], "status": "pending"}
        ]}
        """

    @Test func stateThatContradictsTheLatestRoundIsReportedOncePerDirection() throws {
        // Round 1 failed VAL-DOC-001, round 2 passed both: the state still says pending for both.
        var files = Self.files(
            state: #"{"assertions": {"VAL-DOC-001": {"status": "pending"}, "VAL-DOC-002": {"status": "pending"}}}"#, features: Self.features,
            synthesis: ValidatorSynthesisTests.synthesis(milestone: "docs-core", round: 2))
        files[".factory/validation/docs-core/user-testing/synthesis.round1.json"] = ValidatorSynthesisTests.synthesis(
            milestone: "docs-core", round: 1, status: "fail", passed: [], failed: ["VAL-DOC-001"])
        let found = try TempRepo(files).check().findings("synthesis-state-mismatch")
        #expect(found.map(\.message) == [
            "assertions `VAL-DOC-001` and `VAL-DOC-002` are `pending` here, but the latest synthesis (.factory/validation/docs-core/user-testing/synthesis.json) passed them"
        ])
        #expect(found.first?.file == ".factory/validation-state.json")
        // The reverse: passed in the state, failed in the latest round.
        let reverse = try TempRepo(Self.files(
            state: #"{"assertions": {"VAL-DOC-001": {"status": "passed"}, "VAL-DOC-002": {"status": "pending"}}}"#, features: Self.features,
            synthesis: ValidatorSynthesisTests.synthesis(milestone: "docs-core", status: "fail", passed: [], failed: ["VAL-DOC-001"]))).check()
        #expect(reverse.findings("synthesis-state-mismatch").first?.message.contains("are `passed` here, but") == false)
        #expect(reverse.findings("synthesis-state-mismatch").first?.message.contains("`VAL-DOC-001` is `passed` here, but the latest synthesis") == true)
        // The completed feature whose assertion failed.
        let completed = reverse.findings("completed-feature-failed-assertion")
        #expect(completed.map(\.message) == [
            "feature `feat-a` is completed, but `VAL-DOC-001` (failed in .factory/validation/docs-core/user-testing/synthesis.json)"
        ])
        #expect(completed.first?.line == 2)
    }

    @Test func agreementAndOtherMilestonesAreSilent() throws {
        let agreeing = try TempRepo(Self.files(
            state: #"{"assertions": {"VAL-DOC-001": {"status": "passed"}, "VAL-DOC-002": {"status": "passed"}}}"#, features: Self.features,
            synthesis: ValidatorSynthesisTests.synthesis(milestone: "docs-core"))).check()
        #expect(agreeing.findings("synthesis-state-mismatch").isEmpty && agreeing.findings("synthesis-unknown-assertion").isEmpty)
        // A synthesis of a milestone this mission does not name belongs to another mission.
        let foreign = try TempRepo([
            ".factory/missions/abc/features.json": Self.features,
            ".factory/missions/abc/validation-contract.md": "### VAL-DOC-001: a\n### VAL-DOC-002: b\n",
            ".factory/missions/abc/validation-state.json": #"{"assertions": {"VAL-DOC-001": {"status": "pending"}}}"#,
            ".factory/validation/other-mission/user-testing/synthesis.json": ValidatorSynthesisTests.synthesis(milestone: "other-mission", passed: ["VAL-DOC-001", "VAL-X-009"]),
        ]).check(mission: ".factory/missions/abc")
        #expect(foreign.findings("synthesis-state-mismatch").isEmpty && foreign.findings("synthesis-unknown-assertion").isEmpty)
    }

    @Test func idsOutsideTheContractAreReportedPerSynthesisWithoutFalseSuggestions() throws {
        let report = try TempRepo(Self.files(
            state: Fixture.valid[".factory/validation-state.json"]!, features: Self.features,
            synthesis: ValidatorSynthesisTests.synthesis(milestone: "docs-core", passed: ["VAL-DOC-001", "VAL-DOC-02", "VAL-DOC-007"]))).check()
        let found = report.findings("synthesis-unknown-assertion")
        #expect(found.map(\.message) == [
            "2 listed assertion id(s) are not in .factory/validation-contract.md: `VAL-DOC-02` (did you mean `VAL-DOC-002`?), `VAL-DOC-007`"
        ])
    }
}

@Suite struct CompletedFeatureWithoutHandoffRuleTests {
    @Test func onlyInMissionsThatKeepHandoffs() throws {
        var files = Fixture.valid
        files[".factory/features.json"] = """
            {"features": [
              {"id": "feat-a", "skillName": "worker", "fulfills": ["VAL-DOC-001"], "status": "completed"},
              {"id": "feat-b", "skillName": "worker", "fulfills": ["VAL-DOC-002"], "status": "completed"},
              {"id": "feat-c", "skillName": "worker", "fulfills": [], "status": "completed"}
            ]}
            """
        // No handoffs folder: the mission does not keep handoffs, nothing to say.
        #expect(try TempRepo(files).check().findings("completed-feature-without-handoff").isEmpty)
        // One handoff names feat-a by featureId, another feat-b by its file name only.
        files[".factory/handoffs/2026-01-01T00-00-00Z__x__s1.json"] = #"{"featureId": "feat-a", "handoff": {}}"#
        files[".factory/handoffs/2026-01-02T00-00-00Z__feat-b__s2.json"] = #"{"salientSummary": "s"}"#
        let found = try TempRepo(files).check().findings("completed-feature-without-handoff")
        #expect(found.map(\.message) == ["1 completed feature(s) have no handoff in .factory/handoffs/: `feat-c`"])
        #expect(found.first?.line == 4)
    }
}
