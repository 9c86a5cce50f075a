import Foundation
import Testing
import MissionTestSupport

/// Docs whose block a reader sees but missionctl cannot: look-alike headers and UTF-16/UTF-32
/// text (issue 27, items 6 and 7). check reports them; status set, status init and check --fix
/// refuse to write and leave the bytes as they were.
@Suite struct LookalikeAndEncodingTests {
    static let real = "> Mission status\n> Agent: a\n> Status: not-started\n> Current code differences: none\n> Todo: all of it\n> Fully implemented: no\n"

    func repo(_ doc: [UInt8]) throws -> String {
        let root = NSTemporaryDirectory() + "missionctl-lookalike-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/.factory", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/docs", withIntermediateDirectories: true)
        try Data("# M\n\nDocs carry Mission status blocks.\n\n## Source docs (closed set)\n\n- `docs/a.md`\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/.factory/AGENTS.md"))
        try Data(doc).write(to: URL(fileURLWithPath: root + "/docs/a.md"))
        return root
    }

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test(arguments: ["\u{41C}ission status", "Mission\u{A0}status", "Mission status\u{200B}", "\u{FF2D}ission status"])
    func aLookalikeHeaderIsAnErrorAndStatusSetRefuses(header: String) throws {
        let doc = Array(("# A\n\n> \(header)\n> Agent: a\n> Status: complete\n\n" + Self.real).utf8)
        let root = try repo(doc)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let check = try binary.run(["check", "--repo", root, "--format", "line"])
        #expect(check.status == 1 && check.stdout.contains("docs/a.md:3:3: error:") && check.stdout.contains("[lookalike-status-header]"), "\(check.stdout)")
        let set = try binary.run(["status", "set", "docs/a.md", "--repo", root, "--status", "in-progress"])
        #expect(set.status == 1 && set.stderr.contains("line 3"), "\(set.stderr)")
        #expect(try bytes(root + "/docs/a.md") == doc)
    }

    @Test(arguments: ["UTF-16 LE", "UTF-16 BE", "UTF-32 LE"])
    func aUTF16Or32DocIsReportedAndNeverWritten(encoding: String) throws {
        let text = "# A\n\n" + Self.real.replacingOccurrences(of: "> Agent: a", with: "> agent:  a")
        var doc: [UInt8]
        switch encoding {
        case "UTF-16 LE": doc = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "UTF-16 BE": doc = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }  // no mark: by its NUL bytes
        default: doc = [0xFF, 0xFE, 0, 0] + text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        }
        let root = try repo(doc)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let check = try binary.run(["check", "--repo", root, "--format", "line"])
        #expect(check.stdout.contains("[unsupported-encoding]") && check.stdout.contains(encoding), "\(check.stdout)")
        #expect(!check.stdout.contains("missing-status-block"))
        let set = try binary.run(["status", "set", "docs/a.md", "--repo", root, "--status", "in-progress"])
        #expect(set.status == 1 && set.stderr.contains("UTF-8 only"), "\(set.stderr)")
        _ = try binary.run(["status", "init", "--repo", root])
        _ = try binary.run(["check", "--fix", "--repo", root])
        #expect(try bytes(root + "/docs/a.md") == doc)
    }
}
