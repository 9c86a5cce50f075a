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
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let error as MissionError {
            Console.error(error.message)
            exit(ExitStatus.failure.rawValue)
        } catch {
            if MissionCtl.exitCode(for: error) == .success {
                MissionCtl.exit(withError: error)  // --help, --version
            }
            Console.raw(MissionCtl.fullMessage(for: error) + "\n")
            exit(ExitStatus.failure.rawValue)
        }
    }
}
