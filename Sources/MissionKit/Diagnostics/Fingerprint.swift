/// A finding's identity across unrelated edits: its rule, its file and the content it is about
/// (the trimmed source line it points at), never its line number. Moving a status block down a
/// doc keeps its findings' fingerprints; editing the block's line changes them.
///
/// Identical (rule, file, content) triples are told apart by their order of occurrence, so two
/// equal problems in one file need two baseline entries.
public struct Fingerprinter {
    private let root: String
    private var lines: [String: [Substring]] = [:]
    /// How often each (rule, file, content) key has occurred, by the key's hash: the keys
    /// themselves, one per finding, were most of a large report's memory.
    private var occurrences: [UInt64: Int] = [:]

    /// `root` is the repository root that findings' relative paths start from.
    public init(root: String) {
        self.root = root
    }

    /// Fingerprints of `findings`, in the same order (numbered on from any fingerprinted before).
    public mutating func fingerprints(_ findings: [Finding]) -> [String] {
        findings.map { next($0) }
    }

    /// The fingerprint of `f`, the next finding in order after those already fingerprinted.
    public mutating func next(_ f: Finding) -> String {
        let key = f.rule + "\u{0}" + f.file + "\u{0}" + content(of: f)
        let n = occurrences[Self.fnv(key), default: 0]
        occurrences[Self.fnv(key)] = n + 1
        return Self.hash(key + "\u{0}" + String(n))
    }

    /// The trimmed text of the finding's line; for a finding about a whole file (or a file that
    /// cannot be read), its message with digits removed (messages may quote line numbers).
    mutating func content(of f: Finding) -> String {
        let text: [Substring]
        if let cached = lines[f.file] {
            text = cached
        } else {
            let path = f.file.hasPrefix("/") ? f.file : root + "/" + f.file
            let bytes = (try? FileSystem.readBytes(path, limit: 4 * 1024 * 1024)) ?? []
            text = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            lines[f.file] = text
        }
        if f.line > 1 || f.column > 1, f.line <= text.count {
            let line = String(text[f.line - 1]).trimming(" \t\r")
            if !line.isEmpty { return line }
        }
        return String(f.message.filter { !$0.isNumber })
    }

    /// 64-bit FNV-1a, as 16 hex digits: stable across runs and platforms (Swift's Hasher is seeded).
    static func hash(_ s: String) -> String {
        let hex = String(fnv(s), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func fnv(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
