import Foundation
import Testing
import MissionTestSupport

/// `status set` on docs that are links, hard links, CRLF files, or were left half-written (issue 15).
@Suite struct StatusWriteSafetyTests {
    func withRepo(_ body: (String) throws -> Void) throws {
        let repo = try PackagePaths.copyFixture("clean-mission")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try body(repo)
    }

    @Test func aSymlinkedDocIsEditedAtItsTargetAndStaysALink() throws {
        try withRepo { repo in
            let fm = FileManager.default
            try fm.moveItem(atPath: repo + "/docs/product/reports.md", toPath: repo + "/docs/reports-real.md")
            try fm.createSymbolicLink(atPath: repo + "/docs/product/reports.md", withDestinationPath: "../reports-real.md")
            let r = try binary.run(["status", "set", repo + "/docs/product/reports.md", "--todo", "new work", "--repo", repo])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try fm.destinationOfSymbolicLink(atPath: repo + "/docs/product/reports.md") == "../reports-real.md")
            #expect(try String(contentsOfFile: repo + "/docs/reports-real.md", encoding: .utf8).contains("> Todo: new work"))
        }
    }

    @Test func aHardLinkedDocKeepsItsOtherNames() throws {
        try withRepo { repo in
            let doc = repo + "/docs/product/reports.md"
            #expect(link(doc, repo + "/docs/hard-copy.md") == 0)
            let r = try binary.run(["status", "set", doc, "--todo", "linked work", "--repo", repo])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try String(contentsOfFile: repo + "/docs/hard-copy.md", encoding: .utf8).contains("> Todo: linked work"))
            var a = stat(), b = stat()
            #expect(stat(doc, &a) == 0 && stat(repo + "/docs/hard-copy.md", &b) == 0 && a.st_ino == b.st_ino)
        }
    }

    @Test func aTemporaryLeftByAKilledWriterIsRemovedByTheNextWrite() throws {
        try withRepo { repo in
            let stale = repo + "/docs/product/.reports.md.missionctl-AbC123"
            try Data("half".utf8).write(to: URL(fileURLWithPath: stale))
            let r = try binary.run(["status", "set", repo + "/docs/product/reports.md", "--todo", "x", "--repo", repo])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: stale))
        }
    }

    @Test func theDryRunDiffOfACRLFDocAppliesWithPatch() throws {
        try withRepo { repo in
            let doc = repo + "/docs/product/reports.md"
            let original = try String(contentsOfFile: doc, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
            try Data(original.utf8).write(to: URL(fileURLWithPath: doc))
            let diff = try binary.run(["status", "set", doc, "--todo", "y", "--dry-run", "--repo", repo])
            #expect(diff.status == 0)
            let copy = NSTemporaryDirectory() + "missionctl-patch-" + UUID().uuidString + ".md"
            defer { try? FileManager.default.removeItem(atPath: copy) }
            try Data(original.utf8).write(to: URL(fileURLWithPath: copy))
            try Data(diff.stdout.utf8).write(to: URL(fileURLWithPath: copy + ".diff"))
            defer { try? FileManager.default.removeItem(atPath: copy + ".diff") }
            let patch = Process()
            patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
            patch.arguments = ["-s", copy, "-i", copy + ".diff"]
            patch.standardOutput = FileHandle.nullDevice
            try patch.run()
            patch.waitUntilExit()
            #expect(patch.terminationStatus == 0)
            #expect(try String(contentsOfFile: copy, encoding: .utf8) == original.replacingOccurrences(of: "> Todo: wire the report endpoint\r\n", with: "> Todo: y\r\n"))
        }
    }

    @Test func duplicateKeysInMissionJSONAreReported() throws {
        try withRepo { repo in
            let features = repo + "/.factory/features.json"
            let text = try String(contentsOfFile: features, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "\"id\":", with: "\"id\": \"shadowed\", \"id\":").utf8).write(to: URL(fileURLWithPath: features))
            let r = try binary.run(["check", "--repo", repo, "--format", "json"])
            #expect(r.status == 1)
            #expect(r.stdout.contains("duplicate key"))
        }
    }

    @Test func blocksThatStatusInitWritesPassCheckStrict() throws {
        try withRepo { repo in
            let agents = repo + "/.factory/AGENTS.md"
            let text = try String(contentsOfFile: agents, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "- `docs/product/reports.md`", with: "- `docs/product/reports.md`\n- `docs/product/new.md`").utf8)
                .write(to: URL(fileURLWithPath: agents))
            try Data("# New\n\nNot started yet.\n".utf8).write(to: URL(fileURLWithPath: repo + "/docs/product/new.md"))
            #expect(try binary.run(["status", "init", "--repo", repo]).status == 0)
            #expect(try String(contentsOfFile: repo + "/docs/product/new.md", encoding: .utf8).contains("> Agent: unassigned"))
            let strict = try binary.run(["check", "--repo", repo, "--strict"])
            #expect(strict.status == 0, "\(strict.stdout)")
        }
    }
}
