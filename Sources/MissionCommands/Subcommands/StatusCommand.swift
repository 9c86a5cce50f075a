import ArgumentParser

/// `missionctl status`: read and update Mission status blocks.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Read and update Mission status blocks safely.",
        discussion: """
            Workers update the one existing block in each doc they relied on. These commands make that the easy \
            path: `set` changes only the named fields, validates the result with `check`'s rules before writing, \
            keeps every other byte (line endings, BOM, final newline, file mode), writes atomically and serialises \
            concurrent writers.

            Examples:
              missionctl status show
              missionctl status set docs/product/tracking.md --agent global-running-timer --complete
              missionctl status set docs/product/tracking.md --status partial --todo "wire the batch endpoint" --dry-run
              missionctl status init --agent unassigned
            """,
        subcommands: [StatusShowCommand.self, StatusSetCommand.self, StatusInitCommand.self]
    )
}
