import Foundation

/// Terminal output: stderr messages and colour decisions.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("missionctl: \(message)\n".utf8))
    }

    static func raw(_ message: String) {
        FileHandle.standardError.write(Data(message.utf8))
    }

    /// Colour only on a terminal, never with NO_COLOR set (https://no-color.org convention).
    static var useColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
