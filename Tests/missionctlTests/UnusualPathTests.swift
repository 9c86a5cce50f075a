import Foundation
import Testing
import MissionTestSupport

/// File names that are not UTF-8 and paths that cannot be read (issue 27, items 9 and 10).
@Suite struct UnusualPathTests {
    static let block = "> Mission status\n> Agent: a\n> Status: not-started\n> Current code differences: none\n> Todo: all of it\n> Fully implemented: no\n"

    func repo(listing items: [String]) throws -> String {
        let root = NSTemporaryDirectory() + "missionctl-paths-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/.factory", withIntermediateDirectories: true)
        let list = items.map { "- `\($0)`\n" }.joined()
        try Data("# M\n\nDocs carry Mission status blocks.\n\n## Source docs (closed set)\n\n\(list)".utf8)
            .write(to: URL(fileURLWithPath: root + "/.factory/AGENTS.md"))
        return root
    }

    /// Writes `text` to the file whose name is `name`'s bytes (any bytes but `/` and NUL).
    func write(_ text: String, folder: String, name: [UInt8]) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name
        let fd = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let bytes = Array(text.utf8)
        #expect(Glibc.write(fd, bytes, bytes.count) == bytes.count)
        close(fd)
    }

    @Test func namesThatAreNotUTF8AreReadByTheirBytesAndShownEscaped() throws {
        let root = try repo(listing: ["docs/"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("# Café\n\n" + Self.block, folder: root + "/docs", name: Array("caf".utf8) + [0xE9] + Array(".md".utf8))
        try write("# R\n\n" + Self.block, folder: root + "/notes", name: [0x72, 0xE9, 0x73, 0xFF] + Array(".md".utf8))
        let check = try binary.run(["check", "--repo", root, "--format", "line"])
        // The listed doc is read (no unreadable-source-doc); the unlisted one with a block is reported.
        #expect(!check.stdout.contains("unreadable") && !check.stdout.contains("missing-status-block"), "\(check.stdout)")
        #expect(check.stdout.contains("notes/r\\xE9s\\xFF.md:3:3: warning:") && check.stdout.contains("[unlisted-status-block]"), "\(check.stdout)")
        let json = try binary.run(["check", "--repo", root, "--format", "json"])
        #expect(json.stdout.contains("\"notes/r\\\\xE9s\\\\xFF.md\""), "\(json.stdout)")
        let show = try binary.run(["status", "show", "--repo", root])
        #expect(show.stdout.contains("docs/caf\\xE9.md") && show.stdout.contains("not-started"), "\(show.stdout)")
    }

    @Test func aListedFolderWithoutPermissionOrDocsSaysSo() throws {
        let root = try repo(listing: ["docs/", "empty/", "plain/", "locked/a.md"])
        defer {
            chmod(root + "/docs", 0o755)
            chmod(root + "/locked", 0o755)
            try? FileManager.default.removeItem(atPath: root)
        }
        try write("# A\n\n" + Self.block, folder: root + "/docs", name: Array("a.md".utf8))
        try write("# A\n\n" + Self.block, folder: root + "/locked", name: Array("a.md".utf8))
        try write("x", folder: root + "/plain", name: Array("a.txt".utf8))
        try write("# U\n\n" + Self.block, folder: root + "/other", name: Array("u.md".utf8))
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        chmod(root + "/other/u.md", 0)
        chmod(root + "/docs", 0)
        chmod(root + "/locked", 0)
        let check = try Self.runUnprivileged(["check", "--repo", root, "--format", "line"])
        #expect(check.stdout.contains("`docs/` is listed as a source doc but cannot be read (Permission denied) [unreadable-source-doc]"), "\(check.stdout)")
        #expect(check.stdout.contains("`locked/a.md` is listed as a source doc but cannot be read (Permission denied)"), "\(check.stdout)")
        #expect(check.stdout.contains("the folder `empty/` is listed but holds no Markdown file (it is empty)"), "\(check.stdout)")
        #expect(check.stdout.contains("the folder `plain/` is listed but holds no Markdown file (1 file(s), none of them Markdown)"), "\(check.stdout)")
        #expect(!check.stdout.contains("does not exist"), "\(check.stdout)")
        let json = try Self.runUnprivileged(["check", "--repo", root, "--format", "json"])
        #expect(json.stdout.contains("2 folder(s) and 1 Markdown file(s) could not be read"), "\(json.stdout)")
        #expect(json.stdout.contains("other/u.md"), "\(json.stdout)")
    }

    /// Runs the binary as a user whom permissions bind: `nobody` when the tests run as root
    /// (root reads a mode-000 folder), else the current user.
    static func runUnprivileged(_ arguments: [String]) throws -> TestExecutable.Result {
        guard getuid() == 0 else { return try binary.run(arguments) }
        return try binary.run(["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments, executable: "/usr/bin/setpriv")
    }
}
