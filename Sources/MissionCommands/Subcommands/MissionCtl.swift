import ArgumentParser
import MissionKit

/// The root command.
public struct MissionCtl: AsyncParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "missionctl",
        abstract: "Validate documentation-driven agent missions before hand-off and in CI.",
        discussion: """
            missionctl reads a mission (mission.md, AGENTS.md and its closed set of source docs, features.json, \
            validation-contract.md, validation-state.json) and the repository's .factory/services.yaml, and checks \
            that they agree: each listed doc carries exactly one valid `> Mission status` block, every assertion \
            is fulfilled once, services are declared consistently.

            Exit codes: 0 no errors (warnings allowed), 1 errors (or warnings with --strict), 2 usage, \
            configuration or internal error.

            Start with `missionctl check` in the repository; `missionctl rules` lists what it verifies.
            """,
        version: MissionKitVersion.current,
        subcommands: [ValidateCommand.self, CheckCommand.self, ReportCommand.self, MissionsCommand.self, InitCommand.self, StatusCommand.self, HandoffCommand.self, BackendForwardCommand.self, RegressForwardCommand.self, ServicesCommand.self, RulesCommand.self]
    )
}
