import MissionCommands
import TrackingCommands

await CommandLineEntry.main(MissionctlTracking.self)
