import Testing

@testable import MissionKit

/// Property-based tests over random documents, with a seeded generator so failures replay.
@Suite struct StatusBlockPropertyTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let words = ["timer", "workspace", "`code`", "**bold**", "计时器", "ワーク", "émoji🙂", "a:b", "#tag", "> not", "x_y", "\"q\"", "1.", "-", "<b>", "\\"]

    static func phrase(_ rng: inout SplitMix64, max: Int = 8) -> String {
        (0..<Int.random(in: 1...max, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
    }

    /// A random Markdown fragment that never forms an active status block.
    static func fragment(_ rng: inout SplitMix64) -> [String] {
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: return ["## " + phrase(&rng, max: 4)]
        case 1: return [phrase(&rng), phrase(&rng)]
        case 2: return ["```md", "> Mission status", "> Agent: schema", "```"]
        case 3: return ["- " + phrase(&rng), "- " + phrase(&rng, max: 3)]
        case 4: return ["<!--", "> Mission status", "> Agent: hidden", "-->"]
        case 5: return ["> " + phrase(&rng)]
        case 6: return ["Setext " + phrase(&rng, max: 2), "======"]
        case 7: return ["    indented code > Mission status"]
        default: return ["| a | b |", "|---|---|", "| 1 | " + phrase(&rng, max: 2) + " |"]
        }
    }

    static func value(_ rng: inout SplitMix64) -> String {
        let s = phrase(&rng, max: 12)
        return Bool.random(using: &rng) ? "  " + s + " " : s  // untrimmed input is trimmed
    }

    struct Case {
        var doc: String
        var hasBlock: Bool
    }

    static func document(_ rng: inout SplitMix64) -> Case {
        var lines: [String] = []
        if Bool.random(using: &rng) { lines.append("# " + phrase(&rng, max: 3)) }
        let hasBlock = Bool.random(using: &rng)
        let blockAt = Int.random(in: 0...3, using: &rng)
        var inserted = false
        for i in 0..<Int.random(in: 0...6, using: &rng) {
            if hasBlock && i == blockAt {
                inserted = true
                lines += [""] + Fixture.block(agent: "w", status: "partial", todo: phrase(&rng), fully: "no")
                    .split(separator: "\n").map(String.init)
            }
            lines.append("")
            lines += fragment(&rng)
        }
        if hasBlock && !inserted {
            lines += [""] + Fixture.block(agent: "w", status: "in-progress", todo: "t", fully: "no").split(separator: "\n").map(String.init)
        }
        let eol = Bool.random(using: &rng) ? "\r\n" : "\n"
        var doc = lines.joined(separator: eol)
        if Bool.random(using: &rng) { doc += eol }
        if Int.random(in: 0..<4, using: &rng) == 0 { doc = "\u{FEFF}" + doc }
        return Case(doc: doc, hasBlock: hasBlock)
    }

    static func update(_ rng: inout SplitMix64) -> StatusUpdate {
        var u = StatusUpdate()
        if Bool.random(using: &rng) { u.agent = value(&rng) }
        if Bool.random(using: &rng) { u.differences = value(&rng) }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: u.markComplete()
        case 1:
            u.status = ["not-started", "in-progress", "partial"].randomElement(using: &rng)!
            u.todo = value(&rng)
            u.fullyImplemented = "no"
        default: break
        }
        return u
    }

    /// `new` is `old` with bytes [a, b) replaced: common prefix ≥ a and common suffix ≥ old.count − b.
    static func onlyChanged(_ old: [UInt8], _ new: [UInt8], between a: Int, and b: Int) -> Bool {
        let prefix = zip(old, new).prefix { $0 == $1 }.count
        let suffix = zip(old.reversed(), new.reversed()).prefix { $0 == $1 }.count
        return prefix >= a && suffix >= old.count - b
    }

    @Test(arguments: 0..<300)
    func setRoundTripsAndTouchesOnlyTheBlock(seed: Int) throws {
        var rng = SplitMix64(state: UInt64(seed) &* 7919)
        let sample = Self.document(&rng)
        let update = Self.update(&rng)
        let text = SourceText(sample.doc)
        let before = StatusBlockScanner.scan(text)
        #expect(before.count == (sample.hasBlock ? 1 : 0), "seed \(seed): generator produced \(before.count) blocks")

        let result = try StatusBlockEditor.set(update, in: text, file: "doc.md")
        let after = StatusBlockScanner.scan(SourceText(bytes: result.bytes))
        try #require(after.count == 1, "seed \(seed)")
        let block = after[0]
        for label in StatusFieldLabel.allCases {
            if let wanted = update[label] {
                #expect(block.value(label) == wanted.trimmingCharacters(in: .whitespaces), "seed \(seed): \(label)")
            } else if let old = before.first?.value(label) {
                #expect(block.value(label) == old, "seed \(seed): \(label) must keep its value")
            }
        }
        #expect(StatusBlockEditor.problems(block, file: "doc.md").isEmpty, "seed \(seed)")
        if let old = before.first {
            let a = text.fullLineRange(old.headerLine).lowerBound
            let b = text.fullLineRange(old.lastLine).upperBound
            #expect(Self.onlyChanged(text.bytes, result.bytes, between: a, and: b), "seed \(seed): bytes outside the block changed")
        } else {
            #expect(Self.onlyChanged(text.bytes, result.bytes, between: 0, and: 0) || Self.isInsertion(text.bytes, result.bytes), "seed \(seed)")
        }
        // Line endings and the final newline are the file's own.
        let crlf = sample.doc.contains("\r\n")
        let newText = String(decoding: result.bytes, as: UTF8.self)
        #expect(!crlf || !newText.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "seed \(seed): mixed endings \(sample.doc.debugDescription) -> \(newText.debugDescription)")
        #expect(text.endsWithNewline == SourceText(bytes: result.bytes).endsWithNewline || text.isEmptyish, "seed \(seed)")
        #expect(text.hasBOM == SourceText(bytes: result.bytes).hasBOM, "seed \(seed)")

        // Idempotence: the same update again changes nothing.
        #expect(try StatusBlockEditor.set(update, in: SourceText(bytes: result.bytes), file: "doc.md").isUnchanged, "seed \(seed)")
    }

    static func isInsertion(_ old: [UInt8], _ new: [UInt8]) -> Bool {
        let prefix = zip(old, new).prefix { $0 == $1 }.count
        let suffix = zip(old.reversed(), new.reversed()).prefix { $0 == $1 }.count
        return new.count > old.count && min(prefix, old.count) + min(suffix, old.count) >= old.count
    }

    /// The scanner parses only the prefix that can hold blocks; it must find exactly what a
    /// parse of the whole file finds, positions included.
    @Test(arguments: 0..<300)
    func prefixParseEqualsWholeFileParse(seed: Int) {
        var rng = SplitMix64(state: UInt64(seed) &+ 55_555)
        var doc = Self.document(&rng).doc
        // Add blocks and near-blocks after the main content, including a lazy line and an open fence.
        let extras = [
            "\n\n" + Fixture.block(agent: "late"), "\n> Mission status\nAgent: lazy\n", "\n```\n> Mission status\n",
            "\n<!--\n> Mission status\n", "\n- > Mission status\n  > Agent: listed\n", "\nMission status\n",
        ]
        for _ in 0..<Int.random(in: 0...3, using: &rng) { doc += extras.randomElement(using: &rng)! + Self.phrase(&rng) }
        let text = SourceText(doc)
        #expect(StatusBlockScanner.scan(text) == StatusBlockScanner.scanWholeFile(text), "seed \(seed)")
    }

    /// The scanner parses a long doc in pieces cut at blank lines; with pieces as small as one
    /// byte (a cut after every blank line that allows one) it must find exactly what a parse of
    /// the whole file finds. The extras hold blank lines inside constructs that go on past them:
    /// a fence, a comment, a loose list whose item holds a block, indented code.
    @Test(arguments: 0..<300)
    func piecewiseParseEqualsWholeFileParse(seed: Int) {
        var rng = SplitMix64(state: UInt64(seed) &+ 77_777)
        let extras = [
            "```\n\n> Mission status\n> Agent: fenced\n```\n", "<!--\n\n> Mission status\n> Agent: commented\n-->\n",
            "- item\n\n  > Mission status\n  > Agent: in a loose list\n", "    code\n\n    > Mission status\n",
            "> quote\n\n> Mission status\n> Agent: after a quote\n", Fixture.block(agent: "piece"), "\n\n\n",
            "1. one\n\n2. two\n\n   > Mission status\n   > Agent: numbered\n",
        ]
        var doc = ""
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            doc += Self.document(&rng).doc.replacingOccurrences(of: "\u{FEFF}", with: "") + "\n\n"
            for _ in 0..<Int.random(in: 0...3, using: &rng) { doc += extras.randomElement(using: &rng)! + "\n" + Self.phrase(&rng) + "\n\n" }
        }
        let text = SourceText(doc)
        let whole = StatusBlockScanner.scanWholeFile(text)
        for chunk in [1, 5, 40, 300] {
            #expect(StatusBlockScanner.scan(text, parsingBytes: text.bytes.count, chunkBytes: chunk) == whole, "seed \(seed), pieces of \(chunk)")
        }
    }

    /// Lines that open, close or change blocks inside a quote, between runs of plain lines.
    static let quoteBreakers = [
        "> ```", "> ~~~", "> <!--", "> -->", "> <div>", "> <pre>", "> </div>", "> ===", "> ---", "> - item", "> 1. one", "> > nested",
        ">", "", "lazy line", "> # heading", ">     indented", "> [x]: /url", "> Mission status", "> **Mission status**",
        "> > Mission status", "- > Mission status", "  > Agent: listed", "> text with a > in it", "> a <b>tag</b>",
        "Mission status", "> Agent: a", "> Todo: t",
    ]

    /// Long runs of plain quote lines are collapsed before cmark parses a piece; with runs as short
    /// as three lines, among lines that open and close fences, comments, HTML, lists, setext
    /// headings and nested quotes, the scan must find what a parse of the whole file finds.
    @Test(arguments: 0..<300)
    func collapsedRunsParseAsTheWholeFile(seed: Int) {
        var rng = SplitMix64(state: UInt64(seed) &+ 4_000_037)
        var lines: [String] = []
        // Breakers and runs alternate, so that each run follows a line that may open a block.
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            lines.append(Self.quoteBreakers.randomElement(using: &rng)!)
            let markers = ["> ", ">", "> > ", ">> "].randomElement(using: &rng)!
            for i in 0..<Int.random(in: 0...9, using: &rng) {
                lines.append(markers + ["Agent: x\(i)", "Todo\(i): y", "plain words", "Status: partial", "ends --> here", "a </pre> b"].randomElement(using: &rng)!)
            }
            if Bool.random(using: &rng) { lines.append("> Mission status") }
        }
        let text = SourceText(lines.joined(separator: Bool.random(using: &rng) ? "\n" : "\r\n"))
        let whole = StatusBlockScanner.scanWholeFile(text)
        for chunk in [Int.max, 30] {
            #expect(
                StatusBlockScanner.scan(text, parsingBytes: text.bytes.count, chunkBytes: chunk, collapsingRunsOf: 3) == whole,
                "seed \(seed), pieces of \(chunk): \(lines)")
        }
    }

    /// Field lines built from the pieces that decide how a line reads: emphasis on either side of
    /// the colon, blanks, labels in any spelling, no colon, non-ASCII (a combining mark on `*`).
    static let fieldPieces = [
        "*", "**", "_", ":", " ", "  ", "\t", "Status", "status", "Fully implemented", "Current-Code differences", "Todo",
        "Agent", "Stauts", "complete", "in progress", "`x`", "a:b", "计时器", "\u{301}", "*\u{301}", "é", ".",
    ]

    @Test(arguments: 0..<300)
    func fieldsReadFromBytesAsFromStrings(seed: Int) {
        var rng = SplitMix64(state: UInt64(seed) &+ 2_000_029)
        for _ in 0..<20 {
            let line = (0..<Int.random(in: 1...7, using: &rng)).map { _ in Self.fieldPieces.randomElement(using: &rng)! }.joined()
            let asString = StatusField.parse(Substring(line), line: 3, column: 5)
            let asBytes = Array(line.utf8).withUnsafeBufferPointer { StatusField.parse(utf8: $0, line: 3, column: 5) }
            #expect(asBytes == asString, "seed \(seed): \(line.debugDescription)")
        }
    }

    /// The header rule as first written (letters collected, then compared): the streaming
    /// `isHeader` must agree with it on every line.
    static func referenceIsHeader(_ content: Substring) -> Bool {
        if content == "Mission status" { return true }
        var letters: [UInt8] = []
        for b in content.utf8 {
            if letters.count > 14 { return false }
            switch b {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "#"), UInt8(ascii: "\t"), UInt8(ascii: ":"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letters.append(b + 32)
            case UInt8(ascii: " "):
                if letters.isEmpty || letters.last == UInt8(ascii: " ") { continue }
                letters.append(b)
            default: letters.append(b)
            }
        }
        if letters.last == UInt8(ascii: " ") { letters.removeLast() }
        return letters.elementsEqual("mission status".utf8)
    }

    static let headerPieces = ["Mission", "mission", "MISSION", " status", "Status", "status", " ", "  ", "*", "**", "_", "#", ":", "\t", "x", "é", "es"]

    @Test(arguments: 0..<300)
    func headersToldAsByTheFirstRule(seed: Int) {
        var rng = SplitMix64(state: UInt64(seed) &+ 3_000_017)
        for _ in 0..<40 {
            let line = (0..<Int.random(in: 1...6, using: &rng)).map { _ in Self.headerPieces.randomElement(using: &rng)! }.joined()
            #expect(StatusFieldLabel.isHeader(Substring(line)) == Self.referenceIsHeader(Substring(line)), "seed \(seed): \(line.debugDescription)")
        }
        for line in ["Mission status", "**Mission status:**", "## mission  STATUS", " Mission status"] {
            #expect(StatusFieldLabel.isHeader(Substring(line)), "\(line.debugDescription)")
        }
        for line in ["Mission status :", "Mission statuses", "Mission status x", "Missionstatus", "Mission"] {
            #expect(!StatusFieldLabel.isHeader(Substring(line)), "\(line.debugDescription)")
        }
    }

    @Test(arguments: 0..<100)
    func refusedUpdatesNeverProduceBytes(seed: Int) throws {
        var rng = SplitMix64(state: UInt64(seed) &+ 1_000_003)
        let text = SourceText(Self.document(&rng).doc)
        var update = StatusUpdate(status: "partial", todo: Self.value(&rng), fullyImplemented: "yes")  // inconsistent
        if seed % 2 == 0 { update = StatusUpdate(status: "finished") }  // invalid value
        #expect(throws: StatusEditError.self) { try StatusBlockEditor.set(update, in: text, file: "doc.md") }
    }
}

extension SourceText {
    var isEmptyish: Bool { bytes.count <= 3 }
}
