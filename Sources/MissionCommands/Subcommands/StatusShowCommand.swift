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
        let rows = paths.map { DocStatus.read(repoRoot: repo, path: $0) }
        switch format {
        case .json:
            Console.line(JSONValue.array(rows.map(\.json)).rendered(pretty: true))
        case .text:
            Console.out(table(rows))
        }
        throw ExitCode(rows.contains { $0.findings.contains { $0.severity == .error } } ? 1 : 0)
    }

    func table(_ rows: [DocStatus]) -> String {
        let header = ["DOC", "AGENT", "STATUS", "TODO", "FULLY", "FINDING"]
        let body: [[String]] = rows.map { row in
            let b = row.block
            let finding = row.findings.first.map { "\($0.rule): \($0.message)" + (row.findings.count > 1 ? " (+\(row.findings.count - 1) more)" : "") } ?? ""
            return [
                DisplayText.sanitize(row.path), clip(b?.value(.agent) ?? "-", 28), clip(b?.value(.status) ?? "-", 20),
                clip(b?.value(.todo) ?? "-", 36), clip(b?.value(.fullyImplemented) ?? "-", 8), clip(finding, 70),
            ]
        }
        return TextTable.render([header] + body)
    }

    func clip(_ s: String, _ n: Int) -> String { TextTable.clip(s, n) }
}
