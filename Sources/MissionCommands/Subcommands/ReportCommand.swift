import ArgumentParser
import MissionSystem
import MissionKit

/// `missionctl report`: one page that shows where the missions stand.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one page that shows where the missions stand: milestones, the traceability matrix, docs and findings.",
        discussion: """
            The page holds, for every mission found (as `check` finds them): milestones with their features and \
            progress, a chart of assertion states per milestone, the traceability matrix (assertion → feature → \
            validation-state.json → latest validator verdict → handoffs and commits → tests the handoffs name), the \
            source docs with their Mission status blocks, and each finding of `check` beside the row it concerns.

            HTML is one self-contained file (no network, no external assets): open it from disk or keep it as a CI \
            artifact. Sort by clicking a column heading, filter with the box above each matrix; the address can \
            preset the filter: report.html#q=timer&state=failed. Markdown carries the same tables, for \
            $GITHUB_STEP_SUMMARY and pull-request comments.

            The exit code is 0 when the report is written, whatever it shows (`check` is the gate), and 2 when it \
            cannot be (no mission, unreadable configuration, unwritable output).

            Examples:
              missionctl report -o mission-report.html
              missionctl report --format markdown >> "$GITHUB_STEP_SUMMARY"
              missionctl report -o report.html --link-base "https://github.com/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/"
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, markdown
    }

    @OptionGroup var missionOptions: MissionOptions

    @Option(help: ArgumentHelp("html or markdown (default: markdown when --output ends in .md, else html).", valueName: "format"))
    var format: Format?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the page to FILE instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Put before each repository path in links, e.g. https://github.com/o/r/blob/<sha>/ (then links carry #L<line>). Default: a relative path from --output to the repository (HTML), none (Markdown).",
            valueName: "url"))
    var linkBase: String?

    func validate() throws {
        if let linkBase, let reason = ReportLinkBase.refusal(linkBase) { throw ValidationError(reason) }
    }

    @Option(help: ArgumentHelp("The page's title (default: the repository folder's name).", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("The configuration file (default: .missionctl.yml at the repository root, when present).", valueName: "file"))
    var config: String?

    @Flag(help: "Apply the status-block rules even when the mission shows no sign of using blocks.")
    var requireStatusBlocks = false

    @Option(
        name: .customLong("suite-ids"),
        help: ArgumentHelp("The regression suite's listing (`regress --list --format json`; - for standard input).", valueName: "file"))
    var suiteIDs: String?

    func run() throws {
        let repo = try missionOptions.repositoryRoot()
        let frontend = try missionOptions.frontend(
            repo: repo, config: config, requireStatusBlocks: requireStatusBlocks, suite: try suiteIDs.map(CheckCommand.readSuiteIDs))
        if frontend.isEmpty { throw frontend.nothingError("report") }
        var (checked, contexts) = frontend.check()
        // Handed over, not shared: the report lets its findings go once they are placed.
        let findings = checked.findings
        checked.findings = []
        // Discovery skips folders that keep only handoffs; the page still shows them, as partial missions.
        var report = MissionReport(
            contexts: contexts, findings: consume findings, repositoryRoot: repo,
            handoffOnlyDirs: frontend.discovery.explicit ? [] : frontend.discovery.handoffOnly, syntheses: frontend.repository.syntheses)
        if let title { report.repositoryName = title }

        let chosen = format ?? (output.map { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") } == true ? .markdown : .html)
        let base = linkBase ?? relativeBase(repo: repo)
        try ReportOutput.write(to: output) { out in
            switch chosen {
            case .html: MissionReportHTML(linkBase: base, lineAnchors: linkBase != nil).write(report, to: out)
            case .markdown: MissionReportMarkdown(linkBase: linkBase ?? "").write(report, to: out)
            }
        }
    }

    /// The repository as seen from the output file's folder (`../../`), so that links open files
    /// on disk; from standard output, paths relative to the repository root.
    func relativeBase(repo: String) -> String {
        guard let output else { return "" }
        let folder = FileSystem.folder(of: FileSystem.absolute(output))
        let from = folder.split(separator: "/")
        let to = repo.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let up = String(repeating: "../", count: from.count - common)
        let down = to[common...].map { $0 + "/" }.joined()
        return up + down
    }
}
