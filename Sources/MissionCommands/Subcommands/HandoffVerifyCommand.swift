import ArgumentParser
import MissionSystem
import MissionKit

/// `missionctl handoff verify`: prove the handoff commit contains the claimed work.
struct HandoffVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove that a handoff's commit contains the files, tests and doc updates it claims.",
        discussion: """
            Reads a handoff (the bare object, or the wrapped form with commitId, featureId, successState, \
            skillFeedback), resolves its commit, and compares the claims with what the commit changed: tests.added \
            files and their case names, paths the prose says were updated/added/fixed…, closed-set docs whose \
            Mission status block must be refreshed, failed commands, and followedProcedure without an interactive \
            check. Paths the prose only verified, read or left untouched are no finding.

            The commit: --commit, else the handoff's commitId (or commit). A handoff that names none is verified \
            against the mission's records, in order: the feature's commit in features.json, its feature_complete \
            event in progress_log.jsonl, the newest commit whose subject starts with the feature id, and the commit \
            that added the handoff file; a candidate that only records mission files is passed over. Short ids work.

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
        if rerun {
            Console.raw("missionctl: --rerun executes the commandsRun commands taken from the handoff, in a temporary worktree\n")
        }
        var report = DiagnosticsReport()
        let frontend = try missionOptions.frontend(repo: repoRoot, config: reportOptions.config)
        let config = frontend.configuration
        if all {
            var results: [HandoffVerifier.Verification] = []
            let folders = try handoffFolders(frontend)
            var files = 0
            for (dir, mission) in folders {
                let verifier = HandoffVerifier(repo: repo, mission: mission, rerunTimeout: rerun ? rerunTimeout : nil)
                let folder = dir + "/handoffs"
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
                for name in names {
                    files += 1
                    let path = folder + "/" + name
                    let shown = mission.map { $0.missionFile("handoffs/" + name) } ?? FileSystem.relativePath(path, to: repoRoot)
                    var result = HandoffVerifier.Verification(file: shown)
                    do {
                        result = try verifier.verify(bytes: try FileSystem.readBytes(path), file: shown, commitOverride: nil)
                    } catch {
                        if error.exitStatus != nil { throw error }  // an interrupt ends the whole run
                        result.findings.append(
                            InvalidHandoffRule.descriptor.finding(
                                shown, message: error.message, hint: "Name the commit in `commitId`, or commit the handoff with its work."))
                    }
                    report.findings += result.findings
                    report.notes += result.notes
                    results.append(result)
                }
            }
            if let summary = HandoffVerifier.unnamedCommitSummary(results) { report.notes.append(summary) }
            // The one-line summaries count what is reported: after the configuration and the baseline.
            report = try reportOptions.prepare(report, repo: repoRoot, config: config)
            var remaining: [Finding: Int] = [:]
            for f in report.findings { remaining[f, default: 0] += 1 }
            for var result in results {
                result.findings = result.findings.filter { f in
                    guard let n = remaining[f], n > 0 else { return false }
                    remaining[f] = n - 1
                    return true
                }
                report.details.append(ReportDetail(key: "handoffs", value: result.detail.value, lines: [result.line]))
            }
            if files == 0 {
                let looked = folders.map { ($0.mission?.missionPath ?? FileSystem.relativePath($0.dir, to: repoRoot)) + "/handoffs/" }
                report.notes.append(
                    "no handoff files (*.json) to verify" + (looked.isEmpty ? "" : " in " + looked.joined(separator: ", ")) + ".")
            }
        } else {
            let (bytes, shown) = try input(repoRoot: repoRoot)
            let mission = loadMission(frontend, handoff: shown)
            let verifier = HandoffVerifier(repo: repo, mission: mission, rerunTimeout: rerun ? rerunTimeout : nil)
            let result = try verifier.verify(bytes: bytes, file: shown, commitOverride: commit)
            if result.unreadable, let f = result.findings.first {
                throw MissionError("\(shown):\(f.line):\(f.column): \(f.message)")
            }
            report.findings = result.findings
            report.notes = result.notes + (result.commitNote.map { [$0] } ?? [])
            report.details.append(result.detail)
            report = try reportOptions.prepare(report, repo: repoRoot, config: config)
        }
        throw try reportOptions.write(report, repo: repoRoot, config: config, command: "handoff verify")
    }

    /// The folders whose `handoffs/` `--all` verifies, each with its mission: every mission found
    /// (or the one named), and folders under .factory/missions/ that keep only handoffs.
    func handoffFolders(_ frontend: CheckFrontend) throws -> [(dir: String, mission: Mission?)] {
        var folders: [(String, Mission?)] = frontend.missions.map { ($0.missionDir, $0) }
        folders += frontend.discovery.handoffOnly.map { ($0, nil) }
        // A repository with .factory/ but no mission simply has no handoffs (a note, exit 0), as
        // `check` still checks it; only a repository with nothing at all is a usage error.
        if folders.isEmpty && !frontend.repository.hasFactoryFolder {
            throw MissionError("no mission and no handoffs/ folder found in \(frontend.repo).\n" + MissionLocator.lookedIn)
        }
        return folders
    }

    func input(repoRoot: String) throws -> ([UInt8], String) {
        guard let handoff else { return ([], "") }
        if handoff == "-" {
            return (try FileSystem.readStandardInput(name: "the handoff on standard input"), "<stdin>")
        }
        let path = FileSystem.absolute(handoff.hasPrefix("/") ? handoff : missionOptions.repository.pathBase(root: repoRoot) + "/" + handoff)
        guard FileSystem.exists(path) else { throw MissionError("\(handoff): no such file (tried \(path))") }
        return (try FileSystem.readBytes(path), FileSystem.relativePath(path, to: repoRoot))
    }

    /// The mission of a single handoff: the one named, the one whose folder holds the handoff,
    /// or the only one found; nil otherwise (the checks that need a mission are skipped).
    func loadMission(_ frontend: CheckFrontend, handoff shown: String) -> Mission? {
        let missions = frontend.missions
        let absolute = shown.hasPrefix("/") ? shown : frontend.repo + "/" + shown
        if missions.count == 1 { return missions[0] }
        return missions.filter { absolute.hasPrefix($0.missionDir + "/") }.max { $0.missionDir.count < $1.missionDir.count }
    }
}
