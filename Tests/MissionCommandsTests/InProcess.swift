import Foundation
import MissionCommands
import MissionTestSupport

/// Runs `missionctl` commands in this process, with both output streams captured.
enum InProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) async -> Result {
        let capture = Console.Capture()
        let status = await Console.capturing(capture) { await MissionCommandLine.execute(arguments) }
        return Result(status: status, stdout: capture.stdout, stderr: capture.stderr)
    }

    static var packageRoot: String { PackagePaths.root }

    static var fixtures: String { PackagePaths.fixtures }

    /// A fresh temporary folder with `files` (relative path → content).
    static func folder(_ files: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "missionctl-inproc-" + UUID().uuidString
        for (path, content) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return root
    }
}
