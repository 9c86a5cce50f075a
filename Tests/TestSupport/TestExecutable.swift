import Foundation

/// A built executable of either package, run as a user runs it.
public struct TestExecutable: Sendable {
    /// What one run gave.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public let path: String

    /// `name` as SwiftPM built it for these tests: beside the test bundle, beside the running
    /// test process, or in `packageRoot`'s debug build folder.
    public init(_ name: String, packageRoot: String = PackagePaths.root) {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [here.appendingPathComponent(name).path]
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent(name).path)
        }
        candidates.append(packageRoot + "/.build/debug/" + name)
        path = candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[candidates.count - 1]
    }

    /// Runs the executable with NO_COLOR and without FACTORY_MISSION_DIR; `stdoutPath` sends
    /// standard output to that file (say `/dev/full`) instead of a pipe; `executable` runs
    /// another program (a wrapper such as setpriv) with `arguments`.
    public func run(
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
        // Standard error is read on its own thread: a command that fills that pipe while
        // standard output is being read would otherwise wait forever.
        let stderrData = LockedData()
        let reader = Thread { stderrData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderrBytes = stderrData.wait()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrBytes, as: UTF8.self))
    }
}

/// Data handed from a reader thread, waited for.
private final class LockedData: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()
    func set(_ value: Data) {
        data = value
        done.signal()
    }
    func wait() -> Data {
        done.wait()
        return data
    }
}
