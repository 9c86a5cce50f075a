import Foundation
import MissionKit
import Testing

@Suite struct StatusBlockScannerTests {
    let block = Fixture.block()

    @Test func findsOneCanonicalBlock() {
        let blocks = StatusBlockScanner.scan(SourceText("# T\n\n" + block))
        #expect(blocks.count == 1)
        let b = blocks[0]
        #expect(b.headerLine == 3 && b.lastLine == 8)
        #expect(b.value(.agent) == "feat-a")
        #expect(b.value(.fullyImplemented) == "yes")
        #expect(b.headerIsCanonical && b.fields.allSatisfy(\.isCanonicalSpelling))
    }

    /// Only a line that could be a block's header decides what is parsed: a page that names the
    /// words in a table or a sentence is not parsed at all, and every header form still is.
    @Test func onlyHeaderLinesDecideWhatIsParsed() {
        let report = "# Report\n\n| Doc | Mission status | Findings |\n|---|---|---|\n| a | x<br>a second Mission status block | 2 |\n"
        #expect(StatusBlockScanner.relevantPrefixLength(SourceText(report)) == nil)
        #expect(StatusBlockScanner.relevantPrefixLength(SourceText("See `> Mission status` in the docs.\n")) == nil)
        let forms = [
            "> Mission status", "> **Mission status**", "- > Mission status", "1. > ## Mission Status:", "  >  _mission status_ ",
            "\u{FEFF}> Mission status", "> > Mission status",
        ]
        for form in forms {
            let doc = form + "\n> Agent: a\n"
            #expect(StatusBlockScanner.relevantPrefixLength(SourceText(doc)) != nil, "\(form)")
        }
        // The header's line is found whichever line break the file uses.
        #expect(StatusBlockScanner.scan(SourceText("# A\r\r> Mission status\r> Agent: a\r")).count == 1)
        #expect(StatusBlockScanner.scan(SourceText("# A\r\n\r\n> Mission status\r\n> Agent: a\r\n")).count == 1)
    }

    @Test(arguments: [
        ("fenced", "```md\n" + Fixture.block() + "```\n"),
        ("tilde fence", "~~~\n" + Fixture.block() + "~~~\n"),
        ("indented", Fixture.block().split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"),
        ("html block", "<div>\n" + Fixture.block() + "</div>\n"),
        ("comment", "<!--\n" + Fixture.block() + "-->\n"),
    ])
    func schemaInsideNonQuoteBlocksIsDocumentation(name: String, body: String) {
        #expect(StatusBlockScanner.scan(SourceText("# Schema\n\n" + body)).isEmpty, "\(name)")
    }

    @Test func twoBlocksSeparatedByABlankLine() {
        let blocks = StatusBlockScanner.scan(SourceText("# T\n\n" + block + "\n" + block))
        #expect(blocks.map(\.headerLine) == [3, 10])
    }

    @Test func twoBlocksInOneQuoteAreStillTwo() {
        let glued = block.trimmingSuffixNewline + "\n>\n" + block
        let blocks = StatusBlockScanner.scan(SourceText(glued))
        #expect(blocks.count == 2)
        #expect(blocks[1].fields.count == 5)
    }

    @Test func crlfBomTrailingSpacesAndUnicodeValues() {
        let text = "\u{FEFF}# 追踪\r\n\r\n> Mission status  \r\n> Agent: feat-a \r\n> Status: partial\r\n"
            + "> Current code differences: 计时器仍按工作区唯一 `TestRunningTimer`\r\n> Todo: 补充回归测试\r\n> Fully implemented: no\r\n"
        let blocks = StatusBlockScanner.scan(SourceText(text))
        #expect(blocks.count == 1)
        #expect(blocks[0].value(.agent) == "feat-a")
        #expect(blocks[0].value(.differences) == "计时器仍按工作区唯一 `TestRunningTimer`")
        #expect(blocks[0].value(.todo) == "补充回归测试")
        #expect(blocks[0].headerLine == 3)
    }

    @Test func lazyContinuationLinesBelongToTheBlock() {
        let text = "# T\n\n> Mission status\n> Agent: a\nStatus: complete\n> Current code differences: none\nTodo: none\n> Fully implemented: yes\n"
        let blocks = StatusBlockScanner.scan(SourceText(text))
        #expect(blocks.count == 1)
        #expect(blocks[0].fields.compactMap(\.label) == StatusFieldLabel.allCases)
        #expect(blocks[0].value(.todo) == "none")
    }

    @Test func blockInsideAListItemAndNestedQuote() {
        let inList = "- item\n\n  > Mission status\n  > Agent: a\n"
        #expect(StatusBlockScanner.scan(SourceText(inList)).first?.value(.agent) == "a")
        let nested = "> intro\n>\n> > Mission status\n> > Agent: b\n"
        #expect(StatusBlockScanner.scan(SourceText(nested)).first?.value(.agent) == "b")
    }

    @Test func otherQuotesAreNotBlocks() {
        let text = "> Note: Mission status blocks are described below.\n\n> Agent: x\n"
        #expect(StatusBlockScanner.scan(SourceText(text)).isEmpty)
    }

    @Test func spellingVariantsAreRecognisedButMarkedNonCanonical() {
        let text = "> **Mission status**\n> agent:  a\n> **Status:** complete\n> Current Code Differences: none\n"
        let blocks = StatusBlockScanner.scan(SourceText(text))
        #expect(blocks.count == 1)
        #expect(!blocks[0].headerIsCanonical)
        #expect(blocks[0].fields.map(\.label) == [.agent, .status, .differences])
        #expect(blocks[0].fields.map(\.isCanonicalSpelling) == [false, false, false])
        #expect(blocks[0].value(.status) == "complete")
    }
}

extension String {
    var trimmingSuffixNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
