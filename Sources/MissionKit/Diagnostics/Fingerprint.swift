/// A finding's identity across unrelated edits: its rule, its file and the content it is about
/// (the trimmed source line it points at), never its line number. Moving a status block down a
/// doc keeps its findings' fingerprints; editing the block's line changes them.
///
/// Identical (rule, file, content) triples are told apart by their order of occurrence, so two
/// equal problems in one file need two baseline entries.
public struct Fingerprinter {
    private let root: String
    private var lines: [String: [Substring]] = [:]

    /// `root` is the repository root that findings' relative paths start from.
    public init(root: String) {
        self.root = root
    }

    /// Fingerprints of `findings`, in the same order.
    public mutating func fingerprints(_ findings: [Finding]) -> [String] {
        var occurrences: [String: Int] = [:]
        return findings.map { f in
            let key = f.rule + "\u{0}" + f.file + "\u{0}" + content(of: f)
            let n = occurrences[key, default: 0]
            occurrences[key] = n + 1
            return Self.hash(key + "\u{0}" + String(n))
        }
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
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
