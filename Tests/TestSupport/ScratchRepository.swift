import Foundation

/// A throwaway folder built from a dictionary of files, optionally a git repository built
/// commit by commit; removed on deinit.
public final class ScratchRepository {
    public let root: String

    public init(_ files: [String: String] = [:], label: String = "repo") throws {
        root = try PackagePaths.scratchFolder(label)
        for (path, content) in files { try write(path, content) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    public func write(_ path: String, _ content: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    /// `git init` on `main` with a test identity and no signing.
    public func initGit() throws {
        try git("init", "-q", "-b", "main")
        try git("config", "user.email", "test@example.com")
        try git("config", "user.name", "Test")
        try git("config", "commit.gpgsign", "false")
    }

    /// Runs git in the repository; its trimmed standard output, or an error with its standard error.
    @discardableResult
    public func git(_ args: String...) throws -> String { try git(args) }

    @discardableResult
    public func git(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", root] + args
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw ScratchError("git \(args.joined(separator: " ")) failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes files (nil removes one) and commits them all; returns the short id.
    @discardableResult
    public func commit(_ message: String, _ files: [String: String?]) throws -> String {
        for (path, content) in files {
            if let content { try write(path, content) } else { try git("rm", "-q", path) }
        }
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try git("rev-parse", "--short", "HEAD")
    }
}

/// A scratch repository step that failed.
public struct ScratchError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
