import MissionSystem

/// Verifies that a handoff's commit contains the work the handoff claims.
public struct HandoffVerifier: Sendable {
    public var repo: GitRepository
    public var mission: Mission?
    /// With `--rerun`: run each claimed command in a clean worktree of the commit.
    public var rerunTimeout: Double?

    /// The mission's closed-set Markdown docs, resolved once (`--all` verifies many handoffs).
    let closedSet: Set<String>
    /// The mission's progress_log.jsonl, read once.
    let progressLog: ProgressLog?
    /// Commit subjects, read once when a handoff first needs them.
    let subjects = CommitSubjects()

    public init(repo: GitRepository, mission: Mission?, rerunTimeout: Double? = nil) {
        self.repo = repo
        self.mission = mission
        self.rerunTimeout = rerunTimeout
        if let mission, mission.sourceDocs != nil {
            closedSet = Set(MissionChecker.closedSet(mission).markdown)
        } else {
            closedSet = []
        }
        progressLog = mission?.progressLog
    }

    /// Where the commit a handoff is verified against came from.
    public enum CommitSource: String, Sendable, Hashable, CaseIterable {
        /// `--commit` on the command line.
        case option
        /// The handoff's own `commitId` or `commit`.
        case handoff
        /// The feature's `commit` in features.json.
        case features
        /// The `commit` of the feature's `feature_complete` event in progress_log.jsonl.
        case progressLog
        /// The newest commit whose subject starts with the feature id.
        case subject
        /// The commit that added the handoff file.
        case addingCommit

        /// How the per-handoff line and the notes name it.
        public var label: String {
            switch self {
            case .option: "--commit"
            case .handoff: "handoff"
            case .features: "features.json"
            case .progressLog: "progress_log.jsonl"
            case .subject: "commit subject"
            case .addingCommit: "the commit that added the handoff"
            }
        }

        /// Whether the handoff (or its user) named the commit, rather than the mission's records.
        public var isNamed: Bool { self == .option || self == .handoff }
    }

    /// The outcome for one handoff.
    public struct Verification: Sendable {
        public var file: String
        public var commit: String?
        /// Where `commit` came from.
        public var commitSource: CommitSource?
        public var subject: String?
        public var matched: [String] = []
        public var missing: [String] = []
        public var extra: [String] = []
        public var findings: [Finding] = []
        /// The JSON could not be parsed at all (a usage error for a single handoff).
        public var unreadable: Bool = false
        /// Plain statements about how it was verified (a missing commit in a shallow clone, …).
        public var notes: [String] = []
        /// For a handoff that names no commit: which commit was used, and why.
        public var commitNote: String?

        public init(file: String) {
            self.file = file
        }

        public var errors: Int { findings.count { $0.severity == .error } }

        /// The commit as shown: its short id and, unless the handoff named it, where it came from.
        var commitText: String {
            guard let commit else { return "no commit" }
            let source = commitSource.map { $0.isNamed ? "" : " (\($0.label))" } ?? ""
            return "commit \(commit.prefix(7))" + source
        }

        /// The one-line summary `--all` prints.
        public var line: String {
            let mark = errors > 0 ? "✘" : "✔"
            var s = "\(mark) \(file)  \(commitText)  matched \(matched.count), missing \(missing.count), extra \(extra.count)"
            if !findings.isEmpty { s += "  (\(errors) error(s), \(findings.count - errors) warning(s))" }
            if matched.isEmpty && !missing.isEmpty {
                s += "  — the commit matches none of the \(missing.count) claimed file(s): it looks like the wrong commit"
            }
            return s
        }

