import Foundation

/// Runs the built `missionctl` executable, as a user would.
enum Binary {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var fixtures: String { packageRoot + "/Tests/Fixtures" }

    /// The executable next to the test bundle (SwiftPM builds it because the tests depend on it).
    static let path: String = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [here.appendingPathComponent("missionctl").path]
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        if !exe.isEmpty {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("missionctl").path)
        }
        candidates.append(packageRoot + "/.build/debug/missionctl")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary; `stdoutPath` sends standard output to that file (say `/dev/full`) instead of
    /// a pipe; `executable` runs another program (a wrapper such as setpriv) with `arguments`.
    static func run(
        _ arguments: [String], cwd: String? = nil, environment: [String: String] = [:], stdin: String? = nil,
        stdoutPath: String? = nil, executable: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? path)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "FACTORY_MISSION_DIR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        if let stdoutPath, let handle = FileHandle(forWritingAtPath: stdoutPath) {
            process.standardOutput = handle
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        process.standardInput = input
        try process.run()
        if stdoutPath != nil { try out.fileHandleForWriting.close() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently-safe: outputs here are small, read stdout then stderr.
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Copies a fixture to a fresh temporary folder (tests that write must not touch the sources).
    static func copyFixture(_ name: String) throws -> String {
        let dest = NSTemporaryDirectory() + "missionctl-e2e-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: fixtures + "/" + name, toPath: dest)
        return dest
    }
}
