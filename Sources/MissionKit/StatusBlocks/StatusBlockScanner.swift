/// Finds the active Mission status blocks of a Markdown document.
///
/// Only real block quotes count. cmark has already decided what is a fenced or indented code
/// block, an HTML block or a comment, so the schema shown inside those is never mistaken for a
/// block (the failure a grep-based check has).
public enum StatusBlockScanner {
    /// Scans `text`. Files that never mention "Mission status" are not parsed at all, and only
    /// the part of a file that can hold a block is parsed (see `relevantPrefixLength`).
    public static func scan(_ text: SourceText) -> [StatusBlock] {
        guard let length = relevantPrefixLength(text) else { return [] }
        return scan(text, parsingBytes: length, chunkBytes: MarkdownPieces.chunkBytes)
    }

    /// Scans with a full parse of the file (the reference the prefix optimisation is tested against).
    public static func scanWholeFile(_ text: SourceText) -> [StatusBlock] {
        guard text.containsASCIICaseInsensitive("mission status") else { return [] }
        return scan(text, parsingBytes: text.bytes.count, chunkBytes: .max, collapsingRunsOf: .max)
    }

    /// How many leading bytes decide every block: up to the first blank line after the last line
    /// that could be a block's header (nil when no line could: nothing is parsed).
    ///
    /// A blank line ends every block quote and every lazy continuation, so the lines after it can
    /// neither start a block (no header is among them) nor extend or hide one before it: a
    /// fence or comment left open before it is just as open in the prefix.
    public static func relevantPrefixLength(_ text: SourceText) -> Int? {
        let bytes = text.bytes
        guard let hit = SourceText.lastIndexASCIICaseInsensitive(bytes, "mission status", where: { mayBeHeader(bytes, at: $0) }) else { return nil }
        var i = hit
        while i < bytes.count, bytes[i] != 0x0A { i += 1 }
        // Walk line by line until a line holding only spaces, tabs or CR.
        while i < bytes.count {
            let lineStart = i + 1
            var j = lineStart
            var blank = true
            while j < bytes.count, bytes[j] != 0x0A {
                if bytes[j] != 0x20 && bytes[j] != 0x09 && bytes[j] != 0x0D { blank = false }
                j += 1
            }
            if blank { return lineStart }
            i = j
        }
        return bytes.count
    }

