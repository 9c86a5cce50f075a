import Foundation

/// Terminal output: stderr messages and colour decisions.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("missionctl: \(message)\n".utf8))
    }

    static func raw(_ message: String) {
        FileHandle.standardError.write(Data(message.utf8))
    }

    /// The first standard-output write that failed, if any (output is written from one thread).
    nonisolated(unsafe) private static var outputError: String?

    /// Writes to standard output with write(2): a write that fails (a full disk, a closed pipe)
    /// is remembered for `flushStandardOutput`, never a trap (FileHandle.write traps on errors).
    static func out(_ text: String) {
        guard outputError == nil else { return }
        var copy = text
        copy.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    outputError = String(cString: strerror(errno))
                    return
                }
                offset += n
            }
        }
    }

    /// `out` with a line break.
    static func line(_ text: String) {
        out(text + "\n")
    }

    /// Flushes whatever `print` buffered; nil when all output was written, else why not.
    static func flushStandardOutput() -> String? {
        if fflush(nil) != 0 && outputError == nil { outputError = String(cString: strerror(errno)) }
        return outputError
    }

    /// `--color auto`: FORCE_COLOR (non-empty, not 0) forces colour; otherwise colour only on a
    /// terminal, never with NO_COLOR set (https://no-color.org) or TERM=dumb.
    static var useColor: Bool {
        let env = ProcessInfo.processInfo.environment
        if let force = env["FORCE_COLOR"], !force.isEmpty, force != "0" { return true }
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1 && env["TERM"] != "dumb"
    }
}
