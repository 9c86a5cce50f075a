import Foundation
import Testing
import MissionTestSupport

@Suite struct StatusCommandTests {
    func withRepo(_ body: (String) throws -> Void) throws {
        let repo = try PackagePaths.copyFixture("broken-mission")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try body(repo)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func showTableAndJSON() throws {
        try withRepo { repo in
            let table = try binary.run(["status", "show", "--repo", repo])
            #expect(table.status == 1)
            let lines = table.stdout.split(separator: "\n")
            #expect(lines.first?.hasPrefix("DOC") == true)
            #expect(lines.contains { $0.hasPrefix("docs/product/tracking.md") && $0.contains("duplicate-status-block") })
            let json = try binary.run(["status", "show", "--repo", repo, "--format", "json", "docs/product/reports.md"], cwd: repo)
            let rows = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows[0]["status"] as? String == "partial")
            #expect((rows[0]["lines"] as? [String: Int]) == ["start": 3, "end": 8])
        }
    }

    @Test func setUpdatesThenSaysUnchanged() throws {
        try withRepo { repo in
            let doc = repo + "/docs/product/reports.md"
            let before = try read(doc)
            let args = ["status", "set", doc, "--todo", "wire the endpoint", "--fully-implemented", "no"]
            let first = try binary.run(args)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("updated: Todo: none → wire the endpoint; Fully implemented: yes → no"))
            #expect(try read(doc) == before.replacingOccurrences(of: "> Todo: none\n> Fully implemented: yes", with: "> Todo: wire the endpoint\n> Fully implemented: no"))
            let second = try binary.run(args)
            #expect(second.status == 0 && second.stdout.hasSuffix("unchanged\n"))
            #expect(try binary.run(["check", "--repo", repo]).stdout.contains("reports.md") == false)
        }
    }

    @Test func refusedUpdateLeavesTheFileUntouched() throws {
        try withRepo { repo in
            let doc = repo + "/docs/product/reports.md"
            let before = try Data(contentsOf: URL(fileURLWithPath: doc))
            let r = try binary.run(["status", "set", doc, "--status", "complete", "--todo", "more work"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("inconsistent-status-block"))
            #expect(r.stderr.contains("/docs/product/reports.md:7:3: `Status: complete` while"), "\(r.stderr)")  // file:line:col, clickable
            #expect(try Data(contentsOf: URL(fileURLWithPath: doc)) == before)
            let multi = try binary.run(["status", "set", doc, "--todo", "a\nb"])
            #expect(multi.status == 2 && multi.stderr.contains("single line"))
            let dup = try binary.run(["status", "set", repo + "/docs/product/tracking.md", "--agent", "x"])
            #expect(dup.status == 1 && dup.stderr.contains("lines 3, 10"))
            let missing = try binary.run(["status", "set", repo + "/nope.md", "--agent", "x"])
            #expect(missing.status == 2)
        }
    }

    /// Hints print repository paths; they must work from any subfolder.
    @Test func docPathsResolveFromSubfoldersByRepositoryPath() throws {
        try withRepo { repo in
            let sub = repo + "/docs/product"
            let r = try binary.run(["status", "set", "docs/product/reports.md", "--todo", "wire it", "--fully-implemented", "no", "--repo", repo], cwd: sub)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try read(repo + "/docs/product/reports.md").contains("> Todo: wire it"))
            // Without --repo, relative to where one stands, too (the repository is the git top level).
            try FileManager.default.createDirectory(atPath: repo + "/.git", withIntermediateDirectories: true)
            let local = try binary.run(["status", "show", "reports.md"], cwd: sub)
            #expect(local.stdout.contains("docs/product/reports.md"), "\(local.stderr)")
            // With --repo, paths are the repository's: the working directory is not consulted.
            let fromRepo = try binary.run(["status", "show", "reports.md", "--repo", repo], cwd: sub)
            #expect(fromRepo.status == 2 && fromRepo.stderr.contains("tried \(repo)/reports.md"), "\(fromRepo.stderr)")
            let missing = try binary.run(["status", "show", "docs/nope.md"], cwd: sub)
            #expect(missing.status == 2 && missing.stderr.contains("at the repository root"), "\(missing.stderr)")
        }
    }

    /// `status show` shows the values `--merge-duplicates` keeps: the last block's.
    @Test func showAndMergeAgreeOnTheWinningBlock() throws {
        try withRepo { repo in
            let doc = "docs/product/tracking.md"
            let json = try binary.run(["status", "show", "--repo", repo, "--format", "json", doc], cwd: repo)
            let rows = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            let shown = try #require(rows.first?["differences"] as? String)
            let merge = try binary.run(["status", "set", repo + "/" + doc, "--merge-duplicates"])
            #expect(merge.status == 0, "\(merge.stderr)")
            #expect(try read(repo + "/" + doc).contains("> Current code differences: " + shown))
        }
    }

    @Test func dryRunPrintsADiffAndWritesNothing() throws {
        try withRepo { repo in
            let doc = repo + "/docs/product/tracking.md"
            let before = try read(doc)
            let r = try binary.run(["status", "set", doc, "--merge-duplicates", "--dry-run"], cwd: repo)
            #expect(r.status == 0)
            #expect(r.stdout.hasPrefix("--- a/docs/product/tracking.md\n+++ b/docs/product/tracking.md\n@@ -1,17 +1,10 @@\n"))
            #expect(try read(doc) == before)
            let merged = try binary.run(["status", "set", doc, "--merge-duplicates"])
            #expect(merged.status == 0)
            #expect(try read(doc).components(separatedBy: "> Mission status").count == 2)
        }
    }

    @Test func filePermissionsArePreserved() throws {
        try withRepo { repo in
            let doc = repo + "/docs/product/reports.md"
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: doc)
            _ = try binary.run(["status", "set", doc, "--todo", "x", "--fully-implemented", "no"])
            let mode = try FileManager.default.attributesOfItem(atPath: doc)[.posixPermissions] as? Int
            #expect(mode == 0o640)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo + "/docs/product").filter { $0.contains("missionctl-") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func concurrentWritersNeverLoseAnUpdate() throws {
        try withRepo { repo in
            let doc = repo + "/docs/product/reports.md"
            let start = try binary.run(["status", "set", doc, "--todo", "start", "--fully-implemented", "no"])
            try #require(start.status == 0)
            for round in 0..<4 {
                let updates: [[String]] = [
                    ["--agent", "agent-\(round)"], ["--differences", "diff-\(round)"], ["--todo", "todo-\(round)"],
                    ["--fully-implemented", "no"], ["--status", round % 2 == 0 ? "in-progress" : "partial"],
                ]
                let group = DispatchGroup()
                let failures = Counter()
                for args in updates {
                    group.enter()
                    DispatchQueue.global().async {
                        defer { group.leave() }
                        // The delay widens the read-to-write window; without the lock, updates would be lost.
                        let r = try? binary.run(["status", "set", doc] + args, environment: ["MISSIONCTL_TEST_WRITE_DELAY_MS": "40"])
                        if r?.status != 0 { failures.increment() }
                    }
                }
                group.wait()
                #expect(failures.value == 0)
                let text = try read(doc)
                for expected in ["Agent: agent-\(round)", "differences: diff-\(round)", "Todo: todo-\(round)", "Fully implemented: no"] {
                    #expect(text.contains(expected), "round \(round): lost \(expected)")
                }
            }
        }
    }

    @Test func initAddsBlocksOnlyWhereMissing() throws {
        try withRepo { repo in
            try Data("# Reports\n\nNo block.\n".utf8).write(to: URL(fileURLWithPath: repo + "/docs/product/reports.md"))
            let r = try binary.run(["status", "init", "--repo", repo, "--agent", "reports"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("1 block(s) added; 1 doc(s) already had one"))
            #expect(try read(repo + "/docs/product/reports.md").hasPrefix("# Reports\n\n> Mission status\n> Agent: reports\n> Status: not-started\n"))
            let again = try binary.run(["status", "init", "--repo", repo])
            #expect(again.stdout.contains("0 block(s) added"))
        }
    }

    @Test func checkFixRepairsOnlyLosslessProblems() throws {
        try withRepo { repo in
            let doc = repo + "/docs/product/reports.md"
            try Data("# Reports\n\n> Mission status\n> status: partial\n> Agent:   reports\n> Current code differences: none\n> TODO: wire it\n> Fully implemented: no\n".utf8)
                .write(to: URL(fileURLWithPath: doc))
            let r = try binary.run(["check", "--repo", repo, "--fix"])
            #expect(r.stderr.contains("fixed docs/product/reports.md"))
            #expect(try read(doc) == "# Reports\n\n> Mission status\n> Agent: reports\n> Status: partial\n> Current code differences: none\n> Todo: wire it\n> Fully implemented: no\n")
            // Different duplicate blocks are never merged: the finding remains.
            #expect(r.stdout.contains("duplicate-status-block"))
            #expect(r.status == 1)
        }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
