import ArgumentParser
import Foundation
import MissionKit

extension ReportFormat: ExpressibleByArgument {}

/// `--format`, `--output`, `--strict`: shared by every command that reports findings.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: text (grouped by file), line (path:line:col: severity: message [rule]), json, sarif (2.1.0), or github (workflow commands).")
    var format: ReportFormat = .text

    @Option(help: "Colour in text output: auto (a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always, never.")
    var color: ColorChoice = .auto

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Treat warnings as errors for the exit code.")
    var strict = false

    /// Writes the report and returns the exit code it implies.
    func emit(_ report: DiagnosticsReport) throws -> ExitCode {
        try ReportOutput.write(format.render(report, color: color.enabled(toTerminal: output == nil)), to: output)
        return ExitCode(ExitStatus(report: report, strict: strict).rawValue)
    }
}

/// `--color`: whether text output is coloured.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(toTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return toTerminal && Console.useColor
        }
    }
}

/// Where a command's report goes: `--output FILE` (see `AtomicFile.writeOutput`) or standard output.
public enum ReportOutput {
    public static func write(_ text: String, to output: String?) throws {
        guard let output else {
            Console.out(text)
            return
        }
        do {
            try AtomicFile.writeOutput(Array(text.utf8), to: FileSystem.absolute(output))
        } catch {
            throw MissionError("--output \(error.message)")
        }
    }
}
