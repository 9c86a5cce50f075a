/// Where one or more missions stand, in one value: milestones and their features, the
/// traceability matrix (assertion → feature → state → latest verdict → handoffs → tests), the
/// source docs with their status blocks, and every finding placed beside the row it concerns.
/// Built from what `check` looked at; rendered by `MissionReportHTML` and `MissionReportMarkdown`.
public struct MissionReport: Sendable {
    /// A place in a repository file (repo-relative path).
    public struct Link: Sendable, Hashable {
        public var file: String
        public var line: Int?

        public init(file: String, line: Int? = nil) {
            self.file = file
            self.line = line
        }
    }

    /// An assertion's state in validation-state.json, folded into the states a chart can show.
    public enum State: String, Sendable, CaseIterable {
        case passed, failed, blocked, pending
        /// A status outside the canonical four and their common spellings.
        case other
        /// The assertion has no entry in validation-state.json (or the mission has no such file).
        case untracked

        /// `pass`, `passed`, `success` → passed; `fail`, `failed` → failed; and so on.
        public static func of(_ raw: String?) -> State {
            guard let raw else { return .untracked }
            switch raw.lowercased() {
            case "passed", "pass", "success", "succeeded", "done": return .passed
            case "failed", "fail", "failure": return .failed
            case "blocked": return .blocked
            case "pending", "todo", "in-progress", "in_progress", "not-started": return .pending
            default: return .other
            }
        }
    }

    /// A worker's handoff, as the report names it.
    public struct HandoffRef: Sendable, Hashable {
        public var file: String
        public var feature: String?
        public var commit: String?
        public var successState: String?
    }

    /// The latest validator verdict on an assertion.
    public struct Verdict: Sendable, Hashable {
        /// passed, failed or blocked.
        public var status: String
        public var round: Int
        public var file: String
        public var line: Int
    }

    /// The files a mission's rows link into, held once by all of them.
    final class RowFiles: Sendable {
        let contract: String
        let state: String
        let features: String

        init(contract: String, state: String, features: String) {
            self.contract = contract
            self.state = state
            self.features = features
        }
    }

    /// A verdict held by reference: most rows have none, and held inline it made every row larger.
    final class VerdictBox: Sendable {
        let verdict: Verdict
        init(_ verdict: Verdict) { self.verdict = verdict }
    }

    /// One assertion's row. Links are kept as lines beside one shared set of paths: a page can
    /// have 80,000 rows, and their size is most of its memory.
    public struct AssertionRow: Sendable {
        public var id: String
        public var title: String?
        /// Its heading in validation-contract.md (nil: the contract does not define it).
        public var contract: Link? { contractLine > 0 ? Link(file: files.contract, line: Int(contractLine)) : nil }
        public var milestone: String?
        /// The features that claim it (`fulfills`).
        public var features: [String]
        /// The raw status in validation-state.json.
        public var stateValue: String?
        public var state: State
        /// Its entry in validation-state.json (nil: the state does not track it).
        public var stateLink: Link? { stateLine > 0 ? Link(file: files.state, line: Int(stateLine)) : nil }
        public var verdict: Verdict? { verdictBox?.verdict }
        public var handoffs: [HandoffRef]
        /// Tests that handoffs name for it: `file: case`.
        public var tests: [String]
        public var findings: [Finding]
        let files: RowFiles
        /// 0: none (lines start at 1).
        let contractLine: Int32
        let stateLine: Int32
        let verdictBox: VerdictBox?
    }

    public struct FeatureRow: Sendable {
        public var id: String
        public var status: String?
        public var milestone: String?
        /// Its entry in features.json.
        public var link: Link { Link(file: files.features, line: Int(line)) }
        public var assertions: [String]
        public var handoffs: [HandoffRef]
        public var findings: [Finding]
        let files: RowFiles
        let line: Int32

        public var isCompleted: Bool { status == "completed" }
    }

    public struct MilestoneRow: Sendable {
        /// The milestone's name; nil groups the features that name none.
        public var name: String?
        public var features: [FeatureRow]
        /// Its assertions (those its features claim) by state.
        public var states: [State: Int]

        public var completedFeatures: Int { features.count { $0.isCompleted } }
        public var assertionCount: Int { states.values.reduce(0, +) }
    }

    public struct DocRow: Sendable {
        public struct Block: Sendable, Hashable {
            public var line: Int
            public var fields: [Field]
        }

        public struct Field: Sendable, Hashable {
            public var label: String
            public var value: String
        }

        public var path: String
        public var blocks: [Block]
        public var readError: String?
        public var findings: [Finding]
        /// Listed in AGENTS.md, but no file matches it.
        public var isMissing = false
    }

    public struct MissionSection: Sendable {
        /// The mission folder (repo-relative).
        public var path: String
        /// mission.md's first heading, when it has one.
        public var title: String?
        public var milestones: [MilestoneRow]
        public var assertions: [AssertionRow]
        public var docs: [DocRow]
        /// Findings about this mission that no row shows.
        public var otherFindings: [Finding]
        /// What was absent (a partial mission), from `check`'s notes.
        public var notes: [String]

        public var features: [FeatureRow] { milestones.flatMap(\.features) }
        public var findings: [Finding] {
            assertions.flatMap(\.findings) + features.flatMap(\.findings) + docs.flatMap(\.findings) + otherFindings
        }
        public func count(_ state: State) -> Int { assertions.count { $0.state == state } }

        /// The states a summary line names: those with assertions, and `passed` always.
        public var summaryStates: [(state: State, count: Int)] {
            State.allCases.map { ($0, count($0)) }.filter { $0.count > 0 || $0.state == .passed }
        }

        public var findingCounts: (errors: Int, warnings: Int) {
            // Counted where they are: `findings` would first copy them all into one list.
            let lists = assertions.map(\.findings) + features.map(\.findings) + docs.map(\.findings) + [otherFindings]
            let all = lists.reduce(0) { $0 + $1.count }
            let errors = lists.reduce(0) { total, list in total + list.count { $0.severity == .error } }
            return (errors, all - errors)
        }
    }

    /// The heading over a mission's notes, in both renderings.
    static func notesSummary(_ count: Int) -> String {
        "\(count) note(s): what this mission lacks, and so was not checked"
    }

    public var missions: [MissionSection]
    /// Findings about files all missions share (services.yaml, skills) or no mission owns.
    public var repositoryFindings: [Finding]
    /// The repository's name (its folder).
    public var repositoryName: String
    /// Without a mission: the validator outputs of `.factory/validation/`, one row per milestone.
    public var validation: [ValidationMilestoneRow] = []

    /// Every finding the report shows, each once (two missions that list the same doc both
    /// report its findings): counted when the report is built.
    public var findingCount: (errors: Int, warnings: Int) = (0, 0)
}
