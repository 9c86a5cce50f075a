import ArgumentParser
import MissionKit

/// The companion's root command. `missionctl backend …` and `missionctl regress …` run it.
public struct MissionctlTracking: AsyncParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "missionctl-tracking",
        abstract: "missionctl's companion: the reference time-tracking backend and its HTTP regression suite.",
        discussion: """
            Usually run through missionctl: `missionctl backend serve`, `missionctl regress`. It is a separate \
            executable so that missionctl itself links no web server, database driver or TLS stack.

            Exit codes: 0 success, 1 failed scenarios, 2 usage, configuration or internal error.
            """,
        version: MissionKitVersion.current,
        subcommands: [BackendCommand.self, RegressCommand.self]
    )
}
