import ArgumentParser
import Foundation
import MissionKit

/// Runs the root command and maps every outcome to 0/1/2.
///
/// ArgumentParser's own usage errors exit with 64; missionctl promises 2 for any usage,
/// configuration or internal error, so errors are mapped here, in one place.
enum CommandLineEntry {
    static func run() async {
        do {
            var command = try MissionCtl.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            finish(0)
        } catch let code as ExitCode {
            finish(code.rawValue)
        } catch let error as MissionError {
            Console.error(error.message)
            finish(error.exitStatus ?? ExitStatus.failure.rawValue)
        } catch {
            if MissionCtl.exitCode(for: error) == .success {
                MissionCtl.exit(withError: error)  // --help, --version
            }
            Console.raw(MissionCtl.fullMessage(for: error) + "\n")
            finish(ExitStatus.failure.rawValue)
        }
    }

    /// Exits with `code`, unless standard output could not be written: then the result is lost,
    /// and that is an error (exit 2), never a silent success.
    static func finish(_ code: Int32) -> Never {
        if let problem = Console.flushStandardOutput() {
            Console.error("cannot write standard output (\(problem)); the report is lost. Write it with --output FILE.")
            exit(ExitStatus.failure.rawValue)
        }
        exit(code)
    }
}
