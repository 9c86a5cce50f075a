import ArgumentParser
import MissionSystem
import MissionKit

/// `missionctl status show`: a table of the closed set's blocks.
struct StatusShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the Mission status block of each closed-set doc (or of the named docs).",
        discussion: "Exit code 1 when a shown doc has no block or a broken one, so the command also works as a quick gate."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var missionOptions: MissionOptions

    @Option(help: "text (a table) or json (one object per doc with parsed fields and the block's line range).")
    var format: Format = .text

    @Argument(help: ArgumentHelp("Docs to show (default: the closed set of mission AGENTS.md).", valueName: "doc"))
    var docs: [String] = []

    func run() throws {
        let repo = try missionOptions.repositoryRoot()
        let paths = docs.isEmpty ? try DocPaths.closedSet(missionOptions, repo: repo) : try docs.map { try DocPaths.repoRelative($0, repo: repo, repoGiven: missionOptions.repository.repo != nil) }
        // One doc at a time: a doc's findings are let go once its row or object is written.
        var failed = false
        func read(_ path: String) -> DocStatus {
            let row = DocStatus.read(repoRoot: repo, path: path)
            failed = failed || row.hasError
            return row
        }
        switch format {
        case .json:
            try ReportOutput.write(to: nil) { out in
                var json = JSONStreamWriter(to: out)
                json.beginArray()
                for path in paths { read(path).write(to: &json) }
                json.finish()
                out += "\n"
            }
        case .text:
            let header = ["DOC", "AGENT", "STATUS", "TODO", "FULLY", "FINDING"]
            Console.out(TextTable.render([header] + paths.map { tableRow(read($0)) }))
        }
        throw ExitCode(failed ? 1 : 0)
    }

    func tableRow(_ row: DocStatus) -> [String] {
        let b = row.block
        let finding = row.findings.first.map { "\($0.rule): \($0.message)" + (row.findings.count > 1 ? " (+\(row.findings.count - 1) more)" : "") } ?? ""
        return [
            DisplayText.sanitize(row.path), clip(b?.value(.agent) ?? "-", 28), clip(b?.value(.status) ?? "-", 20),
            clip(b?.value(.todo) ?? "-", 36), clip(b?.value(.fullyImplemented) ?? "-", 8), clip(finding, 70),
        ]
    }

    func clip(_ s: String, _ n: Int) -> String { TextTable.clip(s, n) }
}
