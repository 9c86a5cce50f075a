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
    /// `accept` can pass over an occurrence, and the search goes on before it.
    public static func lastIndexASCIICaseInsensitive(_ bytes: [UInt8], _ needle: String, where accept: (Int) -> Bool = { _ in true }) -> Int? {
        let pattern = Array(needle.lowercased().utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var found: Int?
            forEachCandidate(of: pattern, in: buffer, backwards: true) { i in
                guard matches(pattern, in: buffer, at: i), accept(i) else { return true }
                found = i
                return false
            }
            return found
        }
    }

    /// Whether `pattern` (lower-case ASCII) is at `i`, in any case.
    @inline(__always)
    private static func matches(_ pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var j = 1
        while j < pattern.count {
            var c = buffer[i + j]
            if c >= 65 && c <= 90 { c += 32 }
            if c != pattern[j] { return false }
            j += 1
        }
        return true
    }

    /// Calls `body` with each offset where `pattern` (lower-case ASCII) may start, in order or in
    /// reverse, until it returns false: where its first two bytes are, in any case, found sixteen
    /// offsets at a time by the C shim (SSE2). Every doc of a repository is searched this way: a
    /// memrchr call for each `m` of its prose cost more than the search itself.
    @inline(__always)
    private static func forEachCandidate(
        of pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, backwards: Bool, _ body: (Int) -> Bool
    ) {
        guard let base = buffer.baseAddress else { return }
        let limit = buffer.count - pattern.count + 1  // a match starts below this
        func folded(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        guard pattern.count >= 2 else {
            let offsets = backwards ? stride(from: limit - 1, through: 0, by: -1) : stride(from: 0, through: limit - 1, by: 1)
            for i in offsets where folded(buffer[i]) == pattern[0] {
                if !body(i) { return }
            }
            return
        }
        // The shim's test folds any byte with bit 5; the pair is then compared exactly.
        let (a, b) = (pattern[0] | 0x20, pattern[1] | 0x20)
        func isCandidate(_ i: Int) -> Bool { folded(buffer[i]) == pattern[0] && folded(buffer[i + 1]) == pattern[1] }
        // limit <= count - 1: the byte after each offset is in the buffer, as the shim needs.
        if backwards {
            var end = limit
            while end > 0 {
                let i = mc_prev_folded_pair(base, end, a, b)
                guard i >= 0 else { return }
                if isCandidate(i), !body(i) { return }
                end = i
            }
        } else {
            var start = 0
            while start < limit {
                let i = mc_next_folded_pair(base, start, limit, a, b)
                guard i >= 0 else { return }
                if isCandidate(i), !body(i) { return }
                start = i + 1
            }
        }
    }

    /// The offset of the first byte ≥ 0x80 at or after `start`, testing 32 bytes at a time (the
    /// look-alike search runs this over every listed doc).
    public static func firstNonASCII(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let high: UInt64 = 0x8080_8080_8080_8080
        func word(_ at: Int) -> UInt64 { UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self) }
        var i = start
        while i + 32 <= buffer.count, (word(i) | word(i + 8) | word(i + 16) | word(i + 24)) & high == 0 { i += 32 }
        while i + 8 <= buffer.count, word(i) & high == 0 { i += 8 }
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

    /// The offset of the first `byte` at or after `start` (memchr).
    public static func firstOffset(of byte: UInt8, in raw: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        guard let base = raw.baseAddress, start < raw.count, let hit = memchr(base + start, Int32(byte), raw.count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }

    /// Whether the bytes contain `needle` exactly (memmem: much faster than a byte loop, for
    /// markers that are always written in one case, such as `missionctl-`).
    public static func containsExactly(_ bytes: [UInt8], _ needle: String) -> Bool {
        bytes.withUnsafeBytes { containsExactly($0, needle) }
    }

    public static func containsExactly(_ haystack: UnsafeRawBufferPointer, _ needle: String) -> Bool {
        var pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        return pattern.withUnsafeMutableBytes { p in
            guard let base = haystack.baseAddress else { return false }
            return mc_memmem(base, haystack.count, p.baseAddress, p.count) != nil
        }
    }

    public static func containsASCIICaseInsensitive(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.lowercased().utf8)
        guard !pattern.isEmpty else { return true }
        guard bytes.count >= pattern.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            var found = false
            forEachCandidate(of: pattern, in: buffer, backwards: false) { i in
                found = matches(pattern, in: buffer, at: i)
                return !found
            }
            return found
        }
    }
}
