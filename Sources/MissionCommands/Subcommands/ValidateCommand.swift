import ArgumentParser
import MissionSystem
import MissionKit
import Validation

/// `missionctl validate`: the whole pre-handoff pipeline in one command.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "May I hand off? check → handoff verify → services up → test → regress → services down, one summary.",
        discussion: """
            Runs `check` on the mission, `handoff verify` when --handoff is given, brings up the services of \
            .factory/services.yaml (all, or --service), runs what the mission declares there as `commands.test` and \
            `commands.regress` (through /bin/sh in the repository root, their output on standard error), then stops \
            what it started. A stage with nothing declared is skipped, with the reason. When commands.regress is \
            missionctl's suite, it is asked for its ids (`--list --format json`) so that check reports contract \
            assertions it has no scenario for (unimplemented-assertion).

            Prints one table (stage, result, time, findings) and exits 0 when every stage passed or was skipped, \
            1 when one failed, 2 on a usage or configuration error, 128+N when stopped by signal N (whatever it \
            started is stopped first).

            Examples:
              missionctl validate
              missionctl validate --skip test                 # CI already ran the tests
              missionctl validate --handoff handoffs/2026-…__timer__s1.json --format json --output validate.json
            """
    )

    @OptionGroup var missionOptions: MissionOptions

    @Option(help: ArgumentHelp("A handoff JSON to verify as the second stage.", valueName: "file"))
    var handoff: String?

    @Option(help: "The commit for --handoff (overrides its commitId).")
    var commit: String?

    @Option(help: ArgumentHelp("A services.yaml service to bring up (repeatable; default: every declared service).", valueName: "name"))
    var service: [String] = []

    @Option(
        help: ArgumentHelp(
            "A stage not to run (repeatable or comma-separated): \(ValidationPipeline.stageNames.joined(separator: ", ")).",
            valueName: "stage"))
    var skip: [String] = []

    @Option(help: "Seconds the service may take to become healthy.")
    var timeout: Double = 60

    @Option(help: "text (a summary table) or json (the whole report).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE.", valueName: "file"))
    var output: String?

    @Flag(help: "Warnings fail the check and handoff stages (default: the config's `strict`).")
    var strict = false

    @Option(help: ArgumentHelp("The configuration file (default: .missionctl.yml at the repository root, when present).", valueName: "file"))
    var config: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        for name in skippedStages where !ValidationPipeline.stageNames.contains(name) {
            let suggestion = NameSuggestion.closest(to: name, in: ValidationPipeline.stageNames).map { " (did you mean `\($0)`?)" } ?? ""
            throw ValidationError("--skip \(name): no such stage\(suggestion); stages: \(ValidationPipeline.stageNames.joined(separator: ", "))")
        }
    }

    var skippedStages: [String] { skip.flatMap { $0.split(separator: ",").map { $0.trimming(" \t") } } }

    func run() async throws {
        let repo = try missionOptions.repositoryRoot()
        let frontend = try missionOptions.frontend(repo: repo, config: config)
        if frontend.missions.isEmpty { _ = try frontend.discovery.required() }
        var options = ValidationPipeline.Options(frontend: frontend)
        options.commit = commit
        options.services = service
        options.skip = Set(skippedStages)
        options.timeout = timeout
        options.strict = strict || (frontend.configuration.strict ?? false)
        if let handoff {
            let path = FileSystem.absolute(handoff.hasPrefix("/") ? handoff : missionOptions.repository.pathBase(root: repo) + "/" + handoff)
            guard FileSystem.exists(path) else { throw MissionError("--handoff \(handoff): no such file (tried \(path))") }
            options.handoff = path
        }
        // Progress on standard error: "stage…" then its result, plain lines (fine in CI logs too).
        let report = await ValidationPipeline(options: options).run { Console.raw("validate: " + $0 + "\n") }
        try ReportOutput.write(to: output) { out in
            switch format {
            case .json:
                report.writeJSON(to: out)
            case .text:
                if !report.findings.findings.isEmpty { TextReporter(color: output == nil && Console.useColor).write(report.findings, to: out) }
                out += "\n" + report.table
            }
        }
        if report.interruptedBy != 0 { throw ExitCode(128 + report.interruptedBy) }
        throw ExitCode(report.passed ? 0 : 1)
    }
}
