import MissionCommands

MissionCommandLine.main()
