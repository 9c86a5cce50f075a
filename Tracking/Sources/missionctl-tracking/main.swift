import MissionCommands
import TrackingCommands

CommandLineEntry.main(MissionctlTracking.self)
