import ArgumentParser
import MissionSystem
import MissionKit

/// `missionctl status set`: change fields of the one block of a doc.
struct StatusSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change the named fields of a doc's Mission status block (or add the block).",
        discussion: """
            Only the named fields change; the others keep their values. A doc without a block gets a complete one \
            right under its first heading, with defaults that are valid together (not-started, or complete with \
            --complete). The result is checked with `check`'s rules first: an update that would leave an invalid or \
            inconsistent block is refused and the file is not touched. Running the same command twice changes \
            nothing the second time (`unchanged`).

            A doc with several blocks is refused (exit 1) unless --merge-duplicates: then one block stays at the \
            first block's place, holding the last block's values overridden by the given flags.

            Exit codes: 0 updated or unchanged, 1 refused, 2 usage error (missing file, multi-line value).
            """
    )

    enum YesNo: String, ExpressibleByArgument, CaseIterable { case yes, no }

    @Argument(help: ArgumentHelp("The Markdown doc to update.", valueName: "doc"))
    var doc: String

    @Option(help: "The worker or feature that updated the doc (a feature id or skill name).")
    var agent: String?

    @Option(help: "not-started, in-progress, partial or complete.")
    var status: String?

    @Option(help: ArgumentHelp("How the code differs from what the doc describes (one line).", valueName: "text"))
    var differences: String?

    @Option(help: ArgumentHelp("Remaining work (one line), or `none`.", valueName: "text"))
    var todo: String?

    @Option(name: .customLong("fully-implemented"), help: "yes or no.")
    var fullyImplemented: YesNo?

    @Flag(help: "Shorthand for --status complete --todo none --fully-implemented yes.")
    var complete = false

    @Flag(help: "Merge several blocks into one instead of refusing.")
    var mergeDuplicates = false

    @Flag(help: "Print a unified diff of the change and write nothing.")
    var dryRun = false

    @OptionGroup var repository: RepoOption

    var repo: String? { repository.repo }

    func run() throws {
        var update = StatusUpdate(
            agent: agent, status: status, differences: differences, todo: todo, fullyImplemented: fullyImplemented?.rawValue)
        if complete {
            if let s = status, s != WorkStatus.complete.rawValue { throw ValidationError("--complete contradicts --status \(s)") }
            if let t = todo, t != "none" { throw ValidationError("--complete means `Todo: none`; it contradicts --todo") }
            if fullyImplemented == .no { throw ValidationError("--complete contradicts --fully-implemented no") }
            update.markComplete()
        }
        do {
            update = try update.validated()
        } catch {
            throw MissionError(error.description)
        }
        // Hints print repository paths: `status set docs/x.md` works from any subfolder.
        let top = try repository.root()
        let path = try DocPaths.locate(doc, repo: top, repoGiven: repo != nil)
        guard !FileSystem.isDirectory(path) else { throw MissionError("\(doc): is a folder; name a Markdown file") }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var root = repo.map(FileSystem.absolute) ?? MissionLocator.repositoryRoot(from: folder)
        let inRepository = repo != nil || FileSystem.exists(root + "/.git")
        if !inRepository {
            // Not in a git repository: show paths relative to the working directory.
            root = FileSystem.absolute(FileManager.default.currentDirectoryPath)
        }
        if inRepository {
            guard FileSystem.isInside(path, root: root) else {
                throw MissionError("\(doc): resolves outside the repository \(root); missionctl reads and writes docs inside it only")
            }
        }
        let shown = FileSystem.relativePath(path, to: root)

        var original = SourceText(bytes: [])
        let outcome: Result<StatusBlockEditor.Result, StatusEditError> = try AtomicFile.update(path) { text in
            original = text
            let outcome = Result { () throws(StatusEditError) in
                try StatusBlockEditor.set(update, in: text, file: shown, mergeDuplicates: mergeDuplicates)
            }
            return (outcome, dryRun ? nil : (try? outcome.get())?.bytes)
        }
        switch outcome {
        case .failure(let error):
            Console.raw("missionctl: \(shown): \(error.description)\n")
            throw ExitCode(1)
        case .success(let result):
            if result.isUnchanged {
                Console.line("\(shown): unchanged")
            } else if dryRun {
                Console.out(LineEdit.unifiedDiff(result.edits, of: original, path: shown))
                Console.line("\(shown): would change (dry run, nothing written): \(result.changes.joined(separator: "; "))")
            } else {
                Console.line("\(shown): updated: \(result.changes.joined(separator: "; "))")
            }
        }
    }
}
