import MissionTestSupport

/// The built `missionctl-tracking`, run as a user runs it.
let binary = TestExecutable("missionctl-tracking", packageRoot: PackagePaths.tracking)
