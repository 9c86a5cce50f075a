import MissionKit
import Testing

/// The backwards case-insensitive search that decides how much of each doc is parsed (issue 28:
/// memrchr over candidates instead of a byte loop) answers what a plain scan answers.
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

    @Test func agreesWithAScanOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("mMiIsSoOnN tTaAuU\n>".utf8)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(SourceText.lastIndexASCIICaseInsensitive(bytes, "mission status") == Self.naive(bytes, "mission status"))
            #expect(SourceText.lastIndexASCIICaseInsensitive(bytes, "Status") == Self.naive(bytes, "Status"))
        }
    }

    /// Eight bytes at a time, from any start, at any alignment.
    @Test func theFirstNonASCIIByteIsFoundWherever() {
        for length in [0, 1, 7, 8, 9, 16, 31] {
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
