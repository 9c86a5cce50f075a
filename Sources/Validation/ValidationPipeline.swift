import Foundation
import MissionJSON
import MissionKit
import Regression
import ServiceRunner

/// "May I hand off?": check → handoff verify → services up → regress → services down, with
/// one result per stage.
public struct ValidationPipeline: Sendable {
    public enum Outcome: String, Sendable { case passed, failed, skipped }

    public struct Stage: Sendable {
        public var name: String
        public var outcome: Outcome
        public var seconds: Double
        /// Errors and warnings, or failed scenarios.
        public var findings: Int
        public var detail: String
    }

    public struct Options: Sendable {
        public var repo: String
        public var missionDirs: [String]
        public var handoff: String?
        public var commit: String?
        public var service = "api"
        public var timeout = 60.0
        public var grace = 10.0
        public var strict = false

        public init(repo: String, missionDirs: [String]) {
            self.repo = repo
            self.missionDirs = missionDirs
        }
    }

    public struct Report: Sendable {
        public var stages: [Stage] = []
        public var findings = DiagnosticsReport()
        public var scenarios: [RegressionSuite.Result] = []
        public var passed: Bool { !stages.contains { $0.outcome == .failed } }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Runs every stage; `progress` gets a line as each stage starts and ends.
    public func run(progress: @Sendable (String) -> Void = { _ in }) async -> Report {
        var report = Report()
        func timed(_ name: String, _ body: () async throws -> (Outcome, Int, String)) async {
            progress("\(name)…")
            let start = Date()
            var stage = Stage(name: name, outcome: .failed, seconds: 0, findings: 0, detail: "")
            do {
                (stage.outcome, stage.findings, stage.detail) = try await body()
            } catch {
                stage.detail = "\(error)"
            }
            stage.seconds = Date().timeIntervalSince(start)
            progress("\(name): \(stage.outcome.rawValue) (\(String(format: "%.1f", stage.seconds)) s)\(stage.detail.isEmpty ? "" : ": " + stage.detail.split(separator: "\n").prefix(3).joined(separator: " / "))")
            report.stages.append(stage)
        }

        await timed("check") {
            let repository = RepositoryFiles.load(root: options.repo, missionDirs: options.missionDirs)
            let missions = options.missionDirs.map { Mission.load(repoRoot: options.repo, missionDir: $0, repository: repository) }
            let result = MissionChecker.check(
                repository: repository, missions: missions, options: CheckOptions(implementedAssertions: RegressionSuite.implementedIDs))
            report.findings.merge(result)
            let failed = ExitStatus(report: result, strict: options.strict) != .clean
            return (failed ? .failed : .passed, result.errors + result.warnings, "\(result.errors) error(s), \(result.warnings) warning(s) in \(result.docs) doc(s)")
        }

        await timed("handoff") {
            guard let handoff = options.handoff else { return (.skipped, 0, "no --handoff given") }
            let mission = options.missionDirs.count == 1 ? Mission.load(repoRoot: options.repo, missionDir: options.missionDirs[0]) : nil
            let verifier = HandoffVerifier(repo: GitRepository(root: options.repo), mission: mission)
            let path = FileSystem.absolute(handoff)
            let v = try verifier.verify(bytes: try FileSystem.readBytes(path), file: FileSystem.relativePath(path, to: options.repo), commitOverride: options.commit)
            report.findings.findings += v.findings
            report.findings.notes += v.notes
            report.findings.details.append(v.detail)
            let errors = v.findings.count { $0.severity == .error }
            let failed = errors > 0 || (options.strict && !v.findings.isEmpty)
            return (failed ? .failed : .passed, v.findings.count, "matched \(v.matched.count), missing \(v.missing.count), extra \(v.extra.count)")
        }

        var supervisor: ServiceSupervisor?
        var baseURL: URL?
        await timed("services up") {
            guard FileSystem.exists(options.repo + "/.factory/services.yaml") else { return (.skipped, 0, "no .factory/services.yaml") }
            let s = try ServiceSupervisor.load(repo: options.repo)
            guard let service = s.file.service(options.service) else {
                return (.skipped, 0, "services.yaml declares no `\(options.service)` service")
            }
            guard let port = service.port else { return (.failed, 1, "service `\(options.service)` declares no port, so the suite cannot reach it") }
            supervisor = s
            _ = try s.up([options.service], timeout: options.timeout, grace: options.grace)
            baseURL = URL(string: "http://127.0.0.1:\(port)")
            return (.passed, 0, "`\(options.service)` healthy on port \(port)")
        }

        await timed("regress") {
            guard let baseURL else { return (.skipped, 0, "no backend service is up") }
            let suite = RegressionSuite()
            let results = try await suite.run(suite.scenarios, client: SuiteClient(baseURL: baseURL), servers: nil)
            report.scenarios = results
            let failed = results.filter { $0.outcome == .failed }
            let skipped = results.count { $0.outcome == .skipped }
            return (
                failed.isEmpty ? .passed : .failed, failed.count,
                "\(results.count - failed.count - skipped) passed, \(failed.count) failed, \(skipped) skipped" + (failed.isEmpty ? "" : ": " + failed.map(\.id).joined(separator: ", "))
            )
        }

        await timed("services down") {
            guard let supervisor else { return (.skipped, 0, "nothing was started") }
            try supervisor.down([options.service], grace: options.grace)
            return (.passed, 0, "")
        }
        return report
    }
}

extension ValidationPipeline.Report {
    /// The summary table: stage, result, time, findings.
    public var table: String {
        var rows = [["STAGE", "RESULT", "TIME", "FINDINGS", "DETAIL"]]
        for s in stages {
            rows.append([s.name, s.outcome.rawValue, String(format: "%.1f s", s.seconds), String(s.findings), s.detail.split(separator: "\n").first.map(String.init) ?? ""])
        }
        let widths = (0..<4).map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { row in
            (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[4]
        }.joined(separator: "\n") + "\n" + (passed ? "validate: passed\n" : "validate: FAILED\n")
    }

    public var json: JSONValue {
        .object([
            ("passed", .bool(passed)),
            (
                "stages",
                .array(
                    stages.map { s in
                        .object([
                            ("name", .string(s.name)), ("result", .string(s.outcome.rawValue)), ("seconds", .double((s.seconds * 1000).rounded() / 1000)),
                            ("findings", .int(s.findings)), ("detail", .string(s.detail)),
                        ])
                    })
            ),
            ("report", JSONReporter.value(findings)),
            ("scenarios", .array(scenarios.map { .object([("id", .string($0.id)), ("status", .string($0.outcome.rawValue)), ("message", $0.message.map(JSONValue.string) ?? .null)]) })),
        ])
    }
}
