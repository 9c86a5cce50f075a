import Foundation
import Testing
import MissionTestSupport

@Suite struct CheckCommandTests {
    @Test func cleanFixtureExitsZero() throws {
        let r = try binary.run(["check", "--repo", PackagePaths.fixtures + "/clean-mission"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout == "0 errors, 0 warnings in 2 docs\n")
    }

    @Test func brokenFixtureReportsFindingsAndExitsOne() throws {
        let r = try binary.run(["check", "--repo", PackagePaths.fixtures + "/broken-mission"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("docs/product/tracking.md\n  10:3     error    a second Mission status block"))
        #expect(r.stdout.contains("[inconsistent-status-block]"))
        #expect(r.stdout.hasSuffix("2 errors, 0 warnings in 2 docs\n"))
    }

    @Test func jsonOutputToAFile() throws {
        let out = NSTemporaryDirectory() + UUID().uuidString + ".json"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try binary.run(["check", "--repo", PackagePaths.fixtures + "/broken-mission", "--format", "json", "--output", out])
        #expect(r.status == 1 && r.stdout.isEmpty)
        let object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["inconsistent-status-block", "duplicate-status-block"])
        #expect(findings[1]["file"] as? String == "docs/product/tracking.md")
        #expect(findings[1]["line"] as? Int == 10)
    }

    @Test func githubAndSarifFormats() throws {
        let gh = try binary.run(["check", "--repo", PackagePaths.fixtures + "/broken-mission", "--format", "github"])
        #expect(gh.stdout.contains("::error file=docs/product/tracking.md,line=10,col=3,title=duplicate-status-block::"))
        let sarif = try binary.run(["check", "--repo", PackagePaths.fixtures + "/broken-mission", "--format", "sarif"])
        #expect(sarif.status == 1)
        #expect(sarif.stdout.contains("\"version\": \"2.1.0\""))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let repo = try PackagePaths.copyFixture("clean-mission")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try FileManager.default.copyItem(atPath: repo + "/docs/product/tracking.md", toPath: repo + "/docs/product/tracking.fr.md")
        let lenient = try binary.run(["check", "--repo", repo])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("[unlisted-status-block]"))
        #expect(try binary.run(["check", "--repo", repo, "--strict"]).status == 1)
    }

    @Test func usageErrorsExitTwo() throws {
        let unknown = try binary.run(["check", "--bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown option '--bogus'"))
        let empty = NSTemporaryDirectory() + "missionctl-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let noMission = try binary.run(["check", "--repo", empty])
        #expect(noMission.status == 2)
        #expect(noMission.stderr.contains("nothing to check") && noMission.stderr.contains("Looked in"))
        let badFormat = try binary.run(["check", "--format", "xml"])
        #expect(badFormat.status == 2)
    }

    @Test func malformedInputIsAFindingNotACrash() throws {
        let repo = try PackagePaths.copyFixture("clean-mission")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try Data("[{\"id\": 1}]".utf8).write(to: URL(fileURLWithPath: repo + "/.factory/features.json"))
        try Data("services:\n  api: [\n".utf8).write(to: URL(fileURLWithPath: repo + "/.factory/services.yaml"))
        let r = try binary.run(["check", "--repo", repo, "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\"rule\": \"invalid-mission-file\""))
        #expect(r.stdout.contains("\"rule\": \"invalid-services-file\""))
    }

    @Test(arguments: [["check"], ["status", "show"], ["rules"]])
    func outputThatCannotBeWrittenIsAnErrorNotACrashOrASilentSuccess(arguments: [String]) throws {
        let r = try binary.run(arguments + ["--repo", PackagePaths.root].filter { _ in arguments != ["rules"] }, stdoutPath: "/dev/full")
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write standard output"))
    }

    @Test func lineFormatIsOneClickableLinePerFinding() throws {
        let r = try binary.run(["check", "--repo", PackagePaths.fixtures + "/broken-mission", "--format", "line"])
        #expect(r.status == 1)
        #expect(r.stdout == """
            docs/product/reports.md:8:3: error: `Fully implemented: yes` while `Status` is `partial` [inconsistent-status-block]
            docs/product/tracking.md:10:3: error: a second Mission status block (the first is at line 3); a doc carries exactly one [duplicate-status-block]

            """)
    }

    @Test func colorFollowsTheFlagAndTheEnvironment() throws {
        let args = ["check", "--repo", PackagePaths.fixtures + "/broken-mission"]
        #expect(try binary.run(args).stdout.contains("\u{1B}[") == false)  // a pipe, NO_COLOR set by the harness
        #expect(try binary.run(args + ["--color", "always"]).stdout.contains("\u{1B}[31m"))
        #expect(try binary.run(args, environment: ["NO_COLOR": "", "FORCE_COLOR": "1"]).stdout.contains("\u{1B}[31m"))
        #expect(try binary.run(args + ["--color", "never"], environment: ["FORCE_COLOR": "1"]).stdout.contains("\u{1B}[") == false)
    }

    @Test func rulesAsJSON() throws {
        let r = try binary.run(["rules", "--format", "json"])
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: String]])
        #expect(rules.contains { $0["id"] == "duplicate-status-block" && $0["severity"] == "error" && $0["command"] == "check" })
        #expect(rules.contains { $0["id"] == "claimed-file-not-in-commit" && $0["command"] == "handoff verify" })
        #expect(Set(rules.compactMap { $0["id"] }).count == rules.count)
    }

    @Test func helpTeaches() throws {
        let r = try binary.run(["check", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("closed set"))
        #expect(r.stdout.contains("--require-status-blocks"))
    }

    @Test func thisRepositoryIsClean() throws {
        let r = try binary.run(["check", "--repo", PackagePaths.root, "--strict"])
        #expect(r.status == 0, "\(r.stdout)")
    }

    @Test func everyRuleIsDocumented() throws {
        let docs = try String(contentsOfFile: PackagePaths.root + "/docs/rules.md", encoding: .utf8)
        let r = try binary.run(["rules", "--format", "json"])
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: String]])
        #expect(rules.count >= 50)
        for rule in rules {
            let id = rule["id"] ?? "", severity = rule["severity"] ?? ""
            // The row carries the anchor SARIF's helpUri points at and the registry's severity.
            #expect(docs.contains("<a id=\"\(id)\"></a>`\(id)` | \(severity) |"), "\(id) (\(severity)) missing from docs/rules.md, or with another severity")
        }
    }
}
