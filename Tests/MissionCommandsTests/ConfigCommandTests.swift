import Foundation
import MissionCommands
import Testing

/// `.missionctl.yml`, `init`, `--baseline` and `--write-baseline`, through the commands.
@Suite struct ConfigCommandTests {
    static func brokenCopy() throws -> String {
        let dest = NSTemporaryDirectory() + "missionctl-cfg-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: InProcess.fixtures + "/broken-mission", toPath: dest)
        return dest
    }

    @Test func theConfigTurnsRulesOffSetsTheFormatAndStrictness() async throws {
        let repo = try Self.brokenCopy()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let before = await InProcess.run(["check", "--repo", repo])
        #expect(before.status == 1)
        try Data("format: line\nrules:\n  duplicate-status-block: off\n  inconsistent-status-block: warning\n".utf8)
            .write(to: URL(fileURLWithPath: repo + "/.missionctl.yml"))
        let after = await InProcess.run(["check", "--repo", repo])
        #expect(after.status == 0, "\(after.stdout)")
        #expect(after.stdout.contains("docs/product/reports.md:8:3: warning:"))  // line format, demoted
        #expect(!after.stdout.contains("duplicate-status-block"))
        try Data("strict: true\n".utf8).write(to: URL(fileURLWithPath: repo + "/.missionctl.yml"), options: .atomic)
        let warnings = try InProcess.folder([".missionctl.yml": "strict: true\nrules:\n  duplicate-status-block: warning\n  inconsistent-status-block: warning\n"])
        defer { try? FileManager.default.removeItem(atPath: warnings) }
        let strict = await InProcess.run(["check", "--repo", repo, "--config", warnings + "/.missionctl.yml"])
        #expect(strict.status == 1)  // warnings only, but strict from the config
        let overridden = await InProcess.run(["check", "--repo", repo, "--config", warnings + "/.missionctl.yml", "--no-strict"])
        #expect(overridden.status == 0)
    }

    @Test func aBadConfigIsAUsageErrorWithPosition() async throws {
        let repo = try Self.brokenCopy()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try Data("rules:\n  duplicate-status-blok: off\n".utf8).write(to: URL(fileURLWithPath: repo + "/.missionctl.yml"))
        let r = await InProcess.run(["check", "--repo", repo])
        #expect(r.status == 2)
        #expect(r.stderr.contains(".missionctl.yml:2:3: unknown rule `duplicate-status-blok` (did you mean `duplicate-status-block`?)"))
        let missing = await InProcess.run(["check", "--repo", repo, "--config", repo + "/nope.yml"])
        #expect(missing.status == 2 && missing.stderr.contains("--config"))
    }

    @Test func theConfigNamesTheMissions() async throws {
        let repo = try Self.brokenCopy()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try Data("missions: [nowhere]\n".utf8).write(to: URL(fileURLWithPath: repo + "/.missionctl.yml"))
        let r = await InProcess.run(["check", "--repo", repo])
        #expect(r.status == 2 && r.stderr.contains("`missions` lists nowhere"))
    }

    @Test func initWritesAStarterThatChecksCleanAndNeverOverwrites() async throws {
        let repo = try Self.brokenCopy()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let first = await InProcess.run(["init", "--repo", repo])
        #expect(first.status == 0)
        let text = try String(contentsOfFile: repo + "/.missionctl.yml", encoding: .utf8)
        #expect(text.contains("#   - .factory") && text.contains("#   duplicate-status-block: error"))
        let check = await InProcess.run(["check", "--repo", repo])
        #expect(check.status == 1)  // a commented starter changes nothing, and parses
        // Uncommented, every line of the starter is a valid setting.
        let setting = try Regex(#"^# ( *)([a-z][a-z-]*:( |$)|- )"#)
        let uncommented = text.split(separator: "\n").compactMap { line in
            line.firstMatch(of: setting) != nil ? String(line.dropFirst(2)) : nil
        }.joined(separator: "\n")
        try Data(uncommented.utf8).write(to: URL(fileURLWithPath: repo + "/.missionctl.yml"))
        let parsed = await InProcess.run(["check", "--repo", repo])
        #expect(parsed.status != 2, "\(parsed.stderr)\n\(uncommented)")
        let again = await InProcess.run(["init", "--repo", repo])
        #expect(again.status == 2 && again.stderr.contains("--force"))
    }

    @Test func aBaselineHidesKnownFindingsOnly() async throws {
        let repo = try Self.brokenCopy()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let baseline = repo + "/baseline.json"
        let written = await InProcess.run(["check", "--repo", repo, "--write-baseline", baseline])
        #expect(written.status == 1 && written.stderr.contains("wrote 2 finding(s)"))
        let quiet = await InProcess.run(["check", "--repo", repo, "--baseline", baseline, "--format", "json"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.contains("2 known finding(s) not reported"))
        // A new problem is reported; the known ones, moved down by an inserted paragraph, stay hidden.
        let doc = repo + "/docs/product/tracking.md"
        var text = try String(contentsOfFile: doc, encoding: .utf8)
        text = text.replacingOccurrences(of: "# Tracking\n", with: "# Tracking\n\nA new paragraph.\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: doc))
        let reports = repo + "/docs/product/reports.md"
        try Data((try String(contentsOfFile: reports, encoding: .utf8) + "\n> Mission status\n> Agent: x\n").utf8).write(to: URL(fileURLWithPath: reports))
        let newOnly = await InProcess.run(["check", "--repo", repo, "--baseline", baseline, "--format", "line"])
        #expect(newOnly.status == 1)
        #expect(!newOnly.stdout.contains("docs/product/tracking.md"), "\(newOnly.stdout)")  // moved, still known
        #expect(newOnly.stdout.contains("docs/product/reports.md:10:3: error:"), "\(newOnly.stdout)")  // the new second block
        let missing = await InProcess.run(["check", "--repo", repo, "--baseline", repo + "/none.json"])
        #expect(missing.status == 2 && missing.stderr.contains("--write-baseline"))
    }
}
