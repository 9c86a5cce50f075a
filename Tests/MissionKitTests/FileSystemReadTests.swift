import Foundation
import MissionKit
import MissionTestSupport
import Testing

/// `FileSystem.readBytes`: a file's bytes exactly, whatever its size, and also when it holds more
/// than its size said when it was opened.
@Suite struct FileSystemReadTests {
    @Test(arguments: [0, 1, 4095, 4096, 4097, 1 << 20])
    func aFileIsReadWhole(size: Int) throws {
        let folder = try PackagePaths.scratchFolder("read-\(size)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/f.bin"))
        #expect(try FileSystem.readBytes(folder + "/f.bin") == bytes)
    }

    /// Linux's /proc files say size 0 and hold text: the read that finds more than the size said
    /// (a file that grew since it was opened) reads on to the end.
    @Test func aFileLargerThanItsSizeIsReadToTheEnd() throws {
        let status = try FileSystem.readBytes("/proc/self/status")
        let text = String(decoding: status, as: UTF8.self)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nPid:") && text.hasSuffix("\n"))
    }
}
