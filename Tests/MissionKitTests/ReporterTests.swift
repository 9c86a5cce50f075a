import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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

    @Test func sarifCarriesDocumentationFingerprintsAndAutomationId() throws {
        var outside = report
        outside.findings.append(Finding(rule: "invalid-handoff", severity: .error, file: "/tmp/h dir/x.json", message: "bad", hint: "fix it"))
        let text = SARIFReporter.render(outside, toolVersion: "9.9", context: ReportContext(root: "/nonexistent", command: "handoff verify"))
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        #expect((run["automationDetails"] as? [String: Any])?["id"] as? String == "missionctl/handoff-verify/")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rule = try #require((driver["rules"] as? [[String: Any]])?.first { $0["id"] as? String == "duplicate-status-block" })
        #expect((rule["helpUri"] as? String)?.hasSuffix("/docs/rules.md#duplicate-status-block") == true)
        #expect((rule["fullDescription"] as? [String: Any])?["text"] as? String != nil)
        #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.contains("docs/rules.md#duplicate-status-block") == true)
        let results = try #require(run["results"] as? [[String: Any]])
        for r in results {
            let prints = try #require(r["partialFingerprints"] as? [String: String])
            #expect(prints[SARIFReporter.fingerprintKey]?.count == 16)
        }
        let messages = results.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(messages.contains("a \"second\" block. update it."))
        let artifacts = results.compactMap { ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]) }
        let absolute = try #require(artifacts.first { ($0["uri"] as? String)?.hasPrefix("file://") == true })
        #expect(absolute["uri"] as? String == "file:///tmp/h%20dir/x.json" && absolute["uriBaseId"] == nil)
        #expect(artifacts.filter { $0["uriBaseId"] as? String == "%SRCROOT%" }.count == 2)
    }

    /// A status value or file name with backticks must not close the summary's code span and
    /// leave an image or a link live (issue 27, item 4); the same escaping as the Markdown report.
    @Test func theJobSummaryMakesRepositoryTextLiteral() {
        let hostile = "complete` <img src=x onerror=alert(1)> [click](javascript:alert(1)) | forged cell `"
        let report = DiagnosticsReport(
            findings: [Finding(rule: "invalid-status-value", severity: .error, file: "docs/`<img src=y>`|x.md", line: 3, message: "`Status: \(hostile)`", hint: "h")],
            notes: ["note with <a href=javascript:x>link</a> and ![i](http://x/i.png)"])
        let summary = GitHubReporter.summary(report, context: ReportContext(command: "check"))
        // HTML is escaped outside code spans, and brackets cannot open a link or an image
        // (scripts/test-formats renders the same with a GFM renderer).
        #expect(summary.contains("&lt;img src=x onerror=alert(1)&gt;") && summary.contains("&lt;a href=javascript:x&gt;"), "\(summary)")
        #expect(summary.contains("\\[click\\](javascript") && summary.contains("!\\[i\\](http"), "\(summary)")
        #expect(!summary.replacingOccurrences(of: "\\`", with: "").contains("`Status"), "\(summary)")
        let row = summary.split(separator: "\n").first { $0.hasPrefix("| error") } ?? ""
        // Four cells: every `|` of the repository's text is escaped.
        #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5, "\(row)")
        // Code spans hold no backtick of the repository's text.
        #expect(row.contains("`docs/'<img src=y>'\\|x.md:3:1`"), "\(row)")
    }

    @Test func githubAnnotatesAtMostTenPerSeverityAndSummarisesTheRest() throws {
        let many = DiagnosticsReport(findings: (1...13).map {
            Finding(rule: "unknown-agent", severity: .warning, file: "docs/x.md", line: $0, message: "w\($0)", hint: "h")
        } + [Finding(rule: "duplicate-status-block", severity: .error, file: "docs/y.md", message: "e", hint: "h")])
        let text = GitHubReporter.render(many)
        #expect(text.components(separatedBy: "::warning ").count - 1 == 10)
        #expect(text.components(separatedBy: "::error ").count - 1 == 1)
        #expect(text.contains("::notice::3 more finding(s)"))
        #expect(text.contains("docs/x.md:13:1: warning: w13 [unknown-agent]"))
        let summary = GitHubReporter.summary(many, context: ReportContext(command: "check"))
        #expect(summary.hasPrefix("### missionctl check\n\n1 error(s), 13 warning(s)"))
        #expect(summary.components(separatedBy: "\n| ").count - 1 == 15)  // the header and 14 rows
        let path = NSTemporaryDirectory() + "summary-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("before\n".utf8).write(to: URL(fileURLWithPath: path))
        GitHubReporter.appendSummary(many, context: ReportContext(command: "check"), to: path)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("before\n### missionctl check"))
    }

    /// Hostile names in JUnit (issue 27, item 11): CR, LF and TAB in attributes survive as
    /// character references; other controls and U+FFFE are visible escapes, never dropped.
    @Test func junitAttributesKeepLineBreaksAndShowControlCharacters() {
        let attribute = JUnitXML.escape("a\r\nb\tc\u{1B}d\u{FFFE}e\u{202E}f", attribute: true)
        #expect(attribute == "a&#13;&#10;b&#9;c\\u{1B}d\\u{FFFE}e\\u{202E}f")
        #expect(JUnitXML.escape("x\ny\u{7}", attribute: false) == "x\ny\\u{7}")
        let report = DiagnosticsReport(findings: [
            Finding(rule: "unknown-agent", severity: .warning, file: "docs/a\tb.md", line: 2, message: "agent \u{1B}[31mred\u{FFFF}", hint: "h")
        ])
        let text = JUnitReporter.render(report, context: ReportContext(command: "check"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0xFFFF }, "\(text)")
        #expect(text.contains("\\u{1B}[31mred\\u{FFFF}"), "\(text)")
    }

    /// Hostile names in every format (issue 27, items 9 and 11): a control character, a literal
    /// backslash and a byte of a name that is not UTF-8 are shown the same way by every format,
    /// and a GitHub annotation never names a file GitHub would read as another.
    @Test func hostileNamesShowTheSameInEveryFormat() throws {
        let file = "docs/a\\u{1B}\u{1B}[2Jb" + String(Unicode.Scalar(0x10FFE9)!) + ".md"
        let shown = "docs/a\\\\u{1B}\\u{1B}[2Jb\\xE9.md"
        #expect(DisplayText.sanitize(file) == shown)
        let report = DiagnosticsReport(findings: [
            Finding(rule: "unknown-agent", severity: .warning, file: file, line: 2, column: 1, message: "in `\(file)`", hint: "h")
        ])
        for format in [ReportFormat.text, .line] {
            let out = format.render(report)
            #expect(out.contains(shown) && !out.unicodeScalars.contains { $0.value == 0x1B || $0.value > 0x10FF00 }, "\(format): \(out)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(JSONReporter.render(report).utf8)) as! [String: Any]
        let finding = (json["findings"] as! [[String: Any]])[0]
        #expect(finding["file"] as? String == shown && finding["message"] as? String == "in `\(shown)`")
        let junit = try XMLDocument(data: Data(JUnitReporter.render(report).utf8))
        #expect(try junit.nodes(forXPath: "//testsuite/@name").first?.stringValue == shown)
        let github = GitHubReporter.render(report)
        #expect(github.contains("::warning title=unknown-agent::\(shown):2:1: in `\(shown)` — h"), "\(github)")
        #expect(!github.contains("file="))
        let summary = GitHubReporter.summary(report, context: ReportContext())
        #expect(summary.contains("`\(shown):2:1`"), "\(summary)")
        let sarif = SARIFReporter.render(report, toolVersion: "0")
        #expect(sarif.contains("docs/a%5Cu%7B1B%7D%1B%5B2Jb%E9.md"), "\(sarif)")
        // A name GitHub can open, commas and line breaks included, is annotated on that file.
        #expect(GitHubReporter.fileProperty("docs/a,b\n.md") == "docs/a%2Cb%0A.md")
        #expect(GitHubReporter.fileProperty("/home/u/.factory/missions/m/AGENTS.md") == nil)
    }

    @Test func junitHasOneSuitePerFileAndACaseWhenClean() throws {
        let text = JUnitReporter.render(report, context: ReportContext(command: "check"))
        #expect(text.contains("<testsuites name=\"missionctl check\" tests=\"2\" failures=\"2\" errors=\"0\" time=\"0.000\">"))
        #expect(text.contains("<testsuite name=\"docs/a,b.md\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\""))
        #expect(text.contains("<failure type=\"error\" message=\"a &quot;second&quot; block\">"))
        #expect(!text.contains("<properties>") && !text.contains("skipped=\"0\" time=\"0.000\">\n  <testsuite") == true)
        let parsed = try XMLDocument(data: Data(text.utf8))
        #expect(try parsed.nodes(forXPath: "//testcase").count == 2)
        let clean = JUnitReporter.render(DiagnosticsReport(), context: ReportContext(command: "check"))
        #expect(clean.contains("<testcase name=\"no findings\" classname=\"missionctl\" time=\"0.000\"/>"))
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
