import Foundation
import MissionKit
import Testing

@Suite struct ConfigurationTests {
    static let rules: Set<String> = Set(RuleRegistry.allDescriptors.map(\.id))
    static let formats = ReportFormat.allCases.map(\.rawValue)

    static func parse(_ yaml: String) throws(MissionError) -> Configuration {
        try Configuration.parse(Array(yaml.utf8), file: ".missionctl.yml", knownRules: rules, formats: formats)
    }

    static func error(_ yaml: String) -> String {
        do {
            _ = try parse(yaml)
            return ""
        } catch {
            return error.message
        }
    }

    @Test func readsEverySetting() throws {
        let config = try Self.parse(
            """
            strict: true
            require-status-blocks: false
            format: line
            missions: [.factory, docs/mission]
            ignore:
              - docs/archive/**
            rules:
              unknown-skill: off
              trivial-healthcheck: error
              unknown-agent: warning
            """)
        #expect(config.strict == true && config.requireStatusBlocks == false && config.format == "line")
        #expect(config.missions == [".factory", "docs/mission"])
        #expect(config.ignore.map(\.pattern) == ["docs/archive/**"])
        #expect(config.rules == ["unknown-skill": .off, "trivial-healthcheck": .error, "unknown-agent": .warning])
    }

    @Test func mistakesAreErrorsWithPositionAndSuggestion() {
        #expect(Self.error("strict: true\nstrcit: false\n") == ".missionctl.yml:2:1: unknown setting `strcit` (did you mean `strict`?); settings: strict, require-status-blocks, format, missions, ignore, rules")
        #expect(Self.error("rules:\n  unknown-skil: off\n").hasPrefix(".missionctl.yml:2:3: unknown rule `unknown-skil` (did you mean `unknown-skill`?)"))
        #expect(Self.error("rules:\n  unknown-skill: eror\n").hasPrefix(".missionctl.yml:2:18: `unknown-skill` must be error, warning or off (did you mean `error`?)"))
        #expect(Self.error("strict: yes please\n").hasPrefix(".missionctl.yml:1:9: `strict` must be true or false"))
        #expect(Self.error("format: sarf\n").contains("(did you mean `sarif`?)"))
        #expect(Self.error("ignore: docs/**\n").hasPrefix(".missionctl.yml:1:9: `ignore` must be a list of paths"))
        #expect(Self.error("strict: true\nstrict: false\n").hasPrefix(".missionctl.yml:2:1: `strict` is set twice"))
        #expect(Self.error("- a\n").contains("must be a mapping of settings"))
        #expect(Self.error("rules: [\n").contains("YAML syntax error"))
        #expect(Self.error("# only comments\n").isEmpty)
    }

    @Test func applyingTurnsRulesOffChangesSeverityAndIgnoresPaths() throws {
        let config = try Self.parse("ignore: [docs/archive/**]\nrules:\n  unknown-skill: off\n  unknown-agent: error\n")
        let report = DiagnosticsReport(findings: [
            Finding(rule: "unknown-skill", severity: .warning, file: "features.json", message: "m", hint: "h"),
            Finding(rule: "unknown-agent", severity: .warning, file: "docs/a.md", message: "m", hint: "h"),
            Finding(rule: "duplicate-status-block", severity: .error, file: "docs/archive/old.md", message: "m", hint: "h"),
        ])
        let applied = config.apply(to: report)
        #expect(applied.findings.map(\.rule) == ["unknown-agent"])
        #expect(applied.findings.first?.severity == .error)
        #expect(applied.notes.contains { $0.hasPrefix("2 finding(s) not reported") })
    }
}

@Suite struct BaselineTests {
    static func block(_ agent: String) -> String {
        "> Mission status\n> Agent: \(agent)\n> Status: complete\n> Current code differences: none\n> Todo: none\n> Fully implemented: yes\n"
    }

    @Test func fingerprintsSurviveMovesButNotEdits() throws {
        let root = NSTemporaryDirectory() + "missionctl-baseline-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        func finding(line: Int) -> Finding {
            Finding(rule: "unknown-agent", severity: .warning, file: "d.md", line: line, column: 3, message: "unknown agent at line \(line)", hint: "h")
        }
        try Data(("# D\n\n" + Self.block("ghost")).utf8).write(to: URL(fileURLWithPath: root + "/d.md"))
        let before = Baseline.of(DiagnosticsReport(findings: [finding(line: 4)]), root: root)
        // The block moves down three lines: the same finding, still known.
        try Data(("# D\n\nIntro.\n\nMore.\n" + Self.block("ghost")).utf8).write(to: URL(fileURLWithPath: root + "/d.md"))
        let moved = before.filter(DiagnosticsReport(findings: [finding(line: 7)]), root: root, file: "b.json")
        #expect(moved.findings.isEmpty)
        #expect(moved.notes.contains { $0.hasPrefix("1 known finding(s)") })
        // The agent line changes: a different problem, reported.
        try Data(("# D\n\nIntro.\n\nMore.\n" + Self.block("phantom")).utf8).write(to: URL(fileURLWithPath: root + "/d.md"))
        let edited = before.filter(DiagnosticsReport(findings: [finding(line: 7)]), root: root, file: "b.json")
        #expect(edited.findings.count == 1)
        #expect(edited.notes.contains { $0.contains("no longer occur") })
    }

    @Test func roundTripsAndRejectsOtherJSON() throws {
        let report = DiagnosticsReport(findings: [Finding(rule: "r", severity: .error, file: "/nowhere/x.md", message: "m 12", hint: "h")])
        let baseline = Baseline.of(report, root: "/nowhere")
        let parsed = try Baseline.parse(Array(baseline.json.utf8), file: "b.json")
        #expect(parsed == baseline)
        #expect(throws: MissionError.self) { try Baseline.parse(Array("[1]".utf8), file: "b.json") }
        // Wrong types are refused with their position, `true` included (it bridges to the number 1).
        for (json, position) in [("{\n  \"version\": true, \"findings\": []}", "b.json:2:14"), ("{\"version\": 1,\n \"findings\": {}}", "b.json:2:14")] {
            do {
                _ = try Baseline.parse(Array(json.utf8), file: "b.json")
                Issue.record("\(json) was accepted")
            } catch {
                #expect(error.message.hasPrefix(position), "\(error.message)")
            }
        }
        #expect(throws: MissionError.self) { try Baseline.parse(Array("{\"version\": 1, \"findings\": [{\"rule\": 1}]}".utf8), file: "b.json") }
    }
}
