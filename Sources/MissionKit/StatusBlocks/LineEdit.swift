/// Replaces whole lines of a file: `removing` lines from 1-based `line`, inserting `inserting`
/// (texts without terminators) in their place.
///
/// Status edits are expressed as line edits so that every byte outside the touched lines is
/// copied unchanged, and so that a unified diff can be produced from the edits themselves.
public struct LineEdit: Sendable, Hashable {
    public var line: Int
    public var removing: Int
    public var inserting: [String]

    public init(line: Int, removing: Int, inserting: [String]) {
        self.line = line
        self.removing = removing
        self.inserting = inserting
    }

    /// Applies non-overlapping edits to `text`. New lines use the file's own line ending; a file
    /// without a final newline keeps that.
    public static func apply(_ edits: [LineEdit], to text: SourceText) -> [UInt8] {
        let eol = Array(text.lineEnding.utf8)
        let sorted = edits.sorted { ($0.line, $0.removing) < ($1.line, $1.removing) }
        var out: [UInt8] = []
        out.reserveCapacity(text.bytes.count + 512)
        var cursor = 0  // byte offset in the original
        let lineCount = text.isEmptyFile ? 0 : text.lineCount
        for edit in sorted {
            let start = edit.line <= lineCount ? text.fullLineRange(edit.line).lowerBound : text.bytes.count
            if start > cursor { out += text.bytes[cursor..<start] }
            // Inserting at the end of a file whose last line has no terminator: add one first.
            if edit.line > lineCount, !text.bytes.isEmpty, !text.endsWithNewline, !edit.inserting.isEmpty {
                out += eol
            }
            for line in edit.inserting {
                out += Array(line.utf8)
                out += eol
            }
            let lastRemoved = edit.line + edit.removing - 1
            cursor = edit.removing > 0 ? text.fullLineRange(min(lastRemoved, lineCount)).upperBound : max(start, cursor)
        }
        if cursor < text.bytes.count { out += text.bytes[cursor...] }
        // Keep the absence of a final newline when the edit reached the end of the file.
        if !text.bytes.isEmpty, !text.endsWithNewline, out.count >= eol.count, out.suffix(eol.count).elementsEqual(eol) {
            out.removeLast(eol.count)
        }
        return out
    }

    /// A unified diff (3 lines of context) of `edits` against `text`, labelled with `path`.
    public static func unifiedDiff(_ edits: [LineEdit], of text: SourceText, path: String) -> String {
        let sorted = edits.sorted { $0.line < $1.line }
        guard !sorted.isEmpty else { return "" }
        let lineCount = text.isEmptyFile ? 0 : text.lineCount
        let context = 3
        // Group edits whose context windows touch into hunks.
        var groups: [[LineEdit]] = []
        for edit in sorted {
            if let last = groups.last?.last, edit.line - (last.line + last.removing) <= 2 * context {
                groups[groups.count - 1].append(edit)
            } else {
                groups.append([edit])
            }
        }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var shift = 0  // new line number minus old line number before the current hunk
        for group in groups {
            let first = group[0]
            let last = group[group.count - 1]
            let oldStart = max(1, first.line - context)
            let oldEnd = min(lineCount, last.line + last.removing - 1 + context)
            var body = ""
            var oldCount = 0
            var newCount = 0
            var line = oldStart
            var hunkShift = 0
            for edit in group {
                while line < edit.line && line <= oldEnd {
                    body += " " + text.line(line) + text.terminatorForDiff(line)
                    line += 1
                    oldCount += 1
                    newCount += 1
                }
                for l in edit.line..<(edit.line + edit.removing) where l <= lineCount {
                    body += "-" + text.line(l) + text.terminatorForDiff(l)
                    oldCount += 1
                }
                for l in edit.inserting {
                    body += "+" + l + text.lineEnding
                    newCount += 1
                }
                line = edit.line + edit.removing
                hunkShift += edit.inserting.count - edit.removing
            }
            while line <= oldEnd {
                body += " " + text.line(line) + text.terminatorForDiff(line)
                line += 1
                oldCount += 1
                newCount += 1
            }
            let newStart = (oldCount == 0 ? oldStart - 1 : oldStart) + shift
            out += "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart : newStart),\(newCount) @@\n" + body
            shift += hunkShift
        }
        return out
    }
}

extension SourceText {
    /// The terminator of `line` as the file has it (`\r\n` stays `\r\n`, so `patch` applies the
    /// diff to a CRLF file); a last line without one gets diff's "No newline" marker.
    func terminatorForDiff(_ line: Int) -> String {
        let terminator = bytes[lineRange(line).upperBound..<fullLineRange(line).upperBound]
        return terminator.isEmpty ? "\n\\ No newline at end of file\n" : String(decoding: terminator, as: UTF8.self)
    }

    /// A zero-byte file (which still reports one empty line).
    var isEmptyFile: Bool { bytes.isEmpty || bytes.count == (hasBOM ? 3 : 0) }
}