        public var detail: ReportDetail {
            var lines = ["handoff \(file)  \(commitText)\(subject.map { " \"\($0)\"" } ?? "")"]
            for (label, files) in [("matched", matched), ("missing", missing), ("extra  ", extra)] {
                lines.append("  \(label)  " + (files.isEmpty ? "(none)" : files.joined(separator: ", ")))
            }
            return ReportDetail(
                key: "handoffs",
                value: .object([
                    ("file", .string(file)), ("commit", commit.map(JSONValue.string) ?? .null),
                    ("commitSource", commitSource.map { JSONValue.string($0.label) } ?? .null),
                    ("matched", .array(matched.map(JSONValue.string))), ("missing", .array(missing.map(JSONValue.string))),
                    ("extra", .array(extra.map(JSONValue.string))),
                ]),
                lines: lines)
        }
    }

    /// Verifies the handoff in `bytes`. `commitOverride` wins over the handoff's `commitId`.
    /// Throws only for a usage problem: no commit to verify against.
    public func verify(bytes: [UInt8], file: String, commitOverride: String?) throws(MissionError) -> Verification {
        var result = Verification(file: file)
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: bytes)
        } catch {
            result.unreadable = true
            result.findings.append(
                InvalidHandoffRule.descriptor.finding(
                    file, error.location, message: error.message, hint: "Fix the JSON syntax at this position."))
            return result
        }
        for duplicate in document.duplicateKeys {
            result.findings.append(
                InvalidHandoffRule.descriptor.finding(
                    file, duplicate.location, message: "duplicate key: `\(duplicate.path)` is given twice in one object; JSON readers keep only one",
                    hint: "Keep one of the two keys."))
        }
        let (decoded, problems) = Handoff.decode(document)
        result.findings += problems.map { InvalidHandoffRule.finding($0, file: file, document: document) }
        guard let handoff = decoded else { return result }

        // The prose is read once with every path-like word taken for a path: its changed paths
        // tell a bookkeeping commit and give the docs' pathspecs; the rest is asked of git once.
        let prose = ProseClaim.candidates(in: handoff.salientSummary + "\n" + handoff.whatWasImplemented)
        let proseChanged = prose.claims.filter { $0.kind == .changed }.map(\.path)
        let claims = handoff.tests.map(\.file) + handoff.filesChanged.map(\.file) + proseChanged
        guard
            let (commitChanges, source) = try resolveCommit(
                handoff, document: document, file: file, override: commitOverride, claims: claims, into: &result)
        else { return result }
        let commit = commitChanges.id
        let commitLocation = source == .handoff ? document.location(handoff.commitPath) : .start
        result.commit = commit
        result.commitSource = source
        if !source.isNamed {
            result.commitNote = "\(file) names no commit: verified against \(commit.prefix(7)), from \(source.label)."
        }
        if commitChanges.parents.isEmpty, try repo.isShallowBoundary(commit) {
            result.findings.append(
                CommitNotVerifiableRule.descriptor.finding(
                    file, commitLocation,
                    message: "commit \(commit.prefix(7)) is the boundary of a shallow clone: its parent is not here, so what it changed is unknown",
                    hint: "Fetch more history (`git fetch --deepen=50`, or `fetch-depth: 0` in actions/checkout) and verify again."))
            return result
        }
        result.subject = commitChanges.subject

        // The added lines of the claimed files come from a git call run while the paths the prose
        // names are looked up at the commit and its parent; it is limited to pathspecs derived from
        // the claims themselves.
        let claimedDocs = proseChanged.filter { closedSet.contains($0) }
        // Claimed paths that climb out of the repository are findings of their own (never pathspecs:
        // git refuses them and the whole verification would stop).
        let specs = Self.pathspecs(
            tests: handoff.tests.filter { !$0.cases.isEmpty }.map(\.file).filter(Self.staysInside),
            docs: claimedDocs.filter(Self.staysInside))
        let repo = self.repo
        let lines = Concurrent { () throws(MissionError) in try repo.addedLines(commit, pathspecs: specs) }
        let asked = prose.questions.filter { Self.staysInside($0) && !Glob.isPattern($0) && !$0.hasSuffix("/...") }
        var existing = try repo.existing(Array(asked), at: commit)
        if let parent = commitChanges.parents.first { existing.formUnion(try repo.existing(Array(asked), at: parent)) }
        var addedLines = try lines.value()
        let changes = commitChanges.changes
        // A claimed file that is a rename target: diff again with its old name so that only the
        // lines really added count, not the whole renamed file.
        let renamed = changes.filter { $0.oldPath != nil && addedLines[$0.path] != nil }
        if !renamed.isEmpty {
            let both = renamed.flatMap { [":(literal)" + $0.path, ":(literal)" + ($0.oldPath ?? "")] }
            for (path, added) in try repo.addedLines(commit, pathspecs: both) { addedLines[path] = added }
        }

        var context = HandoffContext(
            handoff: handoff, document: document, file: file, commit: commit, changes: changes, mission: mission,
            closedSet: closedSet, repo: repo, existing: existing)
        context.addedLines = addedLines

        for rule in RuleRegistry.handoffRules { result.findings += rule.init().check(context) }
        if let timeout = rerunTimeout { result.findings += try rerun(handoff, commit: commit, context: context, timeout: timeout) }

        // matched / missing / extra
        let changedPaths = changes.map(\.path)
        var matchedSet: Set<String> = []
        for (pattern, isClaim) in context.claimedPatterns {
            let hits = context.touched.matches(pattern)
            if hits.isEmpty {
                if isClaim { result.missing.append(pattern) }
            } else {
                matchedSet.formUnion(hits)
            }
        }
        result.matched = changedPaths.filter { matchedSet.contains($0) }
        result.extra = changedPaths.filter { !matchedSet.contains($0) }
        return result
    }

    /// The commit to verify against, and where it came from; nil when there is none to verify
    /// (the reason is then in `result`'s findings or notes).
    ///
    /// A commit the handoff names is used as it is. Otherwise the mission's records are tried in
    /// order: the feature's `commit` in features.json, its `feature_complete` event, a commit whose
    /// subject starts with the feature id, and the commit that added the handoff file. A candidate
    /// that only does bookkeeping (it matches none of the claims and changes mostly mission files)
    /// is passed over: a handoff committed after its work is not evidence against the work.
    func resolveCommit(
        _ handoff: Handoff, document: JSONDocument, file: String, override: String?, claims: [String], into result: inout Verification
    ) throws(MissionError) -> (GitRepository.CommitChanges, CommitSource)? {
        if let named = override ?? handoff.commitId.flatMap({ $0.isEmpty ? nil : $0 }) {
            let source: CommitSource = override != nil ? .option : .handoff
            let location = source == .handoff ? document.location(handoff.commitPath) : .start
            if let reason = GitRepository.notASingleCommit(named) {
                result.findings.append(
                    InvalidHandoffRule.descriptor.finding(
                        file, location, message: reason, hint: "Write the id of the one commit that holds the work, e.g. `\"commitId\": \"74e81a8\"`."))
                return nil
            }
            if let changes = try repo.commitChanges(named) { return (changes, source) }
            if try repo.isShallow() {
                result.notes.append("\(file): commit \(named) is not in this shallow clone, so the handoff was not verified; fetch more history (`git fetch --unshallow`) to verify it.")
            } else {
                result.findings.append(CommitNotFoundRule.finding(named, file: file, location: location, repo: repo.root))
            }
            return nil
        }

        // Each source is asked only when the ones before it gave nothing usable: most handoffs
        // stop at features.json or the progress log, before any `git log`.
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let feature = (handoff.featureId ?? HandoffLog.featureFromFileName(name)).flatMap { $0.isEmpty ? nil : $0 }
        let mission = self.mission, progressLog = self.progressLog, subjects = self.subjects, repo = self.repo
        let sources: [(CommitSource, () throws(MissionError) -> String?)] = [
            (.features, { feature.flatMap { id in mission?.features?.features.first { $0.id == id }?.commit } }),
            (.progressLog, { feature.flatMap { progressLog?.completedFeatureCommits[$0] } }),
            (.subject, { () throws(MissionError) in
                guard let feature else { return nil }
                return try subjects.newest(startingWith: feature, in: repo)
            }),
            (.addingCommit, { () throws(MissionError) in try repo.commitAdding(file) }),
        ]
        var tried: [String] = []
        var seen: Set<String> = []
        var missingFromShallowClone = 0
        var shallow: Bool?
        for (source, candidate) in sources {
            guard let rev = try candidate() else { continue }
            guard GitRepository.notASingleCommit(rev) == nil, let changes = try repo.commitChanges(rev) else {
                if shallow == nil { shallow = try repo.isShallow() }
                if shallow == true { missingFromShallowClone += 1 }
                tried.append("\(source.label) names \(rev), which is not in this repository")
                continue
            }
            guard seen.insert(changes.id).inserted else { continue }
            if let why = bookkeeping(changes, claims: claims) {
                tried.append("\(source.label) gives \(changes.id.prefix(7)), which \(why)")
                continue
            }
            return (changes, source)
        }
        if tried.isEmpty && seen.isEmpty {
            throw MissionError(
                "\(file): no commit to verify: the handoff names none (commitId), the mission records none for its feature, and git knows no commit that added it; pass --commit SHA")
        }
        if missingFromShallowClone == tried.count {
            result.notes.append("\(file): the commit the mission records for it is not in this shallow clone, so the handoff was not verified; fetch more history to verify it.")
            return nil
        }
        result.findings.append(
            CommitNotVerifiableRule.descriptor.finding(
                file, handoff.featureId != nil ? document.location("$.featureId") : .start,
                message: "the handoff names no commit, and no candidate holds its work: " + tried.joined(separator: "; "),
                hint: "Name the commit that holds the work in the handoff (`\"commitId\": \"74e81a8\"`) or in features.json (`commit`), or pass --commit SHA."))
        return nil
    }

    /// Why `commit` only does bookkeeping for this handoff, or nil when it may hold the work.
    func bookkeeping(_ commit: GitRepository.CommitChanges, claims: [String]) -> String? {
        guard !claims.isEmpty else { return nil }  // nothing claimed: any commit will do
        if commit.changes.isEmpty { return "changes nothing" }
        let touched = ChangedPaths(commit.changes.map(\.path) + commit.changes.compactMap(\.oldPath))
        guard !claims.contains(where: touched.contains) else { return nil }
        let missionFiles = commit.changes.count { isMissionFile($0.path) }
        guard missionFiles * 2 >= commit.changes.count else { return nil }
        return missionFiles == commit.changes.count
            ? "changes only mission files and none of the claimed ones"
            : "changes mostly mission files (\(missionFiles) of \(commit.changes.count)) and none of the claimed ones"
    }

    /// Files the mission keeps about itself: `.factory/`, the mission folder, handoffs and logs.
    func isMissionFile(_ path: String) -> Bool {
        if path.hasPrefix(".factory/") { return true }
        if let dir = mission?.missionPath, dir != ".", path.hasPrefix(dir + "/") { return true }
        let parts = path.split(separator: "/")
        if parts.dropLast().contains("handoffs") { return true }
        return Self.missionFileNames.contains(String(parts.last ?? ""))
    }

    static let missionFileNames: Set<String> = [
        "mission.md", "features.json", "validation-contract.md", "validation-state.json", "progress_log.jsonl", "state.json",
        "working_directory.txt",
    ]

    /// One note for every handoff of a run that names no commit: how many, and where their
    /// commits came from (nil when every handoff named its commit).
    public static func unnamedCommitSummary(_ results: [Verification]) -> String? {
        let sources = results.compactMap { $0.commitSource }.filter { !$0.isNamed }
        guard !sources.isEmpty else { return nil }
        let counts = CommitSource.allCases.compactMap { source -> String? in
            let n = sources.count { $0 == source }
            return n == 0 ? nil : "\(source.label) \(n)"
        }
        return "\(sources.count) handoff(s) name no commit; verified against the mission's records: " + counts.joined(separator: ", ") + "."
    }

    /// git pathspecs for claimed paths: literal files, `dir/...` folders, and globs.
    static func pathspecs(tests: [String], docs: [String]) -> [String] {
        var specs: [String] = []
        for raw in tests + docs {
            let path = HandoffContext.normalized(raw)
            if path.hasSuffix("/...") {
                specs.append(":(literal)" + path.dropLast(3))
            } else if Glob.isPattern(path) {
                specs.append(":(glob)" + path)
            } else {
                specs.append(":(literal)" + path)
            }
        }
        var seen: Set<String> = []
        return specs.filter { seen.insert($0).inserted }
    }

    /// Whether a claimed path stays inside the repository (no `..` that climbs out, not absolute).
    static func staysInside(_ path: String) -> Bool {
        if path.hasPrefix("/") { return false }
        var depth = 0
        for part in path.split(separator: "/") {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 { return false }
        }
        return true
    }


    /// Runs each claimed command through `/bin/sh -c` in a detached worktree of the commit, each
    /// in a process group of its own that is killed when the command ends, times out or missionctl
    /// is interrupted; the worktree is removed in every case.
    func rerun(_ handoff: Handoff, commit: String, context: HandoffContext, timeout: Double) throws(MissionError) -> [Finding] {
        guard !handoff.commandsRun.isEmpty else { return [] }
        let interruption = Interruption()
        defer { interruption.cancel() }
        let dir = FileSystem.temporaryDirectory + "/missionctl-rerun-" + UUID().uuidString
        let add = try repo.git(["worktree", "add", "--detach", "--quiet", dir, commit])
        guard add.status == 0 else { throw MissionError("--rerun: git worktree add failed: \(add.stderr)") }
        defer {
            _ = try? repo.git(["worktree", "remove", "--force", dir])
            try? FileManager.default.removeItem(atPath: dir)
        }
        var findings: [Finding] = []
        for run in handoff.commandsRun {
            let out = try ProcessRunner.run("/bin/sh", ["-c", run.command], in: dir, timeout: timeout, interruption: interruption)
            if interruption.receivedSignal != 0 {
                throw MissionError(
                    "--rerun interrupted by \(interruption.signalName) while running `\(run.command)`: the command was stopped and the worktree removed",
                    exitStatus: 128 + interruption.receivedSignal)
            }
            let actual = out.timedOut ? -1 : Int(out.status)
            guard actual != run.exitCode else { continue }
            let tail = (String(decoding: out.stdout.suffix(400), as: UTF8.self) + out.stderr.suffix(400)).trimming(" \n")
            findings.append(
                RerunMismatchRule.descriptor.finding(
                    context.file, context.location(run.path + ".exitCode"),
                    message: out.timedOut
                        ? "`\(run.command)` did not finish within \(Int(timeout)) s in a clean worktree (claimed exit \(run.exitCode))"
                        : "`\(run.command)` exits \(actual) in a clean worktree of \(commit.prefix(7)), but the handoff claims \(run.exitCode)\(tail.isEmpty ? "" : ": \(tail.shortened(200))")",
                    hint: "The commit does not reproduce the claimed result; rerun locally from a clean checkout of the commit."))
        }
        return findings
    }
}
