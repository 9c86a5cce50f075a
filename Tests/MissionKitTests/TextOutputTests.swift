import Foundation
import MissionKit
import Testing

/// `TextOutput`: text handed on in bounded chunks, in order, with the sink's first error kept.
@Suite struct TextOutputTests {
    @Test func chunksArriveInOrderAndStaySmall() throws {
        var chunks: [String] = []
        let out = TextOutput(chunkSize: 100) { chunks.append($0) }
        for i in 0..<1000 { out += "line \(i)\n" }
        #expect(chunks.count > 50)  // handed on while writing, not at the end
        try out.finish()
        #expect(chunks.joined() == (0..<1000).map { "line \($0)\n" }.joined())
        #expect(chunks.allSatisfy { $0.utf8.count < 100 + 16 })
    }

    @Test func aPieceLargerThanAChunkGoesOnWholeAfterWhatWasBuffered() throws {
        var chunks: [String] = []
        let out = TextOutput(chunkSize: 100) { chunks.append($0) }
        out += "head "
        out += String(repeating: "x", count: 500)
        out += " tail"
        try out.finish()
        #expect(chunks == ["head ", String(repeating: "x", count: 500), " tail"])
    }

    @Test func theSinksFirstErrorIsThrownByFinishAndLaterChunksAreDropped() {
        var calls = 0
        let out = TextOutput(chunkSize: 10) { (_: String) throws(MissionError) in
            calls += 1
            throw MissionError("disk full \(calls)")
        }
        for _ in 0..<20 { out += "0123456789" }
        #expect(calls == 1)
        #expect(throws: MissionError.self) { try out.finish() }
        do { try out.finish() } catch { #expect(error.message == "disk full 1") }
    }

    @Test func collectGivesTheWholeText() {
        #expect(TextOutput.collect { out in for c in "abc" { out += String(c) } } == "abc")
    }

    /// A page written in many chunks through `AtomicFile.writeOutput(to:)` is the same file as
    /// one written whole.
    @Test func chunkedOutputWritesTheWholeFile() throws {
        let folder = FileSystem.temporaryDirectory + "/textoutput-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = (0..<50_000).map { "row \($0) ünïcode\n" }.joined()
        try AtomicFile.writeOutput(to: folder + "/page.html") { (put: AtomicFile.Put) throws(MissionError) in
            let out = TextOutput(chunkSize: 4096) { (chunk: String) throws(MissionError) in try put.text(chunk) }
            for line in text.split(separator: "\n") { out += line + "\n" }
            try out.finish()
        }
        #expect(try FileSystem.readBytes(folder + "/page.html") == Array(text.utf8))
    }
}
