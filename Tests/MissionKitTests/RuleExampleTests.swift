import Foundation
import MissionKit
import Testing

/// Every rule's own examples, run the way the commands run them (as SwiftLint runs its rules'
/// triggering and non-triggering examples): one test for the whole registry.
@Suite struct RuleExampleTests {
    @Test func everyRuleHasAnExampleThatReportsAndOneThatDoesNot() {
        for rule in RuleRegistry.all {
            let id = rule.descriptor.id
            #expect(rule.examples.contains { $0.reports }, "\(id) has no example that reports it")
            #expect(rule.examples.contains { !$0.reports }, "\(id) has no example that must not report it")
        }
    }

    @Test func ruleIdsAreUnique() {
        let ids = RuleRegistry.all.map { $0.descriptor.id }
        #expect(Set(ids).count == ids.count, "\(ids)")
    }

    @Test(arguments: RuleRegistry.all.map { $0.descriptor.id })
    func examplesReportExactlyWhereTheySay(id: String) throws {
        let rule = try #require(RuleRegistry.all.first { $0.descriptor.id == id })
        for (index, example) in rule.examples.enumerated() {
            let findings = try Self.run(example)
            let reported = findings.filter { $0.rule == id }
            #expect(
                reported.isEmpty != example.reports,
                "\(id) example \(index) (\(example.reports ? "reports" : "passes")): \(findings.map { "\($0.rule): \($0.message)" })")
            for finding in reported { #expect(finding.severity == example.severity ?? rule.descriptor.severity) }
        }
    }

    /// `check` over the example's mission in `.factory/`, or `handoff verify` for a handoff example.
    static func run(_ example: RuleExample) throws -> [Finding] {
        guard let handoff = example.handoff else {
            let repo = try TempRepo(example.files)
            for (path, content) in example.files where content == RuleExample.fifo {
                try FileManager.default.removeItem(atPath: repo.root + "/" + path)
                #expect(mkfifo(repo.root + "/" + path, 0o644) == 0)
            }
            for (path, content) in example.files where content.hasPrefix("\u{0}UTF16:") {
                let text = String(content.dropFirst(7))
                var bytes: [UInt8] = [0xFF, 0xFE]
                for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
                try Data(bytes).write(to: URL(fileURLWithPath: repo.root + "/" + path))
            }
            for (path, content) in example.files where content.hasPrefix("\u{0}LINK:") {
                let folder = (repo.root + "/" + path as NSString).deletingLastPathComponent
                try FileManager.default.removeItem(atPath: folder)
                try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: String(content.dropFirst(6)))
            }
            var request = CheckFrontend.Request(selection: MissionSelection(repo: repo.root))
            request.suite = example.suite.map { SuiteIDs(Set($0)) }
            return try CheckFrontend(request).check().report.findings
        }
        let g = try GitFixture()
        let fill = { (files: [String: String]) in files.mapValues { $0 == "HANDOFF" ? handoff : $0 } as [String: String?] }
        try g.commit("base", fill(example.files.merging(["README.md": "# r\n"]) { a, _ in a }))
        try g.commit("work", fill(example.commit))
        if !example.later.isEmpty { try g.commit("record the handoff", fill(example.later)) }
        let mission = FileManager.default.fileExists(atPath: g.root + "/.factory") ? Mission.load(repoRoot: g.root, missionDir: g.root + "/.factory") : nil
        let verifier = HandoffVerifier(repo: GitRepository(root: g.root), mission: mission, rerunTimeout: example.rerun ? 60 : nil)
        return try verifier.verify(bytes: Array(handoff.utf8), file: ".factory/handoffs/h.json", commitOverride: nil).findings
    }
}
