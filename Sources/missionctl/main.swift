import MissionCommands

await MissionCommandLine.main()
