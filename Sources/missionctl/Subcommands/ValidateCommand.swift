import ArgumentParser
import Foundation
import MissionKit
import Validation

/// `missionctl validate`: the whole pre-handoff pipeline in one command.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "May I hand off? check → handoff verify → services up → regress → services down, one summary.",
        discussion: """
            Runs `check` on the mission, `handoff verify` when --handoff is given, brings up the backend service of \
            .factory/services.yaml (--service, default api) and runs the regression suite against its port, then \
            stops what it started. Prints one table (stage, result, time, findings) and exits 0 when every stage \
            passed or was skipped, 1 when one failed, 2 on a usage or configuration error.

            Examples:
              missionctl validate
              missionctl validate --handoff handoffs/2026-…__timer__s1.json --format json --output validate.json
            """
    )

    @OptionGroup var missionOptions: MissionOptions

    @Option(help: ArgumentHelp("A handoff JSON to verify as the second stage.", valueName: "file"))
    var handoff: String?

    @Option(help: "The commit for --handoff (overrides its commitId).")
    var commit: String?

    @Option(help: "The services.yaml service that runs the tracking backend.")
    var service = "api"

    @Option(help: "Seconds the service may take to become healthy.")
    var timeout: Double = 60

    @Option(help: "text (a summary table) or json (the whole report).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE.", valueName: "file"))
    var output: String?

    @Flag(help: "Warnings fail the check and handoff stages.")
    var strict = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() async throws {
        let repo = try missionOptions.repositoryRoot()
        var options = ValidationPipeline.Options(repo: repo, missionDirs: try missionOptions.missionDirs(repo: repo))
        options.handoff = handoff
        options.commit = commit
        options.service = service
        options.timeout = timeout
        options.strict = strict
        if let handoff, !FileSystem.exists(FileSystem.absolute(handoff)) { throw MissionError("--handoff \(handoff): no such file") }
        // Progress on standard error: "stage…" then its result, plain lines (fine in CI logs too).
        let report = await ValidationPipeline(options: options).run { Console.raw("validate: " + $0 + "\n") }
        var text = format == .json ? report.json.rendered(pretty: true) + "\n" : "\n" + report.table
        if format == .text && !report.findings.findings.isEmpty {
            text = TextReporter(color: output == nil && Console.useColor).render(report.findings) + text
        }
        try ReportOutput.write(text, to: output)
        throw ExitCode(report.passed ? 0 : 1)
    }
}
