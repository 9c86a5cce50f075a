import ArgumentParser
import MissionSystem
import MissionKit

/// `missionctl init`: a commented starter `.missionctl.yml` for the repository.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter .missionctl.yml at the repository root.",
        discussion: """
            The file lists the missions found and every setting with its default, commented out, so that \
            uncommenting a line is all it takes. An existing file is never overwritten (use --force). \
            Settings: strict, require-status-blocks, format, missions, ignore, rules (error, warning or off per rule \
            id). Options given on a command line win over the file.
            """
    )

    @OptionGroup var repo: RepoOption

    @Flag(help: "Replace an existing .missionctl.yml.")
    var force = false

    @Flag(help: "Print the file instead of writing it.")
    var stdout = false

    func run() throws {
        let root = try repo.root()
        let missions = try MissionLocator.missionDirs(repo: root, explicit: nil, environment: [:], all: true)
            .map { FileSystem.relativePath($0, to: root) }
        let text = Self.starter(missions: missions)
        if stdout {
            Console.out(text)
            return
        }
        let path = root + "/" + Configuration.fileName
        if FileSystem.exists(path) && !force {
            throw MissionError("\(path) exists; edit it, or pass --force to replace it")
        }
        do {
            try AtomicFile.writeOutput(Array(text.utf8), to: path)
        } catch {
            throw MissionError("cannot write \(path): \(error.message)")
        }
        Console.raw("wrote \(path) (\(missions.count) mission(s) found); `missionctl check` reads it from any subfolder\n")
    }

    static func starter(missions: [String]) -> String {
        let found = missions.isEmpty ? "#   (none found yet)\n" : missions.map { "#   - \($0.isEmpty ? "." : $0)\n" }.joined()
        let rules = RuleRegistry.allDescriptors.map { "#   \($0.id): \($0.severity.rawValue)\n" }.joined()
        return """
            # missionctl configuration. Every setting is optional; command-line options win.
            # Unknown settings and rule ids are errors (with the line and a suggestion).

            # Warnings fail the run too (like --strict; --no-strict overrides).
            # strict: true

            # Apply the status-block rules even when the mission shows no sign of using blocks.
            # require-status-blocks: true

            # The default output format: text, line, json, sarif, github or junit.
            # format: text

            # Mission folders to check. Default: every mission found. Found now:
            # missions:
            \(found)
            # Paths (globs) whose findings are not reported. Findings in JSON files (handoffs,
            # features.json) cannot carry suppression comments: ignore them here or use a baseline.
            # ignore:
            #   - docs/archive/**

            # Per-rule severity: error, warning or off. Every rule, with its default:
            # rules:
            \(rules)
            """
    }
}
