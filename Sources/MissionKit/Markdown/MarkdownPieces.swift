/// A long Markdown text parsed in pieces, each freed before the next: cmark's tree is about 24
/// times the text, so a long doc or contract held whole was held several times over.
///
/// A piece ends after a blank line that closes everything open: after it the document is where
/// it is at the start of a file, so the rest parses the same on its own. That holds for block
/// structure; inline content also depends on link reference definitions, which a later piece
/// does not see (callers that read inline text parse pieces only when there are none). When the
/// last block before the blank line could go on past it (a list, a code or HTML block), the
/// piece grows and is parsed again, twice as long each time.
enum MarkdownPieces {
    /// About how many bytes one parse takes in: a tree of a few MB at most.
    static let chunkBytes = 1 << 18

    /// Where a line of a parsed piece is in the whole text.
    struct Lines {
        var offset: Int
        var collapsed: CollapsedQuoteRuns?
        func whole(_ line: Int) -> Int { offset + (collapsed?.originalLine(line) ?? line) }
    }

    /// Parses the first `length` bytes of `text` in pieces of about `chunkBytes`. `read` gets
    /// each piece's document while it lives and returns what is kept of it (never a node);
    /// `consume` gets that after the tree is freed. Long runs of plain quote lines are collapsed
    /// before a piece is parsed (`CollapsedQuoteRuns`, runs of `minimumRun` lines or more).
    static func parse<Kept>(
        _ text: SourceText, bytes length: Int, chunkBytes: Int, collapsingRunsOf minimumRun: Int,
        read: (MarkdownDocument, Lines) -> Kept, consume: (Kept) -> Void
    ) {
        text.bytes.withUnsafeBytes { whole in
            var start = 0
            var want = chunkBytes
            while start < length {
                let end = want >= length - start ? length : pieceEnd(text, after: start + want, limit: length)
                let lineOffset = line(holding: start, in: text) - 1
                let collapsed = CollapsedQuoteRuns(
                    text, bytes: start..<end, lines: lineOffset + 1, through: line(holding: end - 1, in: text), minimumRun: minimumRun)
                let piece = UnsafeRawBufferPointer(rebasing: whole[start..<end])
                // The piece's tree lives only inside this call, so what `consume` builds from
                // the kept part never lives beside it.
                guard let kept = parsePiece(piece, collapsed: collapsed, isLast: end == length, lines: Lines(offset: lineOffset, collapsed: collapsed), read: read)
                else {
                    want = want.multipliedReportingOverflow(by: 2).overflow ? .max : want * 2
                    continue
                }
                FreedMemory.release(afterFreeing: end - start)
                consume(kept)
                start = end
                want = chunkBytes
            }
        }
    }

    /// What `read` keeps of one piece; nil when the piece must grow (`closesEverything`).
    private static func parsePiece<Kept>(
        _ piece: UnsafeRawBufferPointer, collapsed: CollapsedQuoteRuns?, isLast: Bool, lines: Lines,
        read: (MarkdownDocument, Lines) -> Kept
    ) -> Kept? {
        let doc = collapsed.map { c in c.bytes.withUnsafeBytes { MarkdownDocument(bytes: $0) } } ?? MarkdownDocument(bytes: piece)
        guard isLast || closesEverything(doc.document) else { return nil }
        return read(doc, lines)
    }

    /// Where a piece that should reach `target` ends: just after the first blank line that ends
    /// at or past it, or `limit`.
    private static func pieceEnd(_ text: SourceText, after target: Int, limit: Int) -> Int {
        guard target < limit else { return limit }
        var n = line(holding: target, in: text)
        while n <= text.lineCount {
            let full = text.fullLineRange(n)
            if full.upperBound >= limit { return limit }
            if text.isBlank(line: n) { return full.upperBound }
            n += 1
        }
        return limit
    }

    /// Whether the last top-level block of a piece ending in a blank line is one a blank line
    /// always closes.
    private static func closesEverything(_ document: MarkdownNode) -> Bool {
        guard let last = document.lastChild else { return true }
        switch last.kind {
        case .paragraph, .heading, .thematicBreak, .blockQuote: return true
        default: return false
        }
    }

    /// The 1-based line holding byte `offset` (1 for the start of the file), by binary search.
    private static func line(holding offset: Int, in text: SourceText) -> Int {
        var low = 0
        var high = text.lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if text.lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }
}
