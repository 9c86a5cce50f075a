import MissionSystem
import MissionJSON
import MissionKit
import ServiceRunner

#if canImport(Glibc)
import Glibc
#endif

/// "May I hand off?": check → handoff verify → services up → test → regress → services down,
/// with one result per stage. Nothing is specific to one product: the test and regress stages
/// run what the mission's `.factory/services.yaml` declares (`commands.test`, `commands.regress`).
public struct ValidationPipeline: Sendable {
    public enum Outcome: String, Sendable { case passed, failed, skipped }

    /// The stages, in order; `--skip` takes these names.
    public static let stageNames = ["check", "handoff", "services-up", "test", "regress", "services-down"]

    public struct Stage: Sendable {
        public var name: String
        public var outcome: Outcome
        public var seconds: Double
        /// Errors and warnings, or 1 for a failed command.
        public var findings: Int
        public var detail: String
    }

    public struct Options: Sendable {
        public var repo: String
        /// The repository's configuration and missions, loaded as `check` loads them.
        public var frontend: CheckFrontend
        public var handoff: String?
        public var commit: String?
        /// Services to bring up; empty: every service services.yaml declares.
        public var services: [String] = []
        public var timeout = 60.0
        public var grace = 10.0
        public var strict = false
        /// Stage names not to run (see `stageNames`).
        public var skip: Set<String> = []

        public init(frontend: CheckFrontend) {
            self.repo = frontend.repo
            self.frontend = frontend
        }
    }

