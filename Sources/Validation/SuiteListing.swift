import MissionKit

/// Asks a mission's regression suite which assertion ids it has scenarios for.
///
/// Only a command that is missionctl's suite (`missionctl regress …` or `missionctl-tracking
/// regress …`) is asked, with `--list --format json` appended: appending flags to any other
/// command (`npm run regress`) could run the suite instead of listing it.
public enum SuiteListing {
    public enum Answer: Sendable, Equatable {
        case listed(SuiteIDs)
        case unknown(String)
    }

    /// Whether `command` (one shell line) runs missionctl's regression suite.
    public static func speaksListing(_ command: String) -> Bool {
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first, words.count >= 2 else { return false }
        let program = first.split(separator: "/").last.map(String.init) ?? first
        return (program == "missionctl" || program == "missionctl-tracking") && words[1] == "regress"
            && !command.contains(where: { ";|&<>`$\n".contains($0) })
    }

    public static func ask(_ command: ServicesFile.Command?, repo: String, interruption: Interruption? = nil) -> Answer {
        guard let command else { return .unknown("services.yaml declares no commands.regress") }
        guard speaksListing(command.command) else {
            return .unknown("commands.regress (`\(command.command)`) is not missionctl's suite, so it cannot be asked for its ids")
        }
        let output: ProcessRunner.Output
        do {
            output = try ProcessRunner.run(
                "/bin/sh", ["-c", command.command + " --list --format json"], in: repo, timeout: 60, interruption: interruption)
        } catch {
            return .unknown("cannot run `\(command.command) --list --format json`: \(error.message)")
        }
        guard output.status == 0, !output.timedOut else {
            let why = output.stderr.split(separator: "\n").last.map(String.init) ?? "exit \(output.status)"
            return .unknown("`\(command.command) --list --format json` failed: \(why)")
        }
        do {
            return .listed(try SuiteIDs.parse(output.stdout, source: "`\(command.command) --list --format json`"))
        } catch {
            return .unknown(error.message)
        }
    }
}
