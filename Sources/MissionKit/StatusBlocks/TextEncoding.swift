/// Encodings missionctl does not read: a doc in UTF-16 or UTF-32 looks like binary to a UTF-8
/// reader, so its blocks are invisible, and writing UTF-8 into it would corrupt it.
public enum TextEncoding {
    /// The encoding's name when `bytes` are UTF-16 or UTF-32 (by byte-order mark, or by the NUL
    /// pattern of ASCII text in them); nil for UTF-8 and ASCII.
    public static func unsupported(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 BE (byte-order mark)" }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 LE (byte-order mark)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 BE (byte-order mark)" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 LE (byte-order mark)" }
        let sample = bytes.prefix(512)
        guard sample.count >= 4, sample.withUnsafeBytes({ SourceText.firstOffset(of: 0, in: $0) }) != nil else { return nil }
        var zeros = [0, 0, 0, 0]
        for (i, b) in sample.enumerated() where b == 0 { zeros[i % 4] += 1 }
        let quarter = sample.count / 4
        // ASCII in UTF-32: three NULs in every four bytes; in UTF-16: one in every two.
        if zeros[1] + zeros[2] >= quarter * 2 - 2, zeros[1] >= quarter - 1 {
            return zeros[0] >= quarter - 1 ? "UTF-32 BE (NUL bytes)" : "UTF-32 LE (NUL bytes)"
        }
        let even = zeros[0] + zeros[2], odd = zeros[1] + zeros[3]
        if odd >= sample.count / 2 * 8 / 10 { return "UTF-16 LE (NUL bytes)" }
        if even >= sample.count / 2 * 8 / 10 { return "UTF-16 BE (NUL bytes)" }
        return nil
    }
}
