import Foundation
import MissionKit
import MissionTestSupport

/// A scratch repository (removed on deinit) with the mission and check steps the rule tests use.
final class TempRepo {
    let scratch: ScratchRepository
    var root: String { scratch.root }

    init(_ files: [String: String]) throws {
        scratch = try ScratchRepository(files, label: "missionkit")
    }

    func write(_ path: String, _ content: String) throws { try scratch.write(path, content) }

    func read(_ path: String) throws -> String { try scratch.read(path) }

    func mission(_ dir: String = ".factory") -> Mission {
        Mission.load(repoRoot: root, missionDir: root + "/" + dir)
    }

    func check(requireStatusBlocks: Bool = false, mission dir: String = ".factory") -> DiagnosticsReport {
        MissionChecker.check(mission(dir), options: CheckOptions(requireStatusBlocks: requireStatusBlocks))
    }
}

extension DiagnosticsReport {
    func findings(_ rule: String) -> [Finding] { findings.filter { $0.rule == rule } }
}

/// A small mission that is clean under every rule; each test changes one thing.
enum Fixture {
    static func block(
        agent: String = "feat-a", status: String = "complete", differences: String = "none", todo: String = "none",
        fully: String = "yes"
    ) -> String {
        """
        > Mission status
        > Agent: \(agent)
        > Status: \(status)
        > Current code differences: \(differences)
        > Todo: \(todo)
        > Fully implemented: \(fully)

        """
    }

    static var valid: [String: String] {
        [
            ".factory/AGENTS.md": """
                # Mission rules

                Read `mission.md` first (not a source doc).

                ## Source docs (closed set)

                - `docs/a.md` — the first doc
                - `docs/b.md`

                ## Conventions

                - `scripts/x.sh` is not a source doc
                """,
            ".factory/mission.md": "# Plan\n\nEvery listed doc carries a Mission status block.\n",
            ".factory/features.json": """
                {"features": [
                  {"id": "feat-a", "skillName": "worker", "fulfills": ["VAL-DOC-001"], "status": "completed"},
                  {"id": "feat-b", "skillName": "worker", "fulfills": ["VAL-DOC-002"], "status": "pending",
                   "workerSessionIds": ["x"]}
                ]}
                """,
            ".factory/validation-contract.md": """
                # Validation contract

                ## Area: Doc

                ### VAL-DOC-001: One block per doc
                Each listed doc has one block.
                Tool: missionctl
                Evidence: exit code

                ### VAL-DOC-002: Canonical fields
                Tool: missionctl
                """,
            ".factory/validation-state.json": """
                {"assertions": {"VAL-DOC-001": {"status": "passed"}, "VAL-DOC-002": {"status": "pending"}}}
                """,
            ".factory/services.yaml": """
                commands:
                  test: swift test
                services:
                  api:
                    start: serve --port 8080
                    stop: kill-it 8080
                    healthcheck: curl -sf http://127.0.0.1:8080/readyz
                    port: 8080
                    depends_on: []
                """,
            ".factory/skills/worker/SKILL.md": "---\nname: worker\ndescription: Does the work.\n---\n# Worker\n",
            "docs/a.md": "# A\n\n" + block() + "\nBody of A.\n",
            "docs/b.md": "# B\n\n" + block(agent: "feat-b", status: "partial", todo: "wire the API", fully: "no") + "\nBody.\n",
            "README.md": "# Repo\n",
        ]
    }
}
