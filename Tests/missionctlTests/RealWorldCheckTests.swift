import Foundation
import Testing
import MissionTestSupport

/// `check` and `handoff verify --all` run as a user would on repositories shaped like public
/// mission repositories (several missions under .factory/missions/, a root mission).
@Suite struct RealWorldCheckTests {
    func json(_ r: TestExecutable.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
    }

    func rules(_ r: TestExecutable.Result) throws -> [String] {
        ((try json(r)["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
    }

    @Test func severalMissionsAreCheckedByDefaultAndRepositoryFindingsComeOnce() throws {
        let r = try binary.run(["check", "--repo", PackagePaths.fixtures + "/real-world-missions", "--format", "json"])
        #expect(r.status == 1, "\(r.stderr)")
        let found = try rules(r)
        #expect(found.filter { $0 == "unknown-skill" }.count == 1)
        #expect(found.filter { $0 == "service-without-start" }.count == 1)
        #expect(!found.contains("no-source-docs") && !found.contains("unknown-assertion") && !found.contains("validation-state-mismatch"))
        // --all-missions is still accepted and means the same here.
        let alias = try binary.run(["check", "--repo", PackagePaths.fixtures + "/real-world-missions", "--all-missions", "--format", "json"])
        #expect(try rules(alias) == found)
        // --mission narrows to one.
        let one = try binary.run([
            "check", "--repo", PackagePaths.fixtures + "/real-world-missions", "--mission",
            PackagePaths.fixtures + "/real-world-missions/.factory/missions/3f6c1e2a-0b7d-4c1e-9a55-2d8e4f0a6b11", "--format", "json",
        ])
        #expect(!(try rules(one)).contains("unknown-skill"))
    }

    @Test func aRootMissionIsFoundAndItsBareArrayStillChecked() throws {
        let r = try binary.run(["check", "--repo", PackagePaths.fixtures + "/root-mission", "--format", "json"])
        #expect(r.status == 1)
        let found = try rules(r)
        #expect(found.contains("invalid-mission-file"))
        #expect(found.filter { $0 == "assertion-claimed-twice" }.count == 3)
    }

    @Test func handoffVerifyAllWithoutHandoffsIsANoteNotAnError() throws {
        let r = try binary.run(["handoff", "verify", "--all", "--repo", PackagePaths.fixtures + "/root-mission"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("no handoff files"))
    }

    @Test func aRepositoryWithFactoryFilesButNoMissionHasNoHandoffsNotAnError() throws {
        let root = NSTemporaryDirectory() + "missionctl-factory-only-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/.factory", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("commands:\n  test: make test\n".utf8).write(to: URL(fileURLWithPath: root + "/.factory/services.yaml"))
        let handoffs = try binary.run(["handoff", "verify", "--all", "--repo", root])
        #expect(handoffs.status == 0 && handoffs.stdout.contains("no handoff files"))
        #expect(!handoffs.stdout.contains("in 0 doc"))
        let check = try binary.run(["check", "--repo", root])
        #expect(check.status == 0 && check.stdout.contains("No mission folder found"))
        try FileManager.default.removeItem(atPath: root + "/.factory")
        #expect(try binary.run(["handoff", "verify", "--all", "--repo", root]).status == 2)
        #expect(try binary.run(["check", "--repo", root]).status == 2)
    }
}
