await CommandLineEntry.run()
