import Foundation
import MissionKit
import Testing

@Suite struct StatusBlockEditorTests {
    func set(_ doc: String, _ update: StatusUpdate, merge: Bool = false) throws -> String {
        let result = try StatusBlockEditor.set(update, in: SourceText(doc), file: "d.md", mergeDuplicates: merge)
        return String(decoding: result.bytes, as: UTF8.self)
    }

    let doc = "# T\n\nIntro.\n\n" + Fixture.block(status: "partial", todo: "more", fully: "no") + "\nBody.\n"

    @Test func changesOnlyTheNamedField() throws {
        let out = try set(doc, StatusUpdate(todo: "write the docs"))
        #expect(out == doc.replacingOccurrences(of: "> Todo: more", with: "> Todo: write the docs"))
    }

    @Test func completeSetsThreeFields() throws {
        var update = StatusUpdate()
        update.markComplete()
        let block = try #require(StatusBlockScanner.scan(SourceText(try set(doc, update))).first)
        #expect(block.value(.status) == "complete" && block.value(.todo) == "none" && block.value(.fullyImplemented) == "yes")
        #expect(block.value(.agent) == "feat-a")
    }

    @Test func insertsUnderTheFirstHeadingWithValidDefaults() throws {
        let out = try set("# Title\nText right after.\n", StatusUpdate(agent: "feat-a"))
        #expect(out == "# Title\n\n> Mission status\n> Agent: feat-a\n> Status: not-started\n> Current code differences: not assessed yet\n> Todo: not assessed yet\n> Fully implemented: no\n\nText right after.\n")
        let complete = try set("# Title\n", StatusUpdate(agent: "a", status: "complete"))
        let block = try #require(StatusBlockScanner.scan(SourceText(complete)).first)
        #expect(block.value(.todo) == "none" && block.value(.fullyImplemented) == "yes")
        #expect(StatusBlockEditor.problems(block, file: "d.md").isEmpty)
    }

    @Test func insertsAtTheTopWithoutAHeadingAndIntoAnEmptyFile() throws {
        let out = try set("Just text.\n", StatusUpdate(agent: "a"))
        #expect(out.hasPrefix("> Mission status\n") && out.hasSuffix("> Fully implemented: no\n\nJust text.\n"))
        let empty = try set("", StatusUpdate(agent: "a"))
        #expect(StatusBlockScanner.scan(SourceText(empty)).count == 1)
    }

    @Test func preservesCRLFBomAndMissingFinalNewline() throws {
        let crlf = "\u{FEFF}# T\r\n\r\n" + Fixture.block().replacingOccurrences(of: "\n", with: "\r\n") + "\r\nEnd"
        let out = try set(crlf, StatusUpdate(differences: "changed"))
        #expect(out == crlf.replacingOccurrences(of: "differences: none", with: "differences: changed"))
        let inserted = try set("\u{FEFF}# T\r\nEnd", StatusUpdate(agent: "a"))
        #expect(inserted.hasPrefix("\u{FEFF}# T\r\n\r\n> Mission status\r\n"))
        #expect(inserted.hasSuffix("\r\n\r\nEnd"))
        #expect(!inserted.contains("\n\n") || inserted.contains("\r\n\r\n"))
    }

    @Test func addsAMissingFieldInItsCanonicalPlace() throws {
        let broken = "# T\n\n> Mission status\n> Agent: a\n> Status: partial\n> Todo: x\n> Fully implemented: no\n"
        let out = try set(broken, StatusUpdate(differences: "none"))
        #expect(out.contains("> Status: partial\n> Current code differences: none\n> Todo: x\n"))
    }

    @Test func editsKeepEachLinesOwnPrefix() throws {
        let listed = "- item\n\n  > Mission status\n  > Agent: a\n  > Status: partial\n  > Current code differences: none\n  > Todo: x\nFully implemented: no\n"
        let out = try set(listed, StatusUpdate(todo: "y", fullyImplemented: "no"))
        #expect(out == listed.replacingOccurrences(of: "> Todo: x", with: "> Todo: y"))
    }

    @Test func refusesInvalidResults() {
        #expect(throws: StatusEditError.self) { try set(doc, StatusUpdate(status: "done")) }
        #expect(throws: StatusEditError.self) { try set(doc, StatusUpdate(fullyImplemented: "yes")) }
        #expect(throws: StatusEditError.self) { try set(doc, StatusUpdate(todo: "a\nb")) }
        #expect(throws: StatusEditError.self) { try set(doc, StatusUpdate(agent: "   ")) }
    }

    @Test func trimsValues() throws {
        let out = try set(doc, StatusUpdate(todo: "  spaced  "))
        #expect(out.contains("> Todo: spaced\n"))
    }

    @Test func idempotent() throws {
        let first = try set(doc, StatusUpdate(todo: "x y"))
        let again = try StatusBlockEditor.set(StatusUpdate(todo: "x y"), in: SourceText(first), file: "d.md")
        #expect(again.isUnchanged)
    }

    @Test func duplicatesAreRefusedOrMerged() throws {
        let two = "# T\n\n" + Fixture.block(differences: "old") + "\n" + Fixture.block(differences: "new") + "\nBody.\n"
        do {
            _ = try set(two, StatusUpdate(todo: "none"))
            Issue.record("expected a refusal")
        } catch let error as StatusEditError {
            guard case .multipleBlocks(let lines) = error else { throw error }
            #expect(lines == [3, 10])
        }
        let merged = try set(two, StatusUpdate(agent: "feat-b"), merge: true)
        let blocks = StatusBlockScanner.scan(SourceText(merged))
        #expect(blocks.count == 1 && blocks[0].headerLine == 3)
        #expect(blocks[0].value(.differences) == "new" && blocks[0].value(.agent) == "feat-b")
        #expect(merged.hasSuffix("> Fully implemented: yes\n\nBody.\n"))
    }

