import Foundation
import MissionKit
import Testing

@Suite struct StatusBlockRuleTests {
    func report(doc: String, path: String = "docs/a.md", require: Bool = false) throws -> DiagnosticsReport {
        var files = Fixture.valid
        files[path] = doc
        return try TempRepo(files).check(requireStatusBlocks: require)
    }

    @Test func missingStatusBlock() throws {
        let r = try report(doc: "# A\n\nNo block here.\n")
        #expect(r.findings("missing-status-block").map(\.file) == ["docs/a.md"])
        #expect(try report(doc: "# A\n\n" + Fixture.block()).findings("missing-status-block").isEmpty)
    }

    @Test func fencedSchemaDoesNotSatisfyTheRule() throws {
        let r = try report(doc: "# A\n\n```md\n" + Fixture.block() + "```\n")
        #expect(r.findings("missing-status-block").count == 1)
    }

    @Test func duplicateStatusBlockReportsEachExtraAtItsLine() throws {
        let doc = "# A\n\n" + Fixture.block() + "\n" + Fixture.block() + "\n" + Fixture.block()
        let found = try report(doc: doc).findings("duplicate-status-block")
        #expect(found.map(\.line) == [10, 17])
        // Word-for-word repeats: the hint names the lossless fix; a different block gets the merge advice.
        #expect(found[0].hint.contains("`missionctl check --fix`") && found[0].message.contains("word for word"))
        let different = try report(doc: "# A\n\n" + Fixture.block() + "\n" + Fixture.block(agent: "other")).findings("duplicate-status-block")
        #expect(different.first?.hint.contains("Update the existing block") == true && different.first?.hint.contains("--merge-duplicates") == true)
        let fenced = "# A\n\n" + Fixture.block() + "\n```\n" + Fixture.block() + "```\n"
        #expect(try report(doc: fenced).findings("duplicate-status-block").isEmpty)
    }

    /// A repeat is any earlier block's word-for-word copy, not only the first's; positions and a
    /// block's prefix or header spelling decide nothing but themselves.
    @Test func repeatsAreFoundAgainstEveryEarlierBlock() {
        let a = Fixture.block(), b = Fixture.block(agent: "other")
        let doc = [a, b, a, Fixture.block(agent: "third"), b, a.replacingOccurrences(of: "Mission status", with: "mission status")].joined(separator: "\n")
        let blocks = StatusBlockScanner.scan(SourceText("# A\n\n" + doc))
        #expect(blocks.count == 6)
        #expect(StatusBlock.repeatsEarlier(blocks) == [false, false, true, false, true, false])
        #expect(blocks[0].hasSameContent(as: blocks[2]) && !blocks[0].hasSameContent(as: blocks[5]))
    }

    @Test(arguments: [
        ("missing field", "> Mission status\n> Agent: feat-a\n> Status: complete\n> Todo: none\n> Fully implemented: yes\n", "missing field(s): Current code differences"),
        ("unknown field", Fixture.block() .trimmingSuffixNewline + "\n> Reviewer: bob\n", "unknown field `Reviewer`"),
        ("repeated", Fixture.block().trimmingSuffixNewline + "\n> Todo: none\n", "repeated"),
        ("out of order", "> Mission status\n> Status: complete\n> Agent: feat-a\n> Current code differences: none\n> Todo: none\n> Fully implemented: yes\n", "out of order"),
        ("empty", Fixture.block(differences: ""), "is empty"),
        ("misspelled", Fixture.block().replacingOccurrences(of: "> Todo:", with: "> TODO:"), "canonical form"),
        ("wrapped value", Fixture.block(differences: "first half").replacingOccurrences(of: "first half\n", with: "first half\n> second half\n"), "not a `Label: value` line"),
    ])
    func malformedStatusBlock(name: String, block: String, expected: String) throws {
        let found = try report(doc: "# A\n\n" + block).findings("malformed-status-block")
        #expect(found.count == 1, "\(name): \(found)")
        #expect(found.first?.message.contains(expected) == true, "\(name): \(found.first?.message ?? "")")
    }

