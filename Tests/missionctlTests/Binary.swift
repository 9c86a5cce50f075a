import MissionTestSupport

/// The built `missionctl`, run as a user runs it.
let binary = TestExecutable("missionctl")
