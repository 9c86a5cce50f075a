import ArgumentParser
import MissionKit

/// `missionctl backend …`: run by the companion executable (see `Companion`).
struct BackendForwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backend",
        abstract: "Run the reference time-tracking backend (companion: missionctl-tracking backend).",
        discussion: "Runs `missionctl-tracking backend ARGS…`, found beside missionctl or on PATH. `missionctl backend --help` shows its options."
    )
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []
    func run() throws { try Companion.exec(["backend"] + arguments) }
}

/// `missionctl regress …`: run by the companion executable (see `Companion`).
struct RegressForwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Run the tracking backend's HTTP regression suite (companion: missionctl-tracking regress).",
        discussion: "Runs `missionctl-tracking regress ARGS…`, found beside missionctl or on PATH. `missionctl regress --help` shows its options."
    )
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []
    func run() throws { try Companion.exec(["regress"] + arguments) }
}

/// The `missionctl` executable's `main`: companion commands become the companion before any
/// parsing (so `missionctl regress --help` is the suite's own help); the rest is `MissionCtl`.
public enum MissionCommandLine {
    public static func main() -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, Companion.commands.contains(first) {
            do {
                try Companion.exec(arguments)
            } catch {
                Console.error(error.message)
                CommandLineEntry.finish(ExitStatus.failure.rawValue)
            }
        }
        CommandLineEntry.main(MissionCtl.self)
    }

    /// Runs `missionctl ARGUMENTS` in this process and returns the exit code (for tests;
    /// companion commands are not run in process).
    public static func execute(_ arguments: [String]) async -> Int32 {
        await CommandLineEntry.execute(MissionCtl.self, arguments: arguments)
    }
}
