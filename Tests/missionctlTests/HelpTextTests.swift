import Testing

/// Every command's `--help` renders: multi-line discussions are joined into paragraphs, so no
/// line keeps a source line's continuation backslash (several commands printed them).
@Suite struct HelpTextTests {
    static let commands: [[String]] = [
        [], ["validate"], ["check"], ["status"], ["status", "set"], ["handoff"], ["handoff", "verify"], ["backend"],
        ["backend", "serve"], ["backend", "user"], ["regress"], ["services"], ["rules"],
    ]

    @Test(arguments: commands)
    func helpHasNoStrayBackslashes(_ command: [String]) throws {
        let r = try Binary.run(command + ["--help"])
        #expect(r.status == 0, "\(command): \(r.stderr)")
        #expect(r.stdout.contains("USAGE:"))
        let stray = r.stdout.split(separator: "\n").filter { $0.hasSuffix("\\") }
        #expect(stray.isEmpty, "\(command) --help: \(stray)")
    }
}
