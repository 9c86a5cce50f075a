import ArgumentParser
import Foundation
import MissionKit

extension ReportFormat: ExpressibleByArgument {}

/// `--format`, `--output`, `--strict`: shared by every command that reports findings.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: text (grouped by file), json, sarif (2.1.0), or github (workflow commands).")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Treat warnings as errors for the exit code.")
    var strict = false

    /// Writes the report and returns the exit code it implies.
    func emit(_ report: DiagnosticsReport) throws -> ExitCode {
        try ReportOutput.write(format.render(report, color: output == nil && Console.useColor), to: output)
        return ExitCode(ExitStatus(report: report, strict: strict).rawValue)
    }
}

/// Where a command's report goes: `--output FILE` (see `AtomicFile.writeOutput`) or standard output.
enum ReportOutput {
    static func write(_ text: String, to output: String?) throws {
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
