import MissionKit
import MissionSystem
import Synchronization

/// Terminal output: the report on standard output, messages on standard error, colour decisions.
///
/// In-process tests run a command inside `Console.capturing`, which collects both streams in
/// memory instead of writing to the process's descriptors.
public enum Console {
    /// The program name that prefixes error messages.
    nonisolated(unsafe) public static var program = "missionctl"

    /// Output collected in memory by `capturing`.
    public final class Capture: @unchecked Sendable {
        private let streams = Mutex<(out: String, err: String)>(("", ""))
        public init() {}
        public var stdout: String { streams.withLock { $0.out } }
        public var stderr: String { streams.withLock { $0.err } }
        func append(out text: String) { streams.withLock { $0.out += text } }
        func append(err text: String) { streams.withLock { $0.err += text } }
    }

    @TaskLocal static var capture: Capture?

    /// Runs `body` with standard output and standard error collected in `capture`.
    public static func capturing<T>(_ capture: Capture, _ body: () async throws -> T) async rethrows -> T {
        try await $capture.withValue(capture) { try await body() }
    }

    public static func error(_ message: String) {
        raw("\(program): \(message)\n")
    }

    public static func raw(_ message: String) {
        if let capture {
            capture.append(err: message)
            return
        }
        _ = FileSystem.write(Array(message.utf8), to: STDERR_FILENO)
    }

    /// The first standard-output write that failed, if any (output is written from one thread).
    nonisolated(unsafe) private static var outputError: String?

    /// Writes to standard output with write(2): a write that fails (a full disk, a closed pipe)
    /// is remembered for `flushStandardOutput`, never a trap (FileHandle.write traps on errors).
    public static func out(_ text: String) {
        if let capture {
            capture.append(out: text)
            return
        }
        guard outputError == nil else { return }
        var text = text
        let failed = text.withUTF8 { FileSystem.write(UnsafeRawBufferPointer($0), to: STDOUT_FILENO) }
        if failed != 0 { outputError = String(cString: strerror(failed)) }
    }

    /// `out` with a line break.
    public static func line(_ text: String) {
        out(text + "\n")
    }

    /// Flushes whatever `print` buffered; nil when all output was written, else why not.
    static func flushStandardOutput() -> String? {
        if fflush(nil) != 0 && outputError == nil { outputError = String(cString: strerror(errno)) }
        return outputError
    }

    /// `--color auto`: FORCE_COLOR (non-empty, not 0) forces colour; otherwise colour only on a
    /// terminal, never with NO_COLOR set (https://no-color.org) or TERM=dumb.
    public static var useColor: Bool {
        if capture != nil { return false }
        let env = ProcessInfo.processInfo.environment
        if let force = env["FORCE_COLOR"], !force.isEmpty, force != "0" { return true }
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1 && env["TERM"] != "dumb"
    }
}
