import ArgumentParser

/// `missionctl handoff`: check worker handoffs.
struct HandoffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoff",
        abstract: "Check worker handoffs against their commits.",
        subcommands: [HandoffVerifyCommand.self]
    )
}
