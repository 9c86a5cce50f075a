import Foundation
import MissionKit
import MissionTestSupport

/// A temporary git repository built commit by commit.
final class GitFixture {
    let repo: TempRepo
    var root: String { repo.root }

    init() throws {
        repo = try TempRepo([:])
        try repo.scratch.initGit()
    }

    @discardableResult
    func git(_ args: String...) throws -> String { try repo.scratch.git(args) }

    /// Writes files (nil removes one) and commits; returns the short id.
    @discardableResult
    func commit(_ message: String, _ files: [String: String?]) throws -> String { try repo.scratch.commit(message, files) }

    func verify(_ handoff: String, commit: String?, mission: Bool = false, rerun: Double? = nil) throws -> HandoffVerifier.Verification {
        let m = mission ? Mission.load(repoRoot: root, missionDir: root + "/.factory") : nil
        let verifier = HandoffVerifier(repo: GitRepository(root: root), mission: m, rerunTimeout: rerun)
        return try verifier.verify(bytes: Array(handoff.utf8), file: "handoff.json", commitOverride: commit)
    }
}

/// Builds handoff JSON for tests.
enum HandoffJSON {
    static func bare(
        summary: String = "Did the work.", implemented: String = "Implemented it.",
        tests: [(file: String, cases: [(String, String)])] = [], commands: [(String, Int)] = [], checks: Int = 1
    ) -> String {
        let testsJSON = tests.map { t in
            "{\"file\": \(quote(t.file)), \"cases\": [" + t.cases.map { "{\"name\": \(quote($0.0)), \"verifies\": \(quote($0.1))}" }.joined(separator: ", ") + "]}"
        }.joined(separator: ", ")
        let commandsJSON = commands.map { "{\"command\": \(quote($0.0)), \"exitCode\": \($0.1), \"observation\": \"ok\"}" }.joined(separator: ", ")
        let checksJSON = (0..<checks).map { _ in "{\"action\": \"curl\", \"observed\": \"409\"}" }.joined(separator: ", ")
        return """
            {
              "salientSummary": \(quote(summary)),
              "whatWasImplemented": \(quote(implemented)),
              "whatWasLeftUndone": "",
              "verification": {"commandsRun": [\(commandsJSON)], "interactiveChecks": [\(checksJSON)]},
              "tests": {"added": [\(testsJSON)]},
              "discoveredIssues": []
            }
            """
    }

    static func wrapped(_ inner: String, commit: String, followedProcedure: Bool = true) -> String {
        """
        {"timestamp": "2026-01-01T00:00:00Z", "workerSessionId": "3f1c2b9e-1111-2222-3333-444455556666",
         "featureId": "global-running-timer", "milestone": "timer-core", "commitId": "\(commit)",
         "successState": "success", "returnToOrchestrator": false, "repoPath": "/home/worker/repo",
         "handoff": \(inner),
         "skillFeedback": {"followedProcedure": \(followedProcedure), "deviations": [], "suggestedChanges": []}}
        """
    }

    static func quote(_ s: String) -> String {
        var out = ""
        JSONValueEscape.escape(s, into: &out)
        return out
    }
}

enum JSONValueEscape {
    static func escape(_ s: String, into out: inout String) {
        out = JSONValue.string(s).rendered()
    }
}
