import ArgumentParser
import MissionSystem
import MissionKit

/// Runs a root command and maps every outcome to 0/1/2.
///
/// ArgumentParser's own usage errors exit with 64; missionctl promises 2 for any usage,
/// configuration or internal error, so errors are mapped here, in one place. `execute` returns
/// the code (in-process tests use it); `main` exits with it.
public enum CommandLineEntry {
    /// The executable's whole `main`: runs `Root` on the process arguments and exits. Only a
    /// command that is async starts Swift's concurrency runtime (its threads took a third of
    /// `--version`'s start-up); the others run on the main thread as they are.
    public static func main<Root: ParsableCommand>(_ root: Root.Type) -> Never {
        let command: ParsableCommand
        do {
            command = try Root.parseAsRoot(Array(CommandLine.arguments.dropFirst()))
        } catch {
            finish(code(for: error, root))
        }
        guard command is AsyncParsableCommand else { finish(runSynchronously(command, root)) }
        nonisolated(unsafe) let parsed = command
        Task { @MainActor in finish(await run(parsed, root)) }
        dispatchMain()
    }

    /// Parses and runs `arguments`; returns the exit code. Help and version text go to standard
    /// output with 0, usage errors to standard error with 2.
    public static func execute<Root: ParsableCommand>(_ root: Root.Type, arguments: [String]) async -> Int32 {
        let command: ParsableCommand
        do {
            command = try Root.parseAsRoot(arguments)
        } catch {
            return code(for: error, root)
        }
        return await run(command, root)
    }

    /// Runs a parsed command, async or not; the exit code.
    static func run<Root: ParsableCommand>(_ command: ParsableCommand, _ root: Root.Type) async -> Int32 {
        guard var asyncCommand = command as? AsyncParsableCommand else { return runSynchronously(command, root) }
        do {
            try await asyncCommand.run()
            return 0
        } catch {
            return code(for: error, root)
        }
    }

    /// Runs a parsed command that is not async; the exit code.
    static func runSynchronously<Root: ParsableCommand>(_ command: ParsableCommand, _ root: Root.Type) -> Int32 {
        do {
            var running = command
            try running.run()
            return 0
        } catch {
            return code(for: error, root)
        }
    }

    /// The exit code for what parsing or running threw, with its message written.
    static func code<Root: ParsableCommand>(for error: any Error, _ root: Root.Type) -> Int32 {
        if let code = error as? ExitCode { return code.rawValue }
        if let error = error as? MissionError {
            Console.error(error.message)
            return error.exitStatus ?? ExitStatus.failure.rawValue
        }
        if Root.exitCode(for: error) == .success {
            Console.out(Root.fullMessage(for: error) + "\n")  // --help, --version
            return 0
        }
        Console.raw(Root.fullMessage(for: error) + "\n")
        return ExitStatus.failure.rawValue
    }

    /// Exits with `code`, unless standard output could not be written: then the result is lost,
    /// and that is an error (exit 2), never a silent success.
    public static func finish(_ code: Int32) -> Never {
        if let problem = Console.flushStandardOutput() {
            Console.error("cannot write standard output (\(problem)); the report is lost. Write it with --output FILE.")
            exit(ExitStatus.failure.rawValue)
        }
        exit(code)
    }
}
