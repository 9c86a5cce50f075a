import MissionKit
import Testing

/// The case-insensitive searches that decide whether and how much of each doc is parsed (issue 28:
/// candidates found sixteen offsets at a time by the C shim) answer what a plain scan answers.
@Suite struct SourceTextSearchTests {
    static func naive(_ bytes: [UInt8], _ needle: String) -> Int? {
        let p = Array(needle.lowercased().utf8)
        guard bytes.count >= p.count else { return nil }
        for i in stride(from: bytes.count - p.count, through: 0, by: -1) {
            if (0..<p.count).allSatisfy({ j in (bytes[i + j] >= 65 && bytes[i + j] <= 90 ? bytes[i + j] + 32 : bytes[i + j]) == p[j] }) { return i }
        }
        return nil
    }

    @Test(arguments: [
        "", "mission status", "MISSION STATUS", "x Mission Status y mission status z", "mission statu", "Mmission status",
        "mission status\nmISSION sTATUS", "mission stat mission status mission", "> Mission status\n> Agent: a\n",
    ])
    func findsTheLastMatch(text: String) {
        let bytes = Array(text.utf8)
        #expect(SourceText.lastIndexASCIICaseInsensitive(bytes, "mission status") == Self.naive(bytes, "mission status"))
    }

    /// Random text over letters of the needles in both cases and bytes that equal them once bit 5
    /// is set (`@`, NUL, 0xCD): the shim's sixteen-at-a-time test folds those too, and the answer
    /// must still be a scan's. Forwards (`containsASCIICaseInsensitive`) and backwards, at lengths
    /// around the 16-byte steps.
    @Test func agreesWithAScanOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("mMiIsSoOnN tTaAuU\n>@`".utf8) + [0x00, 0x4D | 0x80, 0xED, 0xC9]
        for _ in 0..<600 {
            let bytes = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            for needle in ["mission status", "Status", "n s", " s", "m"] {
                let expected = Self.naive(bytes, needle)
                #expect(SourceText.lastIndexASCIICaseInsensitive(bytes, needle) == expected, "\(needle) in \(bytes)")
                #expect(SourceText.containsASCIICaseInsensitive(bytes, needle) == (expected != nil), "\(needle) in \(bytes)")
            }
        }
    }

    /// A match at every offset of texts 0–70 bytes long, in filler the pair test must pass over.
    @Test func aMatchIsFoundAtEveryOffset() {
        for length in 14...70 {
            for at in 0...(length - 14) {
                var bytes = Array(repeating: UInt8(ascii: "m"), count: length)
                bytes.replaceSubrange(at..<(at + 14), with: "MISSION status".utf8)
                #expect(SourceText.lastIndexASCIICaseInsensitive(bytes, "mission status") == at, "length \(length), at \(at)")
                #expect(SourceText.containsASCIICaseInsensitive(bytes, "mission status"), "length \(length), at \(at)")
            }
        }
    }

    /// 32 and 8 bytes at a time, from any start, at any alignment.
    @Test func theFirstNonASCIIByteIsFoundWherever() {
        for length in [0, 1, 7, 8, 9, 16, 31, 32, 33, 40, 63, 64, 71] {
            for position in 0..<max(1, length) {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                if length > 0 { bytes[position] = 0xC3 }
                for start in 0...length {
                    let found = bytes.withUnsafeBufferPointer { SourceText.firstNonASCII($0, from: start) }
                    #expect(found == (length > 0 && start <= position ? position : nil), "length \(length), byte at \(position), from \(start)")
                }
                #expect(SourceText.containsNonASCII(bytes) == (length > 0))
            }
        }
    }
}
