import ArgumentParser
import MissionKit

/// `missionctl check`: the mission and doc-traceability checker.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the mission files, the closed set of source docs and their Mission status blocks.",
        discussion: """
            The closed set of source docs is read from mission AGENTS.md: the first bullet list under a heading \
            that mentions source docs, a closed set or the source of truth (e.g. `## Source docs (closed set)`), \
            or right after a paragraph that says so. The first code span of each item is a repo-relative path or glob.

            Status-block rules apply when the mission uses blocks (a listed doc carries one, or a mission or \
            .factory/library file mentions `Mission status`), or with --require-status-blocks.

            Examples:
              missionctl check
              missionctl check --format json --output findings.json
              missionctl check --format github --strict     # in GitHub Actions
              missionctl check --mission ~/.factory/missions/7f3c… --repo .
            """
    )

    @OptionGroup var missionOptions: MissionOptions
    @OptionGroup var reportOptions: ReportOptions

    @Flag(help: "Apply the status-block rules even when the mission shows no sign of using blocks.")
    var requireStatusBlocks = false

    func run() throws {
        let repo = try missionOptions.repositoryRoot()
        let dirs = try missionOptions.missionDirs(repo: repo)
        var report = DiagnosticsReport()
        for dir in dirs {
            let mission = Mission.load(repoRoot: repo, missionDir: dir)
            var result = MissionChecker.check(mission, options: CheckOptions(requireStatusBlocks: requireStatusBlocks))
            if dirs.count > 1 { result.notes = result.notes.map { "[\(mission.missionPath)] \($0)" } }
            report.merge(result)
        }
        throw try reportOptions.emit(report)
    }
}
