import ArgumentParser
import Foundation
import MissionKit

/// `missionctl handoff verify`: prove the handoff commit contains the claimed work.
struct HandoffVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove that a handoff's commit contains the files, tests and doc updates it claims.",
        discussion: """
            Reads a handoff (the bare object, or the wrapped form with commitId, featureId, successState, \
            skillFeedback), resolves its commit (short ids work; --commit overrides commitId), and compares the \
            claims with what the commit changed: tests.added files and their case names, paths the prose says were \
            updated/added/fixed…, closed-set docs whose Mission status block must be refreshed, failed commands, \
            and followedProcedure without an interactive check. Paths the prose only verified or read are no finding.

            git is run with argument arrays, never through a shell. --rerun is the exception, and it is opt-in: it \
            EXECUTES the commandsRun commands taken from the handoff, each through /bin/sh in a clean temporary \
            worktree of the commit, and compares exit codes.

            Examples:
              missionctl handoff verify handoff.json --commit 74e81a8
              missionctl handoff verify --all --mission .factory/missions/7f3c…
              cat handoff.json | missionctl handoff verify - --format json
            """
    )

    @Argument(help: ArgumentHelp("The handoff JSON file, or - for standard input.", valueName: "handoff"))
    var handoff: String?

    @Option(help: "The commit to verify against (overrides the handoff's commitId).")
    var commit: String?

    @Flag(help: "Verify every handoff in the mission's handoffs/ folder.")
    var all = false

    @OptionGroup var missionOptions: MissionOptions

    @Flag(help: "Run each commandsRun command (from the handoff!) in a clean worktree of the commit and compare exit codes.")
    var rerun = false

    @Option(help: ArgumentHelp("Seconds each --rerun command may take.", valueName: "seconds"))
    var rerunTimeout: Double = 600

    @OptionGroup var reportOptions: ReportOptions

    func validate() throws {
        if all && handoff != nil { throw ValidationError("pass either a handoff file or --all, not both") }
        if !all && handoff == nil { throw ValidationError("name a handoff file (or - for standard input), or pass --all") }
        if all && commit != nil { throw ValidationError("--commit applies to one handoff; --all uses each handoff's commitId") }
    }

    func run() throws {
        let repoRoot = try missionOptions.repositoryRoot()
        let repo = GitRepository(root: repoRoot)
        let mission = try loadMission(repo: repoRoot)
        if rerun {
            Console.raw("missionctl: --rerun executes the commandsRun commands taken from the handoff, in a temporary worktree\n")
        }
        let verifier = HandoffVerifier(repo: repo, mission: mission, rerunTimeout: rerun ? rerunTimeout : nil)
        var report = DiagnosticsReport()
        if all {
            guard let mission else { throw MissionError("--all needs a mission folder (pass --mission DIR)") }
            let folder = mission.missionDir + "/handoffs"
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            guard !files.isEmpty else { throw MissionError("\(folder): no handoff files (*.json)") }
            for name in files {
                let path = folder + "/" + name
                let shown = FileSystem.relativePath(path, to: repoRoot)
                let bytes = try FileSystem.readBytes(path)
                var result: HandoffVerifier.Verification
                do {
                    result = try verifier.verify(bytes: bytes, file: shown, commitOverride: nil)
                } catch {
                    result = HandoffVerifier.Verification(file: shown)
                    result.findings.append(
                        InvalidHandoffRule.descriptor.finding(shown, message: error.message, hint: "Wrapped handoffs carry commitId."))
                }
                report.findings += result.findings
                report.details.append(ReportDetail(key: "handoffs", value: result.detail.value, lines: [result.line]))
            }
        } else {
            let (bytes, shown) = try input(repoRoot: repoRoot)
            let result = try verifier.verify(bytes: bytes, file: shown, commitOverride: commit)
            if result.unreadable, let f = result.findings.first {
                throw MissionError("\(shown):\(f.line):\(f.column): \(f.message)")
            }
            report.findings = result.findings
            report.details.append(result.detail)
        }
        throw try reportOptions.emit(report)
    }

    func input(repoRoot: String) throws -> ([UInt8], String) {
        guard let handoff else { return ([], "") }
        if handoff == "-" {
            return ([UInt8](FileHandle.standardInput.readDataToEndOfFile()), "<stdin>")
        }
        let path = FileSystem.absolute(handoff)
        guard FileSystem.exists(path) else { throw MissionError("\(handoff): no such file") }
        return (try FileSystem.readBytes(path), FileSystem.relativePath(path, to: repoRoot))
    }

    /// The mission, when one is named or found; handoff checks that need it are skipped otherwise.
    func loadMission(repo: String) throws -> Mission? {
        let dirs: [String]
        do {
            dirs = try missionOptions.missionDirs(repo: repo)
        } catch {
            if missionOptions.mission != nil || all { throw error }
            return nil
        }
        guard dirs.count == 1 else { throw MissionError("handoff verify works on one mission; pass --mission DIR") }
        return Mission.load(repoRoot: repo, missionDir: dirs[0])
    }
}
