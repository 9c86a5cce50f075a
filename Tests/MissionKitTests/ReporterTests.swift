import Foundation
import MissionKit
import Testing

@Suite struct ReporterTests {
    let report = DiagnosticsReport(
        findings: [
            Finding(rule: "duplicate-status-block", severity: .error, file: "docs/x.md", line: 12, column: 1, message: "a \"second\" block", hint: "update it"),
            Finding(rule: "unknown-agent", severity: .warning, file: "docs/a,b.md", line: 3, column: 3, message: "100% odd\nreally", hint: "name it"),
        ], notes: ["a note"], docs: 7)

    @Test func jsonShapeIsTheContract() throws {
        let text = JSONReporter.render(report)
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(Set(findings[0].keys) == ["rule", "severity", "file", "line", "column", "message", "hint"])
        #expect(findings.map { $0["file"] as? String } == ["docs/a,b.md", "docs/x.md"])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["errors": 1, "warnings": 1, "docs": 7])
        #expect(text.contains("\"findings\""))
        #expect(text.range(of: "\"rule\"")!.lowerBound < text.range(of: "\"severity\"")!.lowerBound)
    }

    @Test func sarifHasRulesAndResults() throws {
        let text = SARIFReporter.render(report, toolVersion: "9.9")
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results.map { $0["level"] as? String } == ["warning", "error"])
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ruleIDs = (driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ruleIDs.contains("duplicate-status-block"))
        let index = try #require(results[1]["ruleIndex"] as? Int)
        #expect(ruleIDs[index] == "duplicate-status-block")
    }

    @Test func githubEscapesPropertiesAndData() {
        let text = GitHubReporter.render(report)
        #expect(text.contains("::error file=docs/x.md,line=12,col=1,title=duplicate-status-block::a \"second\" block — update it"))
        #expect(text.contains("::warning file=docs/a%2Cb.md,line=3,col=3,title=unknown-agent::100%25 odd%0Areally"))
    }

    @Test func textGroupsByFileWithoutColourByDefault() {
        let text = TextReporter(color: false).render(report)
        #expect(!text.contains("\u{1B}["))
        #expect(text.contains("docs/x.md\n  12:1     error"))
        #expect(text.hasSuffix("1 error, 1 warning in 7 docs\n"))
        #expect(TextReporter(color: true).render(report).contains("\u{1B}["))
    }

    @Test func exitStatus() {
        #expect(ExitStatus(report: report, strict: false) == .findings)
        let warningsOnly = DiagnosticsReport(findings: [report.findings[1]])
        #expect(ExitStatus(report: warningsOnly, strict: false) == .clean)
        #expect(ExitStatus(report: warningsOnly, strict: true) == .findings)
    }
}
