/// A line that shows "Mission status" to a reader but is not the header to missionctl: a
/// Cyrillic `М`, a fullwidth `Ｍ`, a no-break space or a zero-width character in it. Such a block
/// renders like the real one (a `complete` look-alike above the real `not-started` block), so it is
/// reported, never silently passed over.
public struct LookalikeHeader: Sendable, Hashable {
    public var line: Int
    public var column: Int
    /// The line's text with the characters that differ made visible (`\u{41C}`).
    public var shown: String

    /// Every look-alike header line of `text` outside fenced code. Lines are judged by their bytes
    /// first: only a quote line holding a non-ASCII byte becomes a string, so a long doc costs
    /// one pass.
    public static func find(in text: SourceText) -> [LookalikeHeader] {
        guard hasQuoteLineWithNonASCII(text.bytes) else { return [] }
        let bytes = text.bytes
        var found: [LookalikeHeader] = []
        var fence: UInt8?  // ` or ~ of an open fence
        for line in 1...max(1, text.lineCount) where text.lineCount > 0 {
            let range = text.lineRange(line)
            var start = range.lowerBound
            while start < range.upperBound, start - range.lowerBound < 4, bytes[start] == UInt8(ascii: " ") { start += 1 }
            guard start < range.upperBound, start - range.lowerBound <= 3 else { continue }
            let first = bytes[start]
            if first == UInt8(ascii: "`") || first == UInt8(ascii: "~"), range.upperBound - start >= 3,
                bytes[start + 1] == first, bytes[start + 2] == first
            {
                if fence == nil { fence = first } else if fence == first { fence = nil }
                continue
            }
            guard fence == nil, first == UInt8(ascii: ">"), bytes[start..<range.upperBound].contains(where: { $0 >= 0x80 }) else { continue }
            let raw = String(decoding: bytes[range], as: UTF8.self)
            var content = Substring(raw).drop { $0 == " " }
            while let c = content.first, c == ">" || c == " " || c == "\t" { content = content.dropFirst() }
            guard !StatusFieldLabel.isHeader(content), isLookalike(content) else { continue }
            found.append(LookalikeHeader(line: line, column: raw.count - content.count + 1, shown: visible(content)))
        }
        return found
    }

    /// Whether a line starting with `>` (after at most three spaces) holds a byte ≥ 0x80: only
    /// such a line can be a look-alike, and most docs with non-ASCII text have it in prose only.
    /// Non-ASCII bytes are found eight at a time; each one's line is looked at once.
    static func hasQuoteLineWithNonASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while let hit = SourceText.firstNonASCII(buffer, from: i) {
                var start = hit
                while start > 0, buffer[start - 1] != 0x0A { start -= 1 }
                var s = start
                while s < hit, s - start < 4, buffer[s] == UInt8(ascii: " ") { s += 1 }
                if s - start <= 3, buffer[s] == UInt8(ascii: ">") { return true }
                i = hit
                while i < buffer.count, buffer[i] != 0x0A { i += 1 }
            }
            return false
        }
    }

    /// Whether `content`, with confusable letters, odd spaces and invisible characters folded to
    /// ASCII, reads "Mission status".
    static func isLookalike(_ content: Substring) -> Bool {
        var folded = ""
        for scalar in content.unicodeScalars {
            if let ascii = fold(scalar) { folded.append(ascii) }
        }
        let words = folded.lowercased().split { $0 == " " || $0 == "*" || $0 == "_" || $0 == ":" || $0 == "#" }
        return words == ["mission", "status"]
    }

    /// The ASCII a character is mistaken for; nil for an invisible one.
    static func fold(_ s: Unicode.Scalar) -> Character? {
        switch s.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0xFEFF, 0x00AD: return nil  // invisible
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
        case 0xFF01...0xFF5E: return Character(Unicode.Scalar(s.value - 0xFEE0)!)  // fullwidth forms
        default: break
        }
        if let ascii = confusables[s.value] { return ascii }
        return Character(s)
    }

    /// Cyrillic and Greek letters that look like Latin ones.
    static let confusables: [UInt32: Character] = [
        0x0410: "A", 0x0412: "B", 0x0415: "E", 0x041A: "K", 0x041C: "M", 0x041D: "H", 0x041E: "O", 0x0420: "P", 0x0421: "C",
        0x0422: "T", 0x0425: "X", 0x0405: "S", 0x0406: "I", 0x0430: "a", 0x0435: "e", 0x043E: "o", 0x0440: "p", 0x0441: "c",
        0x0443: "y", 0x0445: "x", 0x0455: "s", 0x0456: "i", 0x0458: "j", 0x0391: "A", 0x0392: "B", 0x0395: "E", 0x0397: "H",
        0x0399: "I", 0x039A: "K", 0x039C: "M", 0x039D: "N", 0x039F: "O", 0x03A1: "P", 0x03A4: "T", 0x03A7: "X", 0x03B9: "i",
        0x03BF: "o", 0x03C5: "u",
    ]

    /// `content` with every non-ASCII character as `\u{…}`.
    static func visible(_ content: Substring) -> String {
        var out = ""
        for s in content.unicodeScalars {
            if s.isASCII, s.value >= 0x20 { out.unicodeScalars.append(s) } else { out += "\\u{\(String(s.value, radix: 16, uppercase: true))}" }
        }
        return out
    }
}
