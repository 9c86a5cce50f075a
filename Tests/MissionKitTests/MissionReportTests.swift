import Foundation
@testable import MissionKit
import Testing

/// `missionctl report`'s model and renderers, on the synthetic mission Tests/Fixtures/report-mission
/// (two milestones, a handoff with named tests, two syntheses, three listed docs, seven findings).
@Suite struct MissionReportTests {
    static func report(_ root: String, handoffOnly: Bool = false) throws -> MissionReport {
        let dirs = try MissionLocator.missionDirs(repo: root, explicit: nil, environment: [:], all: false)
        let repository = RepositoryFiles.load(root: root, missionDirs: dirs)
        let missions = dirs.map { Mission.load(repoRoot: root, missionDir: $0, repository: repository) }
        let (checked, contexts) = MissionChecker.checkWithContexts(repository: repository, missions: missions)
        return MissionReport(
            contexts: contexts, findings: checked.findings, repositoryRoot: root,
            handoffOnlyDirs: handoffOnly ? MissionLocator.handoffOnlyDirs(repo: root, missions: dirs) : [])
    }

    static let fixture = RealWorldMissionTests.fixtures + "/report-mission"

    /// The common public layout: services, skills and syntheses, no mission file. The page shows
    /// each milestone's latest verdict instead of "No mission found".
    @Test func aRepositoryWithSynthesesButNoMissionGetsAValidationRowPerMilestone() throws {
        func synthesis(round: Int, _ status: String, passed: [String], failed: [String]) -> String {
            let list = { (ids: [String]) in "[" + ids.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
            return #"{"round": \#(round), "status": "\#(status)", "assertionsSummary": {"total": 3, "passed": \#(passed.count), "failed": \#(failed.count), "blocked": 0}, "passedAssertions": \#(list(passed)), "failedAssertions": \#(list(failed)), "blockedAssertions": []}"#
        }
        let repo = try TempRepo([
            ".factory/services.yaml": RuleExample.goodServices,
            ".factory/validation/auth/user-testing/synthesis.json": synthesis(round: 1, "fail", passed: ["VAL-A-1"], failed: ["VAL-A-2"]),
            ".factory/validation/auth/user-testing/synthesis.round2.json": synthesis(round: 2, "pass", passed: ["VAL-A-1", "VAL-A-2"], failed: []),
            ".factory/validation/sync/scrutiny/synthesis.json": synthesis(round: 1, "fail", passed: [], failed: ["VAL-S-1"]),
        ])
        let frontend = try CheckFrontend(CheckFrontend.Request(selection: MissionSelection(repo: repo.root)))
        let (checked, contexts) = frontend.check()
        let report = MissionReport(contexts: contexts, findings: checked.findings, repositoryRoot: repo.root, syntheses: frontend.repository.syntheses)
        #expect(report.missions.isEmpty)
        #expect(report.validation.map(\.milestone) == ["auth", "sync"])
        #expect(report.validation[0].verdict == "passed" && report.validation[0].passed == 2 && report.validation[0].synthesisCount == 2)
        #expect(report.validation[0].latest.first?.round == 2)
        #expect(report.validation[1].verdict == "scrutiny: fail" && report.validation[1].failed == 1)
        // The summary's counts contradict its lists: shown in the milestone's row.
        #expect(report.validation[1].findings.contains { $0.rule == "synthesis-count-mismatch" })
        let markdown = MissionReportMarkdown().render(report)
        #expect(markdown.contains("## Validation by milestone") && !markdown.contains("No mission found"))
        let html = MissionReportHTML().render(report)
        #expect(html.contains("Validation by milestone") && !html.contains("No mission found"))
    }

    @Test func theMatrixFollowsEachAssertionFromContractToTests() throws {
        let report = try Self.report(Self.fixture)
        let mission = try #require(report.missions.first)
        #expect(report.missions.count == 1 && mission.path == ".factory" && mission.title == "Mission: pomodoro timer")
        #expect(mission.assertions.map(\.id) == ["VAL-TIMER-001", "VAL-TIMER-002", "VAL-TIMER-003", "VAL-API-001", "VAL-API-002", "VAL-API-003"])
        let first = mission.assertions[0]
        #expect(first.title == "Start begins a pomodoro" && first.contract?.line == 5)
        #expect(first.features == ["timer-start"] && first.milestone == "core" && first.state == .passed)
        #expect(first.verdict?.status == "passed" && first.verdict?.file == ".factory/validation/core/user-testing/synthesis.json")
        #expect(first.handoffs.map(\.commit) == ["4f2a9c1"])
        #expect(first.tests == ["Tests/TimerTests.swift: startBeginsAPomodoro"])
        #expect(mission.assertions[1].tests == ["Tests/TimerTests.swift: secondStartIsRejected"])
        let api = mission.assertions[3]
        #expect(api.state == .pending && api.verdict?.status == "failed" && api.handoffs.isEmpty)
        let unclaimed = mission.assertions[5]
        #expect(unclaimed.features.isEmpty && unclaimed.state == .untracked && unclaimed.stateLink == nil)
    }

    @Test func everyFindingSitsBesideTheRowItConcerns() throws {
        let report = try Self.report(Self.fixture)
        let mission = try #require(report.missions.first)
        let byID = Dictionary(uniqueKeysWithValues: mission.assertions.map { ($0.id, $0.findings.map(\.rule)) })
        #expect(byID["VAL-TIMER-003"] == ["completed-feature-failed-assertion", "synthesis-state-mismatch"])
        #expect(byID["VAL-API-003"] == ["unclaimed-assertion", "validation-state-mismatch"])
        #expect(byID["VAL-TIMER-001"] == [])
        let stop = try #require(mission.features.first { $0.id == "timer-stop" })
        #expect(stop.findings.map(\.rule) == ["completed-feature-without-handoff"])
        let docs = Dictionary(uniqueKeysWithValues: mission.docs.map { ($0.path, $0) })
        #expect(docs["docs/api.md"]?.findings.map(\.rule) == ["invalid-status-value"])
        #expect(docs["docs/export.md"]?.isMissing == true && docs["docs/export.md"]?.findings.map(\.rule) == ["listed-doc-not-found"])
        #expect(docs["docs/timer.md"]?.blocks.first?.fields.first == .init(label: "Agent", value: "timer-start"))
        #expect(mission.otherFindings.isEmpty && report.repositoryFindings.isEmpty)
        #expect(report.findingCount == (2, 5))
    }

    @Test func milestonesCountTheirFeaturesAndAssertionStates() throws {
        let mission = try #require(try Self.report(Self.fixture).missions.first)
        #expect(mission.milestones.map(\.name) == ["core", "api", nil])
        let core = mission.milestones[0]
        #expect(core.completedFeatures == 2 && core.features.count == 2 && core.states == [.passed: 2, .failed: 1])
        #expect(mission.milestones[1].states == [.pending: 2])
        // The unclaimed assertion gets a row of its own, so the chart's total is the matrix's.
        #expect(mission.milestones[2].features.isEmpty && mission.milestones[2].states == [.untracked: 1])
        #expect(mission.milestones.map(\.assertionCount).reduce(0, +) == mission.assertions.count)
    }

    @Test func aPartialMissionStillGetsAMatrixFromWhatItHas() throws {
        let repo = try TempRepo([
            ".factory/mission.md": "# Half a mission\n",
            ".factory/features.json": #"{"features": [{"id": "f1", "milestone": "m", "fulfills": ["VAL-X-002", "VAL-X-010"], "status": "pending"}]}"#,
            ".factory/validation-state.json": #"{"assertions": {"VAL-X-001": {"status": "pass"}, "VAL-X-002": {"status": "wip"}}}"#,
        ])
        let mission = try #require(try Self.report(repo.root).missions.first)
        // No contract: ids come from features.json and the state, in numeric order.
        #expect(mission.assertions.map(\.id) == ["VAL-X-001", "VAL-X-002", "VAL-X-010"])
        #expect(mission.assertions.allSatisfy { $0.contract == nil && $0.title == nil })
        #expect(mission.assertions.map(\.state) == [.passed, .other, .untracked])
        #expect(mission.notes.contains { $0.contains("validation-contract.md is absent") })
        let html = MissionReportHTML().render(try Self.report(repo.root))
        #expect(html.contains("not in contract"))
    }

    @Test func severalMissionsEachGetASectionAndSharedFilesGetTheirOwn() throws {
        let report = try Self.report(RealWorldMissionTests.fixtures + "/real-world-missions", handoffOnly: true)
        #expect(report.missions.map(\.path) == [RealWorldMissionTests.m1, RealWorldMissionTests.m2, ".factory/missions/c41a9e77-2f1b-4d6c-8e3a-1b0c9d8e7f33"])
        // The folder that keeps only handoffs is shown as a partial mission, with what it holds.
        #expect(report.missions[2].notes.first?.contains("only handoffs/, with 1 file(s): A-01-inventory.md") == true)
        for (i, m) in report.missions.enumerated() {
            for f in m.findings where !f.file.hasPrefix("docs/") { #expect(f.file.hasPrefix(m.path + "/"), "mission \(i): \(f)") }
        }
        #expect(report.repositoryFindings.allSatisfy { !$0.file.hasPrefix(".factory/missions/") })
    }

    @Test func theHTMLIsSelfContainedAndEscapesWhatMissionsWrite() throws {
        var files = Fixture.valid
        files[".factory/validation-contract.md"] = """
            ### VAL-DOC-001: Titles like <script>alert(1)</script> & "quotes"
            ### VAL-DOC-002: Canonical fields
            """
        files[".factory/features.json"] = #"{"features": [{"id": "f\"><img src=x>", "fulfills": ["VAL-DOC-001", "VAL-DOC-002"], "status": "completed"}]}"#
        let repo = try TempRepo(files)
        let html = MissionReportHTML(linkBase: "../").render(try Self.report(repo.root))
        #expect(!html.contains("<script>alert") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(!html.contains("<img src=x>") && html.contains("f&quot;&gt;&lt;img src=x&gt;"))
        // No external asset: no src, no stylesheet link, one inline script and style.
        #expect(!html.contains(" src=\"") && !html.contains("<link"))
        #expect(html.components(separatedBy: "<script>").count == 2 && html.components(separatedBy: "<style>").count == 2)
        #expect(html.components(separatedBy: "<tr class=\"assertion\"").count == 3)
        #expect(html.contains("href=\"../.factory/validation-contract.md\""))
    }

    /// Element ids are one-to-one (issue 27, item 12): ids that differ only in punctuation or in
    /// a letter outside ASCII get different ids, and each in-page link lands on its own row.
    @Test func everyFeatureAndAssertionGetsItsOwnElementId() throws {
        let repo = try TempRepo([
            ".factory/mission.md": "# Ids\n",
            ".factory/validation-contract.md": "### VAL-ÄPI-001: a\n### VAL-ÖPI-001: b\n### VAL-A_PI-001: c\n",
            ".factory/features.json": #"{"features": [{"id": "export.csv", "fulfills": ["VAL-ÄPI-001"], "status": "pending"}, {"id": "export-csv", "fulfills": ["VAL-ÖPI-001"], "status": "pending"}, {"id": "export_csv", "fulfills": ["VAL-A_PI-001"], "status": "pending"}]}"#,
        ])
        let html = MissionReportHTML().render(try Self.report(repo.root))
        func ids(_ kind: String) -> [String] {
            html.components(separatedBy: "<tr class=\"\(kind)\" id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        let features = ids("feature"), assertions = ids("assertion")
        #expect(features.count == 3 && Set(features).count == 3, "\(features)")
        #expect(assertions.count == 3 && Set(assertions).count == 3, "\(assertions)")
        // The row of export.csv links to VAL-ÄPI-001's row, and that row links back to export.csv.
        let exportRow = try #require(html.components(separatedBy: "<tr class=\"feature\" id=\"").first { $0.contains(">export.csv<") })
        let target = try #require(exportRow.components(separatedBy: "href=\"#").dropFirst().first.map { String($0.prefix { $0 != "\"" }) })
        let assertionRow = try #require(html.components(separatedBy: "<tr class=\"assertion\" id=\"").first { $0.hasPrefix(target + "\"") })
        #expect(assertionRow.contains("VAL-ÄPI-001") && !assertionRow.contains("VAL-ÖPI-001"))
        #expect(MissionReportHTML.slug("export.csv") == "export_2Ecsv" && MissionReportHTML.slug("a_b") == "a__b")
    }

    @Test func theMarkdownIsPinned() throws {
        let markdown = MissionReportMarkdown().render(try Self.report(Self.fixture))
        let expected = try String(contentsOfFile: RealWorldMissionTests.fixtures + "/report-mission.expected.md", encoding: .utf8)
        if markdown != expected {
            let a = markdown.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("Markdown differs from report-mission.expected.md at line \(line + 1):\n got: \(line < a.count ? a[line] : "<end>")\nwant: \(line < b.count ? b[line] : "<end>")")
        }
    }

    @Test func markdownCellsCannotBreakTheTable() {
        #expect(MarkdownText.cell("a | b\nc <b>*x*</b>") == "a \\| b\\\\u{A}c &lt;b&gt;\\*x\\*&lt;/b&gt;")
        #expect(MarkdownText.code("a`b|c") == "a'b\\|c")
    }

    @Test func findingMessagesShowTheirCodeSpansAsCode() {
        #expect(MissionReportHTML.prose("use `a<b>` here") == "use <code>a&lt;b&gt;</code> here")
        #expect(MissionReportHTML.prose("one ` only") == "one ` only")
        #expect(MissionReportHTML.prose("`a` and `b` and `c") == "<code>a</code> and <code>b</code> and `c")
    }
}
