/// An input a rule must report, or must not: a small repository (its mission in `.factory/`) and,
/// for a handoff rule, the files the verified commit writes and the handoff itself. One generic
/// test runs every rule's examples, as SwiftLint runs its rules' triggering and non-triggering
/// examples.
public struct RuleExample: Sendable {
    /// Files of the repository before the verified commit (repo-relative path → content).
    public var files: [String: String]
    /// Handoff rules: the files the verified commit writes.
    public var commit: [String: String]
    /// Handoff rules: the handoff verified against that commit.
    public var handoff: String?
    /// Handoff rules: files committed after the verified commit (a handoff recorded later).
    public var later: [String: String] = [:]
    /// Whether the rule must report (true) or must stay silent (false).
    public var reports: Bool
    /// The regression suite's assertion ids, for rules that need its listing.
    public var suite: [String]? = nil
    /// Handoff rules: verify with `--rerun`.
    public var rerun = false

    /// The content that stands for a FIFO: the file is made a named pipe, not a regular file.
    public static let fifo = "\u{0}FIFO"

    /// The content that stands for `text` written as UTF-16 LE with a byte-order mark.
    public static func utf16(_ text: String) -> String { "\u{0}UTF16:" + text }

    /// The content that stands for a symlink: the file's folder is made a link to `target`.
    public static func symlink(_ target: String) -> String { "\u{0}LINK:" + target }

    /// The severity the reported findings carry, when the example escalates the rule's default.
    public var severity: Severity? = nil

    /// This example, whose findings carry `severity` instead of the rule's default.
    public func severity(_ severity: Severity) -> RuleExample {
        var copy = self
        copy.severity = severity
        return copy
    }

    /// A repository that must report the rule.
    public static func reports(_ files: [String: String]) -> RuleExample {
        RuleExample(files: files, commit: [:], handoff: nil, reports: true)
    }

    /// A repository that must not report the rule.
    public static func passes(_ files: [String: String]) -> RuleExample {
        RuleExample(files: files, commit: [:], handoff: nil, reports: false)
    }

    /// A handoff verified against a commit writing `commit` on top of `files` (the handoff names
    /// its commit as `HEAD`, or none, when `later` records it in a commit of its own).
    public static func handoff(
        _ handoff: String, commit: [String: String], files: [String: String] = [:], later: [String: String] = [:], reports: Bool,
        rerun: Bool = false
    ) -> RuleExample {
        RuleExample(files: files, commit: commit, handoff: handoff, later: later, reports: reports, rerun: rerun)
    }

    /// This example with the regression suite's listing.
    public func suite(_ ids: [String]) -> RuleExample {
        var copy = self
        copy.suite = ids
        return copy
    }

    /// A mission whose closed set is `docs/a.md`, with that doc's text.
    public static func doc(_ text: String, reports: Bool, files: [String: String] = [:]) -> RuleExample {
        RuleExample(files: closedSet.merging(["docs/a.md": text]) { $1 }.merging(files) { $1 }, commit: [:], handoff: nil, reports: reports)
    }

    /// A `.factory/services.yaml`.
    public static func services(_ yaml: String, reports: Bool) -> RuleExample {
        RuleExample(files: [".factory/services.yaml": yaml], commit: [:], handoff: nil, reports: reports)
    }

    /// A mission AGENTS.md whose closed set is `docs/a.md`.
    public static let closedSet = [
        ".factory/AGENTS.md": "# Mission\n\n## Source docs (closed set)\n\n- `docs/a.md`\n\nEach carries one Mission status block.\n"
    ]

    /// A doc with one block of these values under its heading.
    public static func block(agent: String = "timer", status: String = "complete", todo: String = "none", done: String = "yes") -> String {
        "# A\n\n" + blockLines(agent: agent, status: status, todo: todo, done: done)
    }

    /// The six lines of a block.
    public static func blockLines(agent: String = "timer", status: String = "complete", todo: String = "none", done: String = "yes") -> String {
        "> Mission status\n> Agent: \(agent)\n> Status: \(status)\n> Current code differences: none\n> Todo: \(todo)\n> Fully implemented: \(done)\n"
    }

    /// A contract defining VAL-A-001 and VAL-A-002.
    public static let contract = [
        ".factory/validation-contract.md": "# Contract\n\n### VAL-A-001: one\nA paragraph.\n\n### VAL-A-002: two\nA paragraph.\n"
    ]

    /// features.json with these feature objects.
    public static func features(_ features: String...) -> [String: String] {
        [".factory/features.json": "{\"features\": [" + features.joined(separator: ", ") + "]}"]
    }

    /// validation-state.json with these entries (`"VAL-A-001": {"status": "passed"}`).
    public static func state(_ entries: String) -> [String: String] {
        [".factory/validation-state.json": "{\"assertions\": {" + entries + "}}"]
    }

    /// A synthesis of milestone `m` at `.factory/validation/m/user-testing/<name>`.
    public static func synthesis(_ json: String, name: String = "synthesis.json") -> [String: String] {
        [".factory/validation/m/user-testing/" + name: json]
    }

    /// A services.yaml that every services rule accepts.
    public static let goodServices = """
        commands:
          test: swift test
        services:
          api:
            start: ./api --port 8080
            healthcheck: curl -sf http://127.0.0.1:8080/readyz
            port: 8080

        """

    /// A bare handoff whose prose is `implemented`, with tests.added.
    public static func handoffJSON(
        implemented: String = "Implemented it.", tests: String = "", commands: String = "", checks: Int = 1,
        wrapper: String = #""commitId": "HEAD""#
    ) -> String {
        let interactive = Array(repeating: "{\"action\": \"a\", \"observed\": \"b\"}", count: checks).joined(separator: ", ")
        let inner = """
            {"salientSummary": "Did it.", "whatWasImplemented": "\(implemented)", "verification": {"commandsRun": [\(commands)], \
            "interactiveChecks": [\(interactive)]}, "tests": {"added": [\(tests)]}}
            """
        return wrapper.isEmpty ? inner : "{\(wrapper), \"handoff\": \(inner)}"
    }
}
