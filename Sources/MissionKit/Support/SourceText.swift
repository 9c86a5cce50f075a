import CProcessSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a text file with an index of its lines.
///
/// Lines are byte ranges without their terminator (`\n`, `\r\n`, or a lone `\r`, as CommonMark
/// and cmark count them), so CRLF and CR files, a final line without newline and a UTF-8 byte
/// order mark all read the same way, and line numbers agree with cmark's.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0` (or 3 after a BOM).
    public let lineStarts: [Int]
    public let hasBOM: Bool

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        var starts = [hasBOM ? 3 : 0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            if memchr(base, 0x0D, raw.count) == nil {
                // No CR at all (the common case): only LF ends lines.
                var offset = 0
                while offset < raw.count, let hit = memchr(base + offset, 0x0A, raw.count - offset) {
                    let index = base.distance(to: UnsafeRawPointer(hit))
                    if index + 1 < raw.count { starts.append(index + 1) }
                    offset = index + 1
                }
                return
            }
            for index in 0..<raw.count {
                let b = raw[index]
                let ends = b == 0x0A || (b == 0x0D && (index + 1 == raw.count || raw[index + 1] != 0x0A))
                if ends, index + 1 < raw.count { starts.append(index + 1) }
            }
        }
        lineStarts = starts
    }

    public init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// The byte range of 1-based `line`, without its line terminator.
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// Whether 1-based `line` holds only spaces and tabs (a blank line, as CommonMark counts one).
    public func isBlank(line: Int) -> Bool {
        bytes[lineRange(line)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The byte range of `line` including its terminator (for edits that remove whole lines).
    public func fullLineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        return start..<end
    }

    /// The text of 1-based `line` (invalid UTF-8 is repaired, never fatal).
    public func line(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }

    /// The line terminator of the file's first line (LF when it has none): kept when the file
    /// is edited.
    public var lineEnding: String {
        guard let end = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
        if bytes[end] == 0x0A { return "\n" }
        return end + 1 < bytes.count && bytes[end + 1] == 0x0A ? "\r\n" : "\r"
    }

    /// Whether the file ends with a line terminator.
    public var endsWithNewline: Bool { bytes.last == 0x0A || bytes.last == 0x0D }
}

extension SourceText {
    /// Whether the bytes contain `needle` (ASCII, compared case-insensitively).
    ///
    /// Used as a cheap pre-filter: a file without the words "Mission status" cannot hold a block.
    public func containsASCIICaseInsensitive(_ needle: String) -> Bool {
        Self.containsASCIICaseInsensitive(bytes, needle)
    }

    /// The offset of the last occurrence of `needle` (ASCII, case-insensitive), searching backwards.
    /// Candidates are the last upper- and lower-case first letters, found with memrchr (a byte
    /// loop over every doc was a fifth of `check` on 10,000 docs).
    /// `accept` can pass over an occurrence, and the search goes on before it.
    public static func lastIndexASCIICaseInsensitive(_ bytes: [UInt8], _ needle: String, where accept: (Int) -> Bool = { _ in true }) -> Int? {
        let pattern = Array(needle.lowercased().utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        let upper = (first >= 97 && first <= 122) ? first - 32 : first
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            /// The last offset below `end` holding `byte`, or -1.
            func last(_ byte: UInt8, before end: Int) -> Int {
                guard end > 0, let hit = mc_memrchr(base, Int32(byte), end) else { return -1 }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            let limit = bytes.count - pattern.count + 1  // a match starts below this
            var lower = last(first, before: limit)
            var capital = upper == first ? -1 : last(upper, before: limit)
            while lower >= 0 || capital >= 0 {
                let i = max(lower, capital)
                var j = 1
                while j < pattern.count {
                    var c = buffer[i + j]
                    if c >= 65 && c <= 90 { c += 32 }
                    if c != pattern[j] { break }
                    j += 1
                }
                if j == pattern.count && accept(i) { return i }
                if i == lower { lower = last(first, before: i) } else { capital = last(upper, before: i) }
            }
            return nil
        }
    }

    /// The offset of the first byte ≥ 0x80 at or after `start`, testing eight bytes at a time.
    public static func firstNonASCII(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        var i = start
        while i + 8 <= buffer.count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < buffer.count {
            if buffer[i] >= 0x80 { return i }
            i += 1
        }
        return nil
    }

    /// Whether any byte is ≥ 0x80.
    public static func containsNonASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { firstNonASCII($0, from: 0) != nil }
    }

    /// Whether the bytes contain `needle` exactly (memmem: much faster than a byte loop, for
    /// markers that are always written in one case, such as `missionctl-`).
    public static func containsExactly(_ bytes: [UInt8], _ needle: String) -> Bool {
        var pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        return bytes.withUnsafeBytes { haystack in
            pattern.withUnsafeMutableBytes { p in
                guard let base = haystack.baseAddress else { return false }
                return mc_memmem(base, haystack.count, p.baseAddress, p.count) != nil
            }
        }
    }

    public static func containsASCIICaseInsensitive(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.lowercased().utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return pattern.isEmpty }
        let firstUpper = first >= 97 && first <= 122 ? first - 32 : first
        let last = bytes.count - pattern.count
        return bytes.withUnsafeBufferPointer { buffer -> Bool in
            var i = 0
            while i <= last {
                let b = buffer[i]
                if b == first || b == firstUpper {
                    var j = 1
                    while j < pattern.count {
                        var c = buffer[i + j]
                        if c >= 65 && c <= 90 { c += 32 }
                        if c != pattern[j] { break }
                        j += 1
                    }
                    if j == pattern.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
