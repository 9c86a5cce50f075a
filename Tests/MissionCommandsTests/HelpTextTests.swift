import MissionCommands
import Testing

/// Every command's `--help` renders (in process): multi-line discussions are joined into
/// paragraphs, so no line keeps a source line's continuation backslash (several commands printed
/// them).
@Suite struct HelpTextTests {
    static let commands: [[String]] = [
        [], ["validate"], ["check"], ["status"], ["status", "set"], ["handoff"], ["handoff", "verify"], ["services"], ["rules"], ["report"],
    ]

    @Test(arguments: commands)
    func helpHasNoStrayBackslashes(_ command: [String]) async throws {
        let r = await InProcess.run(command + ["--help"])
        #expect(r.status == 0, "\(command): \(r.stderr)")
        #expect(r.stdout.contains("USAGE:"))
        let stray = r.stdout.split(separator: "\n").filter { $0.hasSuffix("\\") }
        #expect(stray.isEmpty, "\(command) --help: \(stray)")
    }

    @Test func rootHelpListsTheCompanionCommands() async {
        let r = await InProcess.run(["--help"])
        #expect(r.stdout.contains("backend") && r.stdout.contains("missionctl-tracking"))
    }
}
