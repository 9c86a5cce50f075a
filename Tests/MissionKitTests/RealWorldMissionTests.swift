import Foundation
import MissionKit
import Testing
import MissionTestSupport

/// The classes of false positives and misses found on public mission repositories, each on a
/// synthetic repository of the same shape (Tests/Fixtures/real-world-missions, root-mission).
@Suite struct RealWorldMissionTests {
    static var fixtures: String { PackagePaths.fixtures }

    func checkAll(_ name: String) throws -> DiagnosticsReport {
        let root = Self.fixtures + "/" + name
        let dirs = try MissionLocator.missionDirs(repo: root, explicit: nil, environment: [:], all: false)
        let repository = RepositoryFiles.load(root: root, missionDirs: dirs)
        let missions = dirs.map { Mission.load(repoRoot: root, missionDir: $0, repository: repository) }
        return MissionChecker.check(repository: repository, missions: missions)
    }

    static let m1 = ".factory/missions/3f6c1e2a-0b7d-4c1e-9a55-2d8e4f0a6b11"
    static let m2 = ".factory/missions/9d2b7a40-5e3c-4f8a-b1d2-7c6e5a4b3f22"

    @Test func assertionIdsWithLettersAfterTheNumberOrNoNumberAreIds() {
        for id in ["VAL-REL-010A", "VAL-TIER1-GATE", "VAL-ASSESS-003a", "VAL-TIMER-001", "VAL-A1-001", "VAL-SEC-TRACK-004"] {
            #expect(ValidationContract.isAssertionID(id), "\(id)")
        }
        for id in ["VAL-", "VAL--1", "VAL-A_1", "VALX-1", "VAL-A 1"] { #expect(!ValidationContract.isAssertionID(id), "\(id)") }
        #expect(ValidationContract.parseHeading("VAL-TIER1-GATE: Runtime wiring gate")?.0 == "VAL-TIER1-GATE")
        // Without a number at the end, only `VAL-…: title` defines an assertion.
        #expect(ValidationContract.parseHeading("VAL-TIMER area") == nil)
    }

    @Test func aConsistentMissionWithUnusualIdsAndValidatorFeaturesHasNoAssertionOrSkillFinding() throws {
        let report = try checkAll("real-world-missions")
        let m1 = report.findings.filter { $0.file.hasPrefix(Self.m1) }
        #expect(m1.isEmpty, "\(m1)")
        #expect(!report.findings.contains { $0.message.contains("scrutiny-validator") || $0.message.contains("user-testing-validator") })
    }

    @Test func oneFindingPerDistinctSkillNameWithTheCountAndDidYouMean() throws {
        let skills = try checkAll("real-world-missions").findings("unknown-skill")
        #expect(skills.count == 1)
        #expect(skills[0].file == Self.m2 + "/features.json")
        #expect(skills[0].message.contains("12 features") && skills[0].message.contains("did you mean `rust`"))
        #expect(skills[0].line == 5)
    }

    @Test func skillFrontMatterIsItsOwnWarningWithTheYAMLError() throws {
        let front = try checkAll("real-world-missions").findings("invalid-skill-front-matter")
        #expect(front.allSatisfy { $0.severity == .warning })
        let broken = front.first { $0.file == ".factory/skills/gatekeeper/SKILL.md" }
        #expect(broken?.message.contains("not valid YAML") == true)
        #expect(broken?.message.contains("has no `name`") == false)
        #expect(broken?.line == 4)
        #expect(front.contains { $0.file == ".factory/skills/notes-writer/SKILL.md" && $0.line == 2 && $0.column == 7 })
        #expect(front.contains { $0.file == ".factory/skills/plain/SKILL.md" && $0.message.contains("no YAML front matter") })
        #expect(front.count == 3)
    }

    @Test func stockMissionsWithoutAClosedSetGetANoteNotAnError() throws {
        let report = try checkAll("real-world-missions")
        #expect(report.findings("no-source-docs").isEmpty)
        #expect(report.notes.contains { $0.contains("lists no closed set") })
        // With the opt-in it stays an error.
        let root = Self.fixtures + "/real-world-missions"
        let strict = MissionChecker.check(
            Mission.load(repoRoot: root, missionDir: root + "/" + Self.m1), options: CheckOptions(requireStatusBlocks: true))
        #expect(strict.findings("no-source-docs").count == 1)
    }

    @Test func repositoryFindingsAreReportedOnceWhateverTheNumberOfMissions() throws {
        let report = try checkAll("real-world-missions")
        let services = report.findings.filter { $0.file == ".factory/services.yaml" }
        #expect(Set(services.map { "\($0.rule)@\($0.line)" }).count == services.count)
        #expect(report.findings("service-without-start").count == 1)
        #expect(report.findings("unknown-service-key").contains { $0.message.contains("did you mean `healthcheck`") })
        #expect(report.findings("invalid-skill-front-matter").count == 3)
    }

    @Test func everyMissionIsFoundAndAHandoffOnlyFolderIsNotCheckedAsOne() throws {
        let root = Self.fixtures + "/real-world-missions"
        let dirs = try MissionLocator.missionDirs(repo: root, explicit: nil, environment: [:], all: false)
        #expect(dirs.map { FileSystem.relativePath($0, to: root) } == [Self.m1, Self.m2])
    }

    @Test func aBareFeaturesArrayIsReportedAndItsEntriesStillChecked() throws {
        let report = try checkAll("root-mission")
        #expect(report.findings("invalid-mission-file").contains { $0.message.contains("bare array") })
        // One id fulfilled by four features: three repeats.
        #expect(report.findings("assertion-claimed-twice").count == 3)
        // The root's skills/ is the product's own folder, not the mission's: no skill is known,
        // so no skill name is judged (a lone root mission has no .factory/skills/).
        #expect(report.findings("unknown-skill").isEmpty)
    }

    @Test func servicesAndSkillsBesideARootMissionAreChecked() throws {
        let report = try checkAll("root-mission")
        #expect(report.findings("unknown-service-key").contains { $0.file == "services.yaml" && $0.message.contains("healthCheck") })
        #expect(report.findings("unknown-skill").isEmpty)
    }

    @Test func aRepositoryWithOnlyFactoryFilesIsStillChecked() throws {
        let repo = try TempRepo([
            ".factory/services.yaml": "services:\n  api:\n    start: ./api --port 8080\n    healthcheck: echo ok\n    port: 8080\n",
            "validation-contract.md": "# A lone contract\n\n### VAL-X-001: x\n",
        ])
        #expect(try MissionLocator.missionDirs(repo: repo.root, explicit: nil, environment: [:], all: false).isEmpty)
        let repository = RepositoryFiles.load(root: repo.root, missionDirs: [])
        #expect(!repository.isEmpty)
        let report = MissionChecker.check(repository: repository, missions: [])
        #expect(report.findings("trivial-healthcheck").count == 1)
        #expect(report.notes.contains { $0.contains("No mission folder found") })
    }

    @Test func aContractInAnotherIdSchemeIsNotComparedIdById() throws {
        var files = Fixture.valid
        files[".factory/validation-contract.md"] = "# Contract\n\n## M1\n\n- **A1.1.1** `[unit]` passes.\n"
        files[".factory/features.json"] = "{\"features\": [{\"id\": \"f\", \"fulfills\": [\"A1.1.1\"]}]}"
        let report = try TempRepo(files).check()
        #expect(report.findings("unknown-assertion").isEmpty)
        #expect(report.findings("validation-state-mismatch").isEmpty)
        #expect(report.notes.contains { $0.contains("no `VAL-…: title` heading") })
    }

    @Test func missingListedDocsUnderOneMissingFolderAreOneFinding() throws {
        var files = Fixture.valid
        files[".factory/AGENTS.md"] = files[".factory/AGENTS.md"]!.replacingOccurrences(
            of: "- `docs/b.md`", with: "- `docs/b.md`\n- `plan/audit/01.md`\n- `plan/audit/02.md`\n- `plan/audit/03.md`\n- `docs/missing.md`")
        let found = try TempRepo(files).check().findings("listed-doc-not-found")
        #expect(found.count == 2)
        #expect(found.first?.message.contains("3 listed source docs are under `plan/`") == true)
        #expect(found.last?.message.contains("`docs/missing.md` is listed") == true)
    }
}
