import ArgumentParser
import MissionSystem
import MissionKit

/// `missionctl check`: the mission and doc-traceability checker.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the mission files, the closed set of source docs and their Mission status blocks.",
        discussion: """
            Every mission of the repository is checked (.factory/, each .factory/missions/<id>/, .factory/mission/, \
            docs/mission/, the repository root, deeper folders holding three mission files, and each \
            ~/.factory/missions/<id>/ whose working_directory.txt names this repository); --mission DIR|ID narrows to \
            one (`missionctl missions` lists them). services.yaml and skills are \
            repository files, checked once per run. A repository with .factory/ but no mission still has those checked.

            The closed set of source docs is read from mission AGENTS.md: the first bullet list under a heading \
            that mentions source docs, a closed set or the source of truth (e.g. `## Source docs (closed set)`), \
            or right after a paragraph that says so. The first code span of each item is a repo-relative path or glob.

            Status-block rules apply when the mission uses blocks (a listed doc carries one, or a mission or \
            .factory/library file mentions `Mission status`), or with --require-status-blocks.

            Examples:
              missionctl check
              missionctl check --format json --output findings.json
              missionctl check --format github --strict     # in GitHub Actions
              missionctl check --mission 7f3c2a1e-…           # a mission id from `missionctl missions`
              missionctl regress --list --format json | missionctl check --suite-ids -
            """
    )

    @OptionGroup var missionOptions: MissionOptions
    @OptionGroup var reportOptions: ReportOptions

    @Flag(help: "Apply the status-block rules even when the mission shows no sign of using blocks.")
    var requireStatusBlocks = false

    @Option(
        name: .customLong("suite-ids"),
        help: ArgumentHelp(
            "The regression suite's listing (the JSON of `regress --list --format json`; - for standard input): enables unimplemented-assertion.",
            valueName: "file"))
    var suiteIDs: String?

    @Flag(
        help: """
            Apply the fixes that cannot lose information, then check: label spelling and spacing, field order, \
            and removal of byte-identical duplicate blocks. Different duplicate blocks are never merged.
            """)
    var fix = false

    func run() throws {
        let repo = try missionOptions.repositoryRoot()
        let frontend = try missionOptions.frontend(
            repo: repo, config: reportOptions.config, requireStatusBlocks: requireStatusBlocks, suite: try suiteIDs.map(Self.readSuiteIDs))
        if frontend.isEmpty { throw frontend.nothingError("check") }
        // Fixes touch docs only, never mission files: the missions loaded stay valid.
        let fixed = fix ? ListedDocFixer(repo: repo).fix(frontend.missions) { Console.raw($0 + "\n") } : nil
        if let fixed { Console.raw("--fix: \(fixed.changedDocs) doc(s) changed\n") }
        var report = frontend.check().report
        // A doc that changed under --fix may read well again by now: what the fix met is kept.
        for finding in fixed?.findings ?? [] where !report.findings.contains(where: { $0.rule == finding.rule && $0.file == finding.file }) {
            report.findings.append(finding)
        }
        throw try reportOptions.emit(report, repo: repo, config: frontend.configuration, command: "check")
    }

    static func readSuiteIDs(_ path: String) throws -> SuiteIDs {
        if path == "-" {
            return try SuiteIDs.parse(FileSystem.readStandardInput(name: "--suite-ids -"), source: "--suite-ids (standard input)")
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(FileSystem.absolute(path))
        } catch {
            throw MissionError("--suite-ids \(path): \(error.message)")
        }
        return try SuiteIDs.parse(bytes, source: path)
    }
}
