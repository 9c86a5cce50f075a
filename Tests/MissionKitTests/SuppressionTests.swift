import MissionKit
import Testing

@Suite struct SuppressionTests {
    func report(_ doc: String) throws -> DiagnosticsReport {
        var files = Fixture.valid
        files["docs/a.md"] = doc
        return try TempRepo(files).check()
    }

    static let twoBlocks = "# A\n\n" + Fixture.block() + "\n" + Fixture.block()

    /// Only `missionctl-` after a comment's opening can be a directive; a doc with neither is
    /// passed over without a parse.
    @Test(arguments: [
        ("<!-- missionctl-disable-file unknown-agent -->", true),
        ("text\n<!--\nmissionctl-disable x\n-->", true),
        ("a < b, <!-- note --> and later missionctl-disable x", true),
        ("missionctl-disable x, then <!-- a comment -->", false),
        ("`missionctl-disable` in prose, no comment", false),
        ("< <! <!- -- missionctl-", false),
        ("", false),
    ])
    func aDirectiveNeedsACommentOpeningBeforeIt(text: String, may: Bool) {
        #expect(Suppressions.mayBeIn(Array(text.utf8)) == may)
    }

    @Test func nextLineSuppressesOnlyTheNamedRuleOnTheNextLine() throws {
        let plain = try report(Self.twoBlocks)
        #expect(plain.findings("duplicate-status-block").count == 1)
        let lines = Self.twoBlocks.components(separatedBy: "\n")
        let second = lines.lastIndex(of: "> Mission status")!
        var suppressed = lines
        suppressed.insert("<!-- missionctl-disable-next-line duplicate-status-block -->", at: second)
        let r = try report(suppressed.joined(separator: "\n"))
        #expect(r.findings("duplicate-status-block").isEmpty)
        #expect(r.findings("unused-suppression").isEmpty)
    }

    @Test func rangesAndWholeFiles() throws {
        let ranged = "# A\n\n<!-- missionctl-disable duplicate-status-block -->\n" + Fixture.block() + "\n" + Fixture.block()
            + "<!-- missionctl-enable duplicate-status-block -->\n"
        #expect(try report(ranged).findings("duplicate-status-block").isEmpty)
        let file = "<!-- missionctl-disable-file duplicate-status-block -->\n" + Self.twoBlocks
        #expect(try report(file).findings("duplicate-status-block").isEmpty)
    }

    @Test func unusedBlanketUnknownAndCodeBlockDirectives() throws {
        let doc = "# A\n\n" + Fixture.block() + "\n<!-- missionctl-disable-next-line unknown-agent -->\nText.\n\n"
            + "<!-- missionctl-disable -->\n\n<!-- missionctl-disable-file duplicat-status-block -->\n\n"
            + "```md\n<!-- missionctl-disable-file missing-status-block -->\n```\n"
        let r = try report(doc)
        #expect(r.findings("unused-suppression").count == 1)
        let invalid = r.findings("invalid-suppression").map(\.message)
        #expect(invalid.count == 2)
        #expect(invalid.contains { $0.contains("names no rule") })
        #expect(invalid.contains { $0.contains("did you mean `duplicate-status-block`") })
        // The comment inside the code block is documentation, not a directive.
        #expect(!r.findings.contains { $0.file == "docs/a.md" && $0.line == 18 })
    }
}
