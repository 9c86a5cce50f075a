import ArgumentParser
import Foundation
import MissionCommands
import MissionJSON
import MissionKit
import Regression
import TrackingBackend

extension SuiteReport.Format: ExpressibleByArgument {}

/// `missionctl regress`: the tracking regression suite.
public struct RegressCommand: AsyncParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Run the tracking regression suite: one HTTP scenario per validation assertion id.",
        discussion: """
            Without --base-url the built-in backend runs in-process on a free loopback port with an in-memory SQLite \
            store, and is shut down afterwards. With --base-url the suite talks HTTP to that server only; every run \
            creates its own users and workspaces (unique e-mails), so it is safe against a shared server and never \
            touches data it did not create. Scenarios that restart the server are skipped (with the reason) against \
            a remote URL.

            Exit codes: 0 all selected scenarios passed, 1 any failed, 2 usage error or server unreachable.

            `--list --format json` prints the scenario ids as JSON ([{"id": …, "title": …}]): `missionctl validate` \
            asks for it, and `missionctl check --suite-ids FILE` reads it, to report contract assertions that have \
            no scenario.

            Examples:
              missionctl regress
              missionctl regress --only 'VAL-TIMER-*,VAL-ENTRY-004'
              missionctl regress --base-url http://127.0.0.1:18080 --format junit --output regress.xml
              missionctl regress --write-state .factory/validation-state.json
              missionctl regress --list --format json > suite-ids.json
            """
    )

    @Option(help: ArgumentHelp("The server to test (default: the built-in backend, in-process).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Comma-separated id patterns, e.g. 'VAL-TIMER-*,VAL-ENTRY-004'.", valueName: "pattern"))
    var only: String?

    @Flag(help: "List the scenario ids and titles (text, or JSON with --format json), and run nothing.")
    var list = false

    @Option(help: "text (a line per scenario, then failures), json, or junit (XML for CI systems).")
    var format: SuiteReport.Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Merge the results into this validation-state.json (atomically, keeping every other entry).", valueName: "path"))
    var writeState: String?

    public func run() async throws {
        let suite = RegressionSuite()
        let selected = suite.selecting(only)
        if list {
            if format == .json {
                let items = JSONValue.array(selected.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })
                try ReportOutput.write(items.rendered(pretty: true) + "\n", to: output)
            } else {
                try ReportOutput.write(selected.map { "\($0.id.padding(toLength: 18, withPad: " ", startingAt: 0)) \($0.title)\n" }.joined(), to: output)
            }
            return
        }
        guard !selected.isEmpty else { throw ValidationError("--only \(only ?? ""): no scenario id matches") }
        var server: InProcessServer?
        let base: URL
        if let baseURL {
            guard let url = URL(string: baseURL), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw ValidationError("--base-url must be an http(s) URL, e.g. http://127.0.0.1:8080")
            }
            base = url
        } else {
            let started: InProcessServer
            do {
                started = try await InProcessServer.start(database: .sqliteMemory, secret: Credentials.randomSecret())
            } catch {
                throw MissionError("cannot start the in-process backend: \(error)")
            }
            server = started
            base = started.baseURL
        }
        // A progress line per scenario on a terminal (stderr, so reports on stdout stay clean).
        let showProgress = isatty(STDERR_FILENO) == 1
        let results: [RegressionSuite.Result]
        do {
            results = try await suite.run(
                selected, client: SuiteClient(baseURL: base), servers: baseURL == nil ? InProcessServerFactory() : nil
            ) { result in
                if showProgress { Console.raw(SuiteReport.line(result) + "\n") }
            }
        } catch let error as ServerUnreachable {
            try? await server?.shutdown()
            // A CI system reading --output still gets a report, one that says why nothing ran.
            if output != nil, let text = SuiteReport.unreachable(error.summary, format: format, target: baseURL ?? "the built-in backend") {
                try ReportOutput.write(text, to: output)
            }
            throw MissionError(error.summary)
        }
        try? await server?.shutdown()
        let target = baseURL ?? "the built-in backend (in-process, SQLite in memory)"
        let text = SuiteReport.render(results, format: format, target: target)
        try ReportOutput.write(text, to: output)
        if let writeState {
            do {
                try ValidationStateWriter.merge(results, into: FileSystem.absolute(writeState))
            } catch let error as MissionError {
                throw error
            } catch {
                throw MissionError("--write-state \(writeState): \(error.localizedDescription)")
            }
        }
        throw ExitCode(results.contains { $0.outcome == .failed } ? 1 : 0)
    }
}
