import ArgumentParser
import MissionSystem
import MissionKit

extension ReportFormat: ExpressibleByArgument {}

/// `--format`, `--output`, `--strict`, `--config`, the baseline: shared by every command that
/// reports findings. Options given on the command line win over `.missionctl.yml`.
struct ReportOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Output format: text (grouped by file), line (path:line:col: severity: message [rule]), json, sarif (2.1.0), github (workflow commands), or junit (default: the config's `format`, else text).",
            valueName: "format"))
    var format: ReportFormat?

    @Option(help: "Colour in text output: auto (a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always, never.")
    var color: ColorChoice = .auto

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(inversion: .prefixedNo, help: "Treat warnings as errors for the exit code (default: the config's `strict`, else off).")
    var strict: Bool?

    @Option(help: ArgumentHelp("The configuration file (default: .missionctl.yml at the repository root, when present).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Report only findings that are not in this baseline (written by --write-baseline).", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Record the current findings in FILE as the baseline, then report as usual.", valueName: "file"))
    var writeBaseline: String?

    /// The repository's configuration: `--config FILE`, else `.missionctl.yml` at `repo`, else defaults.
    func configuration(repo: String) throws -> Configuration {
        try Self.configuration(option: config, repo: repo)
    }

    /// Applies the baseline to a report the configuration was applied to (`CheckFrontend.check`),
    /// writes it and returns the exit code it implies.
    func emit(_ report: DiagnosticsReport, repo: String, config: Configuration, command: String) throws -> ExitCode {
        try write(applyBaseline(report, repo: repo), repo: repo, config: config, command: command)
    }

    /// The report as it will be shown: the configuration applied, `--write-baseline` written,
    /// `--baseline`'s known findings removed. Call once per report.
    func prepare(_ report: DiagnosticsReport, repo: String, config: Configuration) throws -> DiagnosticsReport {
        try applyBaseline(config.apply(to: report), repo: repo)
    }

    /// `--write-baseline` written, `--baseline`'s known findings removed.
    func applyBaseline(_ report: DiagnosticsReport, repo: String) throws -> DiagnosticsReport {
        var report = report
        if let writeBaseline {
            do throws(MissionError) {
                try AtomicFile.writeText(to: FileSystem.absolute(writeBaseline)) { Baseline.write(report, root: repo, to: $0) }
            } catch {
                throw MissionError("--write-baseline \(error.message)")
            }
            Console.raw("missionctl: wrote \(report.findings.count) finding(s) to the baseline \(writeBaseline)\n")
        }
        if let baseline {
            let path = FileSystem.absolute(baseline)
            guard FileSystem.exists(path) else {
                throw MissionError("--baseline \(baseline): no such file (create it with --write-baseline \(baseline))")
            }
            let known: Baseline
            do {
                known = try Baseline.parse(try FileSystem.readBytes(path), file: baseline)
            } catch {
                throw MissionError(error.message)
            }
            report = known.filter(report, root: repo, file: baseline)
        }
        return report
    }

    /// Writes a prepared report and returns the exit code it implies.
    func write(_ report: DiagnosticsReport, repo: String, config: Configuration, command: String) throws -> ExitCode {
        let chosen = format ?? config.format.flatMap(ReportFormat.init(rawValue:)) ?? .text
        let context = ReportContext(root: repo, command: command)
        let useColor = color.enabled(toTerminal: output == nil)
        try ReportOutput.write(to: output) { chosen.write(report, to: $0, color: useColor, context: context) }
        if chosen == .github, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            GitHubReporter.appendSummary(report, context: context, to: summary)
        }
        return ExitCode(ExitStatus(report: report, strict: strict ?? config.strict ?? false).rawValue)
    }
}

extension ReportOptions {
    /// The repository's configuration: `--config FILE`, else `.missionctl.yml` at `repo`, else defaults.
    static func configuration(option config: String?, repo: String) throws -> Configuration {
        try Configuration.load(file: config, repo: repo)
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
    /// Writes `text` whole (the regression suite's reports, made by the companion).
    public static func write(_ text: String, to output: String?) throws {
        try write(to: output) { $0 += text }
    }

    /// Writes what `produce` puts into its `TextOutput`, in chunks as they fill, so a large
    /// page is never held whole.
    public static func write(to output: String?, _ produce: (TextOutput) -> Void) throws {
        guard let output else {
            let out = TextOutput { Console.out($0) }
            produce(out)
            try out.finish()
            return
        }
        do throws(MissionError) {
            try AtomicFile.writeText(to: FileSystem.absolute(output), produce)
        } catch {
            throw MissionError("--output \(error.message)")
        }
    }
}
