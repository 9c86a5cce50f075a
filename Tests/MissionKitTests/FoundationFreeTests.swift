import Foundation
import Testing

@testable import MissionKit

/// What missionctl writes itself since it stopped linking Foundation proper (issue 28): each
/// gives what the Foundation call it replaces gave.
@Suite struct FoundationFreeTests {
    @Test(arguments: [
        (0.0, 1, "0.0"), (2.25, 1, "2.3"), (1.05, 1, "1.1"), (-0.04, 1, "0.0"), (-1.26, 1, "-1.3"), (12.0, 3, "12.000"),
        (0.0004, 3, "0.000"), (0.0005, 3, "0.001"), (1234567.891, 2, "1234567.89"), (3.7, 0, "4"),
    ])
    func fixedDecimals(value: Double, digits: Int, expected: String) {
        #expect(value.fixed(digits) == expected)
    }

    @Test func naturalOrderComparesNumbersAsNumbers() {
        let ids = ["VAL-A-10", "VAL-A-2", "VAL-B-1", "VAL-A-002", "VAL-A-1", "VAL-A", "VAL-A-1b"]
        #expect(ids.sorted(by: NaturalOrder.precedes) == ["VAL-A", "VAL-A-1", "VAL-A-1b", "VAL-A-002", "VAL-A-2", "VAL-A-10", "VAL-B-1"])
        #expect(NaturalOrder.precedes("a9", "a10") && !NaturalOrder.precedes("a10", "a9"))
        #expect(!NaturalOrder.precedes("x", "x"))
    }

    @Test(arguments: [
        ("2026-03-01T10:00:00Z", 1_772_359_200.0), ("2026-03-01T10:00:00.250Z", 1_772_359_200.25),
        ("2026-03-01T12:00:00+02:00", 1_772_359_200.0),
    ])
    func isoTimesAreRead(text: String, seconds: Double) {
        #expect(ValidatorSynthesis.seconds(text) == seconds)
    }

    @Test func nonTimesAreNotRead() {
        #expect(ValidatorSynthesis.seconds("yesterday") == nil)
        #expect(ValidatorSynthesis.seconds("2026-13-45T99:00:00Z") == nil)
    }

    @Test func trimmingRemovesOnlyTheSetFromBothEnds() {
        #expect("  a b \t\n".trimming() == "a b")
        #expect("--a-b--".trimming("-") == "a-b")
        #expect("··a··".trimming("·") == "a")
        #expect("   ".trimming() == "")
    }

    @Test func aFilesTailAndAppendsAreByteExact() throws {
        let path = NSTemporaryDirectory() + "missionctl-tail-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileSystem.append(Array("abc".utf8), to: path)
        try FileSystem.append(Array("def".utf8), to: path)
        #expect(FileSystem.readTail(path, count: 4) == Array("cdef".utf8))
        #expect(FileSystem.readTail(path, count: 100) == Array("abcdef".utf8))
        #expect(FileSystem.readTail(path + ".missing", count: 4) == nil)
        #expect(FileSystem.folder(of: "a/b/c") == "a/b" && FileSystem.folder(of: "/c") == "/" && FileSystem.folder(of: "c") == ".")
    }
}
