import MissionKit
import Testing

/// At most a fixed number of findings of one rule per file; the rest counted in one finding.
@Suite struct CappedFindingsTests {
    static let rule = RuleDescriptor(id: "some-rule", severity: .warning, summary: "s")
    static let other = RuleDescriptor(id: "other-rule", severity: .error, summary: "s")

    static func finding(_ rule: RuleDescriptor, line: Int) -> Finding {
        rule.finding("docs/a.md", SourceLocation(line: line, column: 3), message: "m\(line)", hint: "h")
    }

    @Test func eachRuleIsCappedOnItsOwnAndTheRestAreCounted() {
        var capped = CappedFindings(limit: 3)
        for line in 1...10 { capped.append(Self.finding(Self.rule, line: line)) }
        capped.append(Self.finding(Self.other, line: 20))
        #expect(!capped.accepts(Self.rule) && capped.accepts(Self.other))
        capped.skip(Self.rule, file: "docs/a.md", at: SourceLocation(line: 30, column: 1))
        let all = capped.finish()
        #expect(all.map(\.line) == [1, 2, 3, 20, 4])
        let summary = all.last!
        #expect(summary.rule == "some-rule" && summary.severity == .warning && summary.column == 3)
        #expect(summary.message.hasPrefix("8 more `some-rule` findings"))
    }

    @Test func aListWithinTheLimitIsReturnedAsItIs() {
        let list = (1...5).map { Self.finding(Self.rule, line: $0) }
        #expect(CappedFindings.capping(list, limit: 5) == list)
        #expect(CappedFindings.capping(list, limit: 4).count == 5)
        #expect(CappedFindings.capping(list, limit: 4).last!.message.hasPrefix("1 more"))
    }

    /// A block of 1,500 unknown fields: `check` and `status show` report the block's missing
    /// fields (said first: it is about the whole block), the first 999 lines, and one finding for
    /// the other 501 lines, where they start.
    @Test func aBlockWithAFindingPerLineIsReportedCapped() throws {
        var files = Fixture.valid
        files["docs/a.md"] = "# A\n\n> Mission status\n" + (0..<1500).map { "> Extra\($0): x\n" }.joined()
        let repo = try TempRepo(files)
        for malformed in [
            repo.check().findings("malformed-status-block"),
            DocStatus.read(repoRoot: repo.root, path: "docs/a.md").findings.filter { $0.rule == "malformed-status-block" },
        ] {
            #expect(malformed.count == CappedFindings.defaultLimit + 1)
            #expect(malformed.contains { $0.message.hasPrefix("missing field(s)") && $0.line == 3 })
            #expect(malformed.contains { $0.message.hasPrefix("501 more `malformed-status-block` findings") && $0.line == 1003 })
            #expect(malformed.filter { $0.message.hasPrefix("unknown field") }.count == 999)
        }
        #expect(DocStatus.read(repoRoot: repo.root, path: "docs/a.md").block?.fields.count == 1500)
    }

    /// `check --fix` says at most as many lines per doc, and counts the rest: 1,003 blocks, each
    /// with a label to respell, so 1,003 changes and more than 2,000 notes of what is not fixed.
    @Test func fixSaysAtMostTheCapOfLinesPerDoc() {
        let blocks = (0...1002).map { "## S\($0)\n\n> Mission status\n> agent: a\($0)\n> Status: partial\n> Todo: t\n\n" }.joined()
        let result = StatusBlockEditor.fix(SourceText("# A\n\n" + blocks))
        #expect(result.skipped.count == CappedFindings.defaultLimit + 1)
        #expect(result.skipped.last?.hasSuffix("more from here on, like those above") == true)
        #expect(result.changes.count == CappedFindings.defaultLimit + 1)
        #expect(result.changes.last == "3 more changes like these")
    }
}