    public struct Report: Sendable {
        public var stages: [Stage] = []
        public var findings = DiagnosticsReport()
        /// The signal that stopped the run (SIGINT, SIGTERM, SIGHUP), 0 when none did.
        public var interruptedBy: Int32 = 0
        public var passed: Bool { interruptedBy == 0 && !stages.contains { $0.outcome == .failed } }
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Runs every stage; `progress` gets a line as each stage starts and ends. A signal stops
    /// the running command's whole process group, skips what remains and still brings down what
    /// this run started.
    public func run(progress: @Sendable (String) -> Void = { _ in }) async -> Report {
        var report = Report()
        let interruption = Interruption()
        defer { interruption.cancel() }
        func timed(_ name: String, _ body: () async throws -> (Outcome, Int, String)) async {
            if options.skip.contains(name) {
                report.stages.append(Stage(name: name, outcome: .skipped, seconds: 0, findings: 0, detail: "--skip \(name)"))
                return
            }
            if interruption.receivedSignal != 0 && name != "services-down" {
                report.stages.append(Stage(name: name, outcome: .skipped, seconds: 0, findings: 0, detail: "interrupted (\(interruption.signalName))"))
                return
            }
            progress("\(name)…")
            let start = Date()
            var stage = Stage(name: name, outcome: .failed, seconds: 0, findings: 0, detail: "")
            do {
                (stage.outcome, stage.findings, stage.detail) = try await body()
            } catch let error as MissionError {
                stage.detail = error.message
            } catch {
                stage.detail = "\(error)"
            }
            stage.seconds = Date().timeIntervalSince(start)
            progress("\(name): \(stage.outcome.rawValue) (\(stage.seconds.fixed(1)) s)\(stage.detail.isEmpty ? "" : ": " + stage.detail.split(separator: "\n").prefix(3).joined(separator: " / "))")
            report.stages.append(stage)
        }

        let servicesPath = options.repo + "/.factory/services.yaml"
        let declared: ServicesFile? = FileSystem.exists(servicesPath) ? (try? ServiceSupervisor.load(repo: options.repo))?.file : nil

        await timed("check") {
            var frontend = options.frontend
            switch SuiteListing.ask(declared?.command("regress"), repo: options.repo, interruption: interruption) {
            case .listed(let ids): frontend.options.suite = ids
            case .unknown(let why): report.findings.notes.append("unimplemented-assertion not checked: \(why)")
            }
            // The same findings `check` reports: the configuration's rule settings and ignores applied.
            let result = frontend.check().report
            report.findings.merge(result)
            let failed = ExitStatus(report: result, strict: options.strict) != .clean
            return (failed ? .failed : .passed, result.errors + result.warnings, "\(result.errors) error(s), \(result.warnings) warning(s) in \(result.docs) doc(s)")
        }

        await timed("handoff") {
            guard let handoff = options.handoff else { return (.skipped, 0, "no --handoff given") }
            let mission = options.frontend.missions.count == 1 ? options.frontend.missions[0] : nil
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
        await timed("services-up") {
            guard FileSystem.exists(servicesPath) else { return (.skipped, 0, "no .factory/services.yaml") }
            let s = try ServiceSupervisor.load(repo: options.repo)
            if s.file.services.isEmpty { return (.skipped, 0, "services.yaml declares no service") }
            if let unknown = options.services.first(where: { s.file.service($0) == nil }) {
                return (.failed, 1, "services.yaml declares no `\(unknown)` service (declared: \(s.file.services.map(\.name).joined(separator: ", ")))")
            }
            supervisor = s
            let started = try s.up(options.services, timeout: options.timeout, grace: options.grace)
            let names = started.map { $0.name + (s.file.service($0.name)?.port.map { " on port \($0)" } ?? "") }
            return (.passed, 0, names.isEmpty ? "already running" : names.joined(separator: ", ") + " healthy")
        }

        await timed("test") {
            guard let command = declared?.command("test") else { return (.skipped, 0, "services.yaml declares no commands.test") }
            return try runDeclared(command, interruption: interruption)
        }

        await timed("regress") {
            guard let command = declared?.command("regress") else { return (.skipped, 0, "services.yaml declares no commands.regress") }
            return try runDeclared(command, interruption: interruption)
        }

        await timed("services-down") {
            guard let supervisor else { return (.skipped, 0, "nothing was started") }
            try supervisor.down(options.services, grace: options.grace)
            return (.passed, 0, "")
        }
        report.interruptedBy = interruption.receivedSignal
        return report
    }

    /// Runs a services.yaml command through `/bin/sh -c` in the repository root, its output shown
    /// on standard error as it comes; passed when it exits 0.
    func runDeclared(_ command: ServicesFile.Command, interruption: Interruption) throws -> (Outcome, Int, String) {
        let pid = try ProcessGroup.spawnForeground(["/bin/sh", "-c", command.command], in: options.repo, outputToStandardError: true)
        interruption.running(pid)
        let code = ProcessGroup.wait(pid) ?? 1
        interruption.finished()
        if interruption.receivedSignal != 0 { return (.failed, 1, "`\(command.command)` stopped by \(interruption.signalName)") }
        return code == 0 ? (.passed, 0, "`\(command.command)` exited 0") : (.failed, 1, "`\(command.command)` exited \(code)")
    }
}

extension ValidationPipeline.Report {
    /// The summary table: stage, result, time, findings.
    public var table: String {
        var rows = [["STAGE", "RESULT", "TIME", "FINDINGS", "DETAIL"]]
        for s in stages {
            rows.append([s.name, s.outcome.rawValue, s.seconds.fixed(1) + " s", String(s.findings), s.detail.split(separator: "\n").first.map(String.init) ?? ""])
        }
        return TextTable.render(rows) + (passed ? "validate: passed\n" : "validate: FAILED\n")
    }

    /// `validate --format json`: `{"passed", "stages": [...], "report": <the JSON report>}`,
    /// written finding by finding.
    public func writeJSON(to out: TextOutput) {
        var json = JSONStreamWriter(to: out)
        json.beginObject()
        json.value(.bool(passed), key: "passed")
        json.beginArray(key: "stages")
        for s in stages {
            json.value(
                .object([
                    ("name", .string(s.name)), ("result", .string(s.outcome.rawValue)), ("seconds", .double((s.seconds * 1000).rounded() / 1000)),
                    ("findings", .int(s.findings)), ("detail", .string(s.detail)),
                ]))
        }
        json.end()
        JSONReporter.write(findings, into: &json, key: "report")
        json.finish()
        out += "\n"
    }
}
