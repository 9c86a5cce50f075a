/// A piece of a doc with the middle of each long run of plain quote lines left out, so that cmark
/// builds a tree of a few lines where the piece has thousands: a block quote of 400,000 fields
/// without a blank line was a tree of 15 times its text.
///
/// A plain line is quote markers (`>`, each with at most one space after it), then a letter, and
/// no `<` or `>` after. In a run of plain lines with the same markers, every line after the first
/// continues whatever the first is in (a paragraph, a code or HTML block, a list item's text):
/// none can open or close a block (no block starts with a letter, and only an HTML block closes on
/// a line's content, at a `>`). Leaving out all but the first and last line of a run therefore
/// gives the same blocks, each on the same kept lines; `originalLine` maps the lines back.
struct CollapsedQuoteRuns {
    /// The piece without the left-out lines.
    let bytes: [UInt8]
    /// (first line of the collapsed text at or after which `removed` applies, lines left out before it).
    private let shifts: [(line: Int, removed: Int)]

    /// Runs of at least this many lines are collapsed (a shorter run costs cmark little).
    static let minimumRun = 256

    /// The piece `bytes` of `text`, which starts at the start of line `firstLine` and ends in line
    /// `lastLine` (1-based, in the whole text), with each run of `minimumRun` or more plain lines
    /// collapsed; nil when there is none.
    init?(_ text: SourceText, bytes piece: Range<Int>, lines firstLine: Int, through lastLine: Int, minimumRun: Int = minimumRun) {
        guard lastLine >= firstLine else { return nil }
        let runs = Self.runs(text, lines: firstLine, through: lastLine, minimumRun: max(3, minimumRun))
        guard !runs.isEmpty else { return nil }
        var bytes: [UInt8] = []
        var shifts: [(line: Int, removed: Int)] = []
        var from = piece.lowerBound
        var removed = 0
        for run in runs {
            let last = run.upperBound - 1
            // Keep through the end of the run's first line; go on from the start of its last.
            bytes += text.bytes[from..<text.fullLineRange(run.lowerBound).upperBound]
            from = text.lineStarts[last - 1]
            removed += run.count - 2
            shifts.append((line: last - firstLine + 1 - removed, removed: removed))
        }
        bytes += text.bytes[from..<piece.upperBound]
        self.bytes = bytes
        self.shifts = shifts
    }

    /// The line of the piece (1-based) that line `line` of the collapsed text is.
    func originalLine(_ line: Int) -> Int {
        // The last shift at or before `line`, by binary search: a piece can have many runs.
        var low = 0
        var high = shifts.count
        while low < high {
            let mid = (low + high) / 2
            if shifts[mid].line <= line { low = mid + 1 } else { high = mid }
        }
        return line + (low == 0 ? 0 : shifts[low - 1].removed)
    }

    /// The runs of plain lines to collapse, as ranges of whole-text lines, in order.
    private static func runs(_ text: SourceText, lines firstLine: Int, through lastLine: Int, minimumRun: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var runStart = firstLine
        var runMarkers: Range<Int>?
        func close(before line: Int) {
            if runMarkers != nil, line - runStart >= minimumRun { runs.append(runStart..<line) }
        }
        for n in firstLine...lastLine {
            let markers = plainMarkers(text, line: n)
            if let markers, let current = runMarkers,
                text.bytes[markers].elementsEqual(text.bytes[current])
            {
                continue
            }
            close(before: n)
            runStart = n
            runMarkers = markers
        }
        close(before: lastLine + 1)
        return runs
    }

    /// The byte range of line `n`'s quote markers when the line is plain; nil otherwise.
    private static func plainMarkers(_ text: SourceText, line n: Int) -> Range<Int>? {
        let range = text.lineRange(n)
        let bytes = text.bytes
        var i = range.lowerBound
        while i < range.upperBound, bytes[i] == UInt8(ascii: ">") {
            i += 1
            if i < range.upperBound, bytes[i] == UInt8(ascii: " ") { i += 1 }
        }
        guard i > range.lowerBound, i < range.upperBound else { return nil }
        let first = bytes[i] | 0x20
        guard first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return nil }
        for b in bytes[i..<range.upperBound] where b == UInt8(ascii: "<") || b == UInt8(ascii: ">") { return nil }
        return range.lowerBound..<i
    }
}