    /// Whether the "mission status" at `offset` could be a block's header: a header is the first
    /// line of a block quote, so its line carries the quote's `>`, and before and after the words
    /// it holds only what may surround a header (indentation, list and quote markers, `*`, `_`,
    /// `#`, `:`). A report or table that names the words (`| Doc | Mission status |`) is not
    /// parsed: a 22 MB page of findings was, whole, at 17 times its size.
    static func mayBeHeader(_ bytes: [UInt8], at offset: Int) -> Bool {
        // Lines end at LF, CR or CRLF, as cmark reads them; a file may open with a byte-order mark.
        var quoted = false
        var i = offset - 1
        while i >= 0, bytes[i] != 0x0A, bytes[i] != 0x0D {
            switch bytes[i] {
            case UInt8(ascii: ">"): quoted = true
            case 0xEF, 0xBB, 0xBF:  // a byte-order mark, only at the start of the file
                guard i < 3, bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return false }
            case 0x20, 0x09, UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "#"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                break
            default: return false
            }
            i -= 1
        }
        guard quoted else { return false }
        var j = offset + "mission status".utf8.count
        while j < bytes.count, bytes[j] != 0x0A, bytes[j] != 0x0D {
            switch bytes[j] {
            case 0x20, 0x09, UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "#"), UInt8(ascii: ":"): j += 1
            default: return false
            }
        }
        return true
    }

    /// Parses the first `length` bytes in pieces of about `chunkBytes` (`MarkdownPieces`: the
    /// scanner reads block structure only, which pieces keep), with long runs of plain quote lines
    /// collapsed (`CollapsedQuoteRuns`, runs of `minimumRun` lines or more). A piece's blocks are
    /// read from the text after its tree is freed, so a quote of 200,000 lines is never held as a
    /// tree and as fields at once.
    static func scan(
        _ text: SourceText, parsingBytes length: Int, chunkBytes: Int, collapsingRunsOf minimumRun: Int = CollapsedQuoteRuns.minimumRun
    ) -> [StatusBlock] {
        var blocks: [StatusBlock] = []
        MarkdownPieces.parse(text, bytes: length, chunkBytes: chunkBytes, collapsingRunsOf: minimumRun) { doc, lines in
            var quotes: [QuoteSpan] = []
            collect(in: doc.document, depth: 0, lines: lines, text: text, into: &quotes)
            return quotes
        } consume: { quotes in
            for quote in quotes { blocks += extract(quote, text: text) }
        }
        return blocks
    }

    /// Block quotes deeper than this are not looked into: a status block sits at the top level or
    /// in a list, and each level costs a pass over its first line (`'> ' * 50000` would be quadratic).
    static let maxQuoteDepth = 16

    /// Where a block quote lies: all `extract` needs once the tree is gone.
    struct QuoteSpan {
        var firstLine: Int
        var lastLine: Int
        var startColumn: Int
        var depth: Int
    }

    /// Finds the quotes that open with a header, in document order, with an explicit stack:
    /// input can nest 50,000 levels. A quote that does not is looked into for nested ones.
    private static func collect(
        in root: MarkdownNode, depth rootDepth: Int, lines: MarkdownPieces.Lines, text: SourceText, into quotes: inout [QuoteSpan]
    ) {
        var stack: [(node: MarkdownNode, depth: Int)] = root.children.reversed().map { ($0, rootDepth) }
        while let (child, depth) = stack.popLast() {
            switch child.kind {
            case .blockQuote where depth < maxQuoteDepth:
                let first = lines.whole(child.startLine)
                let span = QuoteSpan(firstLine: first, lastLine: max(first, lines.whole(child.endLine)), startColumn: child.startColumn, depth: depth + 1)
                if opensWithHeader(span, text: text) {
                    quotes.append(span)
                } else {
                    stack += child.children.reversed().map { ($0, depth + 1) }
                }
            case .list, .item:
                stack += child.children.reversed().map { ($0, depth) }
            default:
                continue
            }
        }
    }

    /// Whether the quote's first line with content is a header: only such a quote holds blocks.
    private static func opensWithHeader(_ quote: QuoteSpan, text: SourceText) -> Bool {
        for n in quote.firstLine...quote.lastLine {
            if let line = quoteLine(n, of: quote, text: text) { return StatusFieldLabel.isHeader(utf8: text.bytes[line.content]) }
        }
        return false
    }

    /// One line of a block quote, read line by line: a quote of 100,000 lines was first held
    /// whole as lines, then again as fields. Only bytes are noted: most lines are fields, read
    /// from their bytes.
    private struct QuoteLine {
        var line: Int
        var column: Int
        /// The line without its markers and outer blanks.
        var content: Range<Int>
        /// The bytes before the content (`> `, `- > `): a string only for header lines.
        var prefix: Range<Int>
    }

    /// Line `n` of `quote` without its markers and outer blanks; nil when nothing is left.
    private static func quoteLine(_ n: Int, of quote: QuoteSpan, text: SourceText) -> QuoteLine? {
        let bytes = text.bytes
        let range = text.lineRange(n)
        var pos = range.lowerBound
        var markers = 0
        if n == quote.firstLine {
            pos = min(range.upperBound, range.lowerBound + max(0, quote.startColumn - 1))
        }
        while markers < quote.depth {
            var p = pos
            while p < range.upperBound, bytes[p] == 0x20 || bytes[p] == 0x09 { p += 1 }
            guard p < range.upperBound, bytes[p] == UInt8(ascii: ">") else { break }
            p += 1
            if p < range.upperBound, bytes[p] == 0x20 || bytes[p] == 0x09 { p += 1 }
            pos = p
            markers += 1
            if n == quote.firstLine { break }  // the first line starts at this quote's own marker
        }
        var end = range.upperBound
        while end > pos, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        var start = pos
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        guard start < end else { return nil }
        return QuoteLine(line: n, column: start - range.lowerBound + 1, content: start..<end, prefix: range.lowerBound..<start)
    }

    /// The blocks of a quote that opens with a header (`opensWithHeader`).
    private static func extract(_ quote: QuoteSpan, text: SourceText) -> [StatusBlock] {
        var blocks: [StatusBlock] = []
        text.bytes.withUnsafeBufferPointer { bytes in
            for n in quote.firstLine...quote.lastLine {
                guard let l = quoteLine(n, of: quote, text: text) else { continue }
                let content = UnsafeBufferPointer(rebasing: bytes[l.content])
                if StatusFieldLabel.isHeader(utf8: content) {
                    blocks.append(
                        StatusBlock(
                            headerLine: l.line, headerColumn: l.column,
                            headerIsCanonical: content.elementsEqual(StatusFieldLabel.header.utf8),
                            fields: [], lastLine: l.line, linePrefix: String(decoding: bytes[l.prefix], as: UTF8.self)))
                } else if !blocks.isEmpty {
                    blocks[blocks.count - 1].fields.append(StatusField.parse(utf8: content, line: l.line, column: l.column))
                    blocks[blocks.count - 1].lastLine = l.line
                }
            }
        }
        return blocks
    }
}