    @Test func fixRepairsSpellingOrderAndIdenticalDuplicatesOnly() throws {
        let messy = "# T\n\n> **Mission status**\n> Status: complete\n> agent:  a\n> Current code differences: none\n> TODO: none\n> Fully implemented: yes\n"
        let fixed = String(decoding: StatusBlockEditor.fix(SourceText(messy)).bytes, as: UTF8.self)
        #expect(fixed == "# T\n\n" + Fixture.block(agent: "a"))
        let identical = "# T\n\n" + Fixture.block() + "\n" + Fixture.block() + "\nEnd.\n"
        let deduped = StatusBlockEditor.fix(SourceText(identical))
        #expect(String(decoding: deduped.bytes, as: UTF8.self) == "# T\n\n" + Fixture.block() + "\nEnd.\n")
        let different = "# T\n\n" + Fixture.block() + "\n" + Fixture.block(agent: "b") + "\nEnd.\n"
        #expect(StatusBlockEditor.fix(SourceText(different)).isUnchanged)
        // An unknown field keeps the block from being rewritten, yet its other lines are fixed, and the reason is given.
        let unknownField = "# T\n\n" + Fixture.block().replacingOccurrences(of: "> Todo:", with: "> Reviewer: x\n> todo:")
        let partial = StatusBlockEditor.fix(SourceText(unknownField))
        #expect(String(decoding: partial.bytes, as: UTF8.self) == unknownField.replacingOccurrences(of: "> todo:", with: "> Todo:"))
        #expect(partial.skipped == ["3: block not reordered or completed (line 7: `Reviewer` is no field); `status set` fills and rewrites it"])
    }

    @Test func fixRepairsMisspeltLabelsAndValueCase() throws {
        let doc = "# T\n\n> Mission status\n> Agent: a\n> Stauts: In Progress\n> Current code differences: none\n> Todo: wire it\n> Fully implemented: No.\n"
        let fixed = StatusBlockEditor.fix(SourceText(doc))
        #expect(String(decoding: fixed.bytes, as: UTF8.self) == "# T\n\n> Mission status\n> Agent: a\n> Status: in-progress\n> Current code differences: none\n> Todo: wire it\n> Fully implemented: no\n")
        #expect(fixed.skipped.isEmpty)
        // A value that means nothing allowed is left alone.
        let unclear = doc.replacingOccurrences(of: "In Progress", with: "almost there")
        #expect(String(decoding: StatusBlockEditor.fix(SourceText(unclear)).bytes, as: UTF8.self).contains("> Status: almost there"))
    }

    @Test func unifiedDiffAppliesWithPatch() throws {
        let dir = NSTemporaryDirectory() + "diff-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let two = "# T\n\n" + Fixture.block(differences: "old") + "\n" + Fixture.block(differences: "new") + "\nBody.\nMore.\n"
        let text = SourceText(two)
        let result = try StatusBlockEditor.set(StatusUpdate(todo: "none"), in: text, file: "d.md", mergeDuplicates: true)
        try Data(two.utf8).write(to: URL(fileURLWithPath: dir + "/d.md"))
        try Data(LineEdit.unifiedDiff(result.edits, of: text, path: "d.md").utf8).write(to: URL(fileURLWithPath: dir + "/p.diff"))
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        patch.arguments = ["-s", "-p1", "-i", "p.diff"]
        patch.currentDirectoryURL = URL(fileURLWithPath: dir)
        try patch.run()
        patch.waitUntilExit()
        #expect(patch.terminationStatus == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/d.md")) == Data(result.bytes))
    }
}

/// `check --fix` over the closed set (issue 27, item 13): a doc that changes kind between the
/// walk and its fix is a finding for that doc, and the other docs are still fixed.
@Suite struct ListedDocFixerTests {
    @Test func aDocThatBecomesAFolderMidFixIsAFindingNotAnError() throws {
        let misspelt = "# A\n\n> Mission status\n> agent: a\n> Status: not-started\n> Current code differences: none\n> Todo: all\n> Fully implemented: no\n"
        let repo = try TempRepo([
            ".factory/AGENTS.md": "# M\n\nDocs carry Mission status blocks.\n\n## Source docs (closed set)\n\n- `docs/a.md`\n- `docs/b.md`\n",
            "docs/a.md": misspelt, "docs/b.md": misspelt,
        ])
        let fixer = ListedDocFixer(repo: repo.root) { doc in
            guard doc == "docs/a.md" else { return }
            try? FileManager.default.removeItem(atPath: repo.root + "/docs/a.md")
            try? FileManager.default.createDirectory(atPath: repo.root + "/docs/a.md", withIntermediateDirectories: false)
        }
        var lines: [String] = []
        let outcome = fixer.fix([repo.mission()]) { lines.append($0) }
        #expect(outcome.findings.map(\.rule) == ["unreadable-source-doc"] && outcome.findings.first?.file == "docs/a.md")
        #expect(outcome.findings.first?.message.contains("docs/a.md: is a folder, expected a file") == true, "\(outcome.findings)")
        #expect(outcome.changedDocs == 1 && lines.contains { $0.hasPrefix("fixed docs/b.md") } && lines.contains { $0.hasPrefix("not fixed docs/a.md") }, "\(lines)")
        #expect(try repo.read("docs/b.md").contains("> Agent: a"))
    }
}