    @Test func wellFormedBlockIsNotMalformed() throws {
        #expect(try report(doc: "# A\n\n" + Fixture.block()).findings("malformed-status-block").isEmpty)
    }

    @Test func invalidStatusValue() throws {
        let r = try report(doc: "# A\n\n" + Fixture.block(status: "done", fully: "maybe"))
        #expect(r.findings("invalid-status-value").count == 2)
        let ok = try report(doc: "# A\n\n" + Fixture.block(status: "`complete`"))
        #expect(ok.findings("invalid-status-value").isEmpty)
    }

    @Test(arguments: [
        ("yes without complete", Fixture.block(status: "partial"), 1),
        ("yes with todo", Fixture.block(todo: "write tests"), 2),  // also: complete with a todo
        ("complete with todo", Fixture.block(todo: "write tests", fully: "no"), 1),
        ("not-started with yes", Fixture.block(status: "not-started"), 1),
        ("consistent partial", Fixture.block(status: "partial", todo: "more", fully: "no"), 0),
        ("consistent complete", Fixture.block(), 0),
    ])
    func inconsistentStatusBlock(name: String, block: String, count: Int) throws {
        let found = try report(doc: "# A\n\n" + block).findings("inconsistent-status-block")
        #expect(found.count == count, "\(name): \(found.map(\.message))")
    }

    @Test func listedDocNotFound() throws {
        var files = Fixture.valid
        files[".factory/AGENTS.md"] = "## Source docs\n\n- `docs/a.md`\n- `docs/b.md`\n- `docs/gone.md`\n- `docs/research/*.md`\n"
        let found = try TempRepo(files).check().findings("listed-doc-not-found")
        #expect(found.map(\.line) == [5, 6])
        #expect(found.allSatisfy { $0.file == ".factory/AGENTS.md" })
        #expect(found.first?.message.hasSuffix("does not exist") == true)  // nothing near `gone.md`
        var misspelt = files
        misspelt[".factory/AGENTS.md"] = "## Source docs\n\n- `docs/a.md`\n- `docs/bb.md`\n"
        let suggested = try TempRepo(misspelt).check().findings("listed-doc-not-found")
        #expect(suggested.first?.message.contains("(did you mean `docs/b.md`?)") == true, "\(suggested.map(\.message))")
        files["docs/research/r1.md"] = "# R\n\n" + Fixture.block(agent: "feat-a")
        files["docs/gone.md"] = "# G\n\n" + Fixture.block(agent: "feat-a")
        #expect(try TempRepo(files).check().findings("listed-doc-not-found").isEmpty)
    }

    @Test func unlistedStatusBlock() throws {
        var files = Fixture.valid
        files["docs/a.en.md"] = files["docs/a.md"]
        let found = try TempRepo(files).check().findings("unlisted-status-block")
        #expect(found.map(\.file) == ["docs/a.en.md"])
        #expect(found.first?.severity == .warning)
        files["docs/a.en.md"] = "# Copy\n\n```\n" + Fixture.block() + "```\n"
        #expect(try TempRepo(files).check().findings("unlisted-status-block").isEmpty)
    }

    @Test func unknownAgent() throws {
        let uuid = try report(doc: "# A\n\n" + Fixture.block(agent: "3f1c2b9e-1111-2222-3333-444455556666"))
        #expect(uuid.findings("unknown-agent").first?.message.contains("session id") == true)
        let skill = try report(doc: "# A\n\n" + Fixture.block(agent: "worker"))
        #expect(skill.findings("unknown-agent").isEmpty)
    }

    @Test func statusRulesAreSkippedWhenTheMissionDoesNotUseBlocks() throws {
        var files = Fixture.valid
        files[".factory/mission.md"] = "# Plan\n"
        files["docs/a.md"] = "# A\n"
        files["docs/b.md"] = "# B\n"
        let r = try TempRepo(files).check()
        #expect(r.findings("missing-status-block").isEmpty)
        #expect(r.notes.contains { $0.contains("not in use") })
        let required = try TempRepo(files).check(requireStatusBlocks: true)
        #expect(required.findings("missing-status-block").count == 2)
    }
}
