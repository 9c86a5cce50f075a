import Testing

@testable import MissionKit

/// The contract is parsed in pieces cut at blank lines (`MarkdownPieces`); it must define exactly
/// the assertions, positions and repeats a parse of the whole file finds.
@Suite struct ValidationContractPieceTests {
    typealias SplitMix64 = StatusBlockPropertyTests.SplitMix64

    /// Fragments with blank lines inside constructs that go on past them (fences, comments, loose
    /// lists, indented code), headings in quotes, lists and setext form, and ids from a small pool,
    /// so that repeats occur.
    static func fragment(_ rng: inout SplitMix64) -> String {
        let id = "VAL-\(["A", "SEC-B", "C"].randomElement(using: &rng)!)-00\(Int.random(in: 1...6, using: &rng))"
        switch Int.random(in: 0..<14, using: &rng) {
        case 0: return "# \(id): title"
        case 1: return "\(id): setext title\n==="
        case 2: return "- item\n\n  ## \(id): in a loose list"
        case 3: return "```\n\n# \(id): fenced\n```"
        case 4: return "<!--\n\n# \(id): commented\n-->"
        case 5: return "> quote\n>\n> ### \(id): quoted\n\n> # \(id): second quote"
        case 6: return "    # \(id): indented code\n\n    more code"
        case 7: return "1. one\n\n2. two\n\n   # \(id): numbered"
        case 8: return "<div>\n\n# \(id): after an HTML block\n</div>"
        case 9: return "## `\(id)`: in a code span"
        case 10: return "# \(id) &amp; entity **bold**"
        case 11: return "paragraph with words\nand a lazy line\n# \(id)"
        case 12: return "- a\n- b\n\n\n- c\n\n      # \(id): deep"
        default: return "### VAL-TIMER area heading, no assertion"
        }
    }

    static func summary(_ c: ValidationContract) -> [String] {
        c.assertions.map { "\($0.id)|\($0.title)|\($0.area)|\($0.location.line):\($0.location.column)" }
            + c.duplicates.map { "dup \($0.id)@\($0.location.line):\($0.location.column) first \($0.firstLine)" }
    }

    @Test(arguments: 0..<300)
    func piecewiseParseEqualsWholeFileParse(seed: Int) {
        var rng = SplitMix64(state: UInt64(seed) &+ 31_337)
        var parts: [String] = []
        for _ in 0..<Int.random(in: 1...24, using: &rng) {
            parts.append(Self.fragment(&rng))
            parts.append(String(repeating: "\n", count: Int.random(in: 1...3, using: &rng)))
        }
        let text = SourceText(parts.joined(separator: Bool.random(using: &rng) ? "\n" : "\r\n"))
        let whole = Self.summary(ValidationContract.parse(text, chunkBytes: .max))
        for chunk in [1, 7, 64, 500] {
            #expect(Self.summary(ValidationContract.parse(text, chunkBytes: chunk)) == whole, "seed \(seed), pieces of \(chunk)")
        }
    }

    /// A link reference definition anywhere in the file turns a bracketed heading into a link,
    /// whose text is the id; a piece would not see a definition in another piece, so such a
    /// contract is parsed whole.
    @Test func aLinkDefinitionInAnotherPieceStillCounts() {
        let filler = Array(repeating: "Words of a paragraph.\n", count: 20).joined(separator: "\n")
        let text = SourceText("# [VAL-LINK-001]: linked title\n\n" + filler + "\n[VAL-LINK-001]: https://example.com\n")
        let contract = ValidationContract.parse(text, chunkBytes: 16)
        #expect(contract.assertions.map(\.id) == ["VAL-LINK-001"])
        #expect(contract.assertions.first?.location == SourceLocation(line: 1, column: 1))
    }
}
