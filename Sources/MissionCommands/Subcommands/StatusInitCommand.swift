import ArgumentParser
import MissionKit

/// `missionctl status init`: a not-started block for every closed-set doc without one.
struct StatusInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Add a not-started Mission status block to every closed-set doc that has none.",
        discussion: "Docs that already carry a block are left alone. The block goes right under the doc's first heading."
    )

    @OptionGroup var missionOptions: MissionOptions

    @Option(help: "The Agent written into new blocks.")
    var agent = "unassigned"

    @Flag(help: "Print the diffs and write nothing.")
    var dryRun = false

    func run() throws {
        let repo = try missionOptions.repositoryRoot()
        let docs = try DocPaths.closedSet(missionOptions, repo: repo)
        var added = 0
        for doc in docs {
            let path = repo + "/" + doc
            var original = SourceText(bytes: [])
            let result: StatusBlockEditor.Result? = try AtomicFile.update(path) { text in
                original = text
                let r = try StatusBlockEditor.initialBlock(in: text, file: doc, agent: agent)
                return (r, dryRun ? nil : r?.bytes)
            }
            guard let result, !result.isUnchanged else { continue }
            added += 1
            if dryRun {
                Console.out(LineEdit.unifiedDiff(result.edits, of: original, path: doc))
            } else {
                Console.line("\(doc): \(result.changes.joined(separator: "; "))")
            }
        }
        Console.line("\(added) block(s) \(dryRun ? "would be added" : "added"); \(docs.count - added) doc(s) already had one")
    }
}
