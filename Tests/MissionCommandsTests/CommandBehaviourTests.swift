import Foundation
import MissionCommands
import Testing

/// Argument parsing and command behaviour, in process.
@Suite struct CommandBehaviourTests {
    @Test func checkReportsFindingsAndMapsThemToExitOne() async {
        let r = await InProcess.run(["check", "--repo", InProcess.fixtures + "/broken-mission", "--format", "line"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("docs/product/tracking.md:10:3: error:") && r.stdout.contains("[duplicate-status-block]"))
    }

    @Test func usageErrorsExitTwoWithTheReason() async {
        let r = await InProcess.run(["check", "--format", "yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--format"))
        let skip = await InProcess.run(["validate", "--skip", "tests"])
        #expect(skip.status == 2)
        #expect(skip.stderr.contains("did you mean `test`"))
    }

    @Test func suiteIdsEnableUnimplementedAssertionForTheAreasTheSuiteCovers() async throws {
        let listing = try InProcess.folder(["ids.json": #"[{"id": "VAL-TIMER-002", "title": "another"}]"#])
        defer { try? FileManager.default.removeItem(atPath: listing) }
        let repo = InProcess.fixtures + "/clean-mission"
        let with = await InProcess.run(["check", "--repo", repo, "--suite-ids", listing + "/ids.json", "--format", "line"])
        // VAL-TIMER-001 is in an area the suite covers, without a scenario; VAL-ENTRY-004's area is not covered.
        #expect(with.stdout.contains("`VAL-TIMER-001` is in area TIMER") && with.stdout.contains("[unimplemented-assertion]"))
        #expect(!with.stdout.contains("VAL-ENTRY-004"))
        let without = await InProcess.run(["check", "--repo", repo, "--format", "line"])
        #expect(without.status == 0 && !without.stdout.contains("unimplemented-assertion"))
    }

    @Test func aBadSuiteListingNamesTheFileAndThePosition() async throws {
        let listing = try InProcess.folder(["ids.json": "[\n  {\"id\": \"VAL-TIMER-001\"},\n  {\"name\": \"x\"}\n]\n", "bad.json": "{\"id\": 1"])
        defer { try? FileManager.default.removeItem(atPath: listing) }
        let repo = InProcess.fixtures + "/clean-mission"
        let r = await InProcess.run(["check", "--repo", repo, "--suite-ids", listing + "/ids.json"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("ids.json:3:3: item 2 has no assertion id"), "\(r.stderr)")
        let bad = await InProcess.run(["check", "--repo", repo, "--suite-ids", listing + "/bad.json"])
        #expect(bad.status == 2 && bad.stderr.contains("not a suite listing"))
        let missing = await InProcess.run(["check", "--repo", repo, "--suite-ids", listing + "/none.json"])
        #expect(missing.status == 2 && missing.stderr.contains("--suite-ids"))
    }

    @Test func rulesListsEveryRuleAsJSON() async throws {
        let r = await InProcess.run(["rules", "--format", "json"])
        #expect(r.status == 0)
        let rules = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rules.contains { $0["id"] as? String == "unimplemented-assertion" })
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreGenerated(_ shell: String) async {
        let r = await InProcess.run(["--generate-completion-script", shell])
        #expect(r.status == 0)
        #expect(r.stdout.contains("missionctl") && r.stdout.contains("handoff") && r.stdout.contains("suite-ids"))
    }

    @Test func versionIsPrintedOnStandardOutput() async {
        let r = await InProcess.run(["--version"])
        #expect(r.status == 0 && r.stdout.first?.isNumber == true)
    }
}
