import Foundation

/// Verifies that a handoff's commit contains the work the handoff claims.
public struct HandoffVerifier: Sendable {
    public var repo: GitRepository
    public var mission: Mission?
    /// With `--rerun`: run each claimed command in a clean worktree of the commit.
    public var rerunTimeout: Double?

    public static let rules: [any HandoffRule.Type] = [
        ClaimedFileNotInCommitRule.self,
        MentionedFileNotInCommitRule.self,
        ClaimedTestCaseNotFoundRule.self,
        ClaimedDocBlockNotUpdatedRule.self,
        HandoffUnknownAssertionRule.self,
        HandoffUnknownFeatureRule.self,
        ClaimedCommandFailedRule.self,
        ProcedureClaimWithoutEvidenceRule.self,
    ]

    public static var descriptors: [RuleDescriptor] {
        [InvalidHandoffRule.descriptor, CommitNotFoundRule.descriptor, CommitNotVerifiableRule.descriptor] + rules.map { $0.descriptor }
            .filter { $0.id != UnknownAssertionRule.descriptor.id } + [RerunMismatchRule.descriptor]
    }

    /// The mission's closed-set Markdown docs, resolved once (`--all` verifies many handoffs).
    let closedSet: Set<String>

    public init(repo: GitRepository, mission: Mission?, rerunTimeout: Double? = nil) {
        self.repo = repo
        self.mission = mission
        self.rerunTimeout = rerunTimeout
        if let mission, mission.sourceDocs != nil {
            closedSet = Set(MissionChecker.closedSet(mission).markdown)
        } else {
            closedSet = []
        }
    }

    /// The outcome for one handoff.
    public struct Verification: Sendable {
        public var file: String
        public var commit: String?
        public var subject: String?
        public var matched: [String] = []
        public var missing: [String] = []
        public var extra: [String] = []
        public var findings: [Finding] = []
        /// The JSON could not be parsed at all (a usage error for a single handoff).
        public var unreadable: Bool = false
        /// Plain statements about how it was verified (which commit was chosen, and why).
        public var notes: [String] = []

        public init(file: String) {
            self.file = file
        }

        public var errors: Int { findings.count { $0.severity == .error } }

        /// The one-line summary `--all` prints.
        public var line: String {
            let mark = errors > 0 ? "✘" : "✔"
            let commitText = commit.map { String($0.prefix(7)) } ?? "no commit"
            var s = "\(mark) \(file)  \(commitText)  matched \(matched.count), missing \(missing.count), extra \(extra.count)"
            if !findings.isEmpty { s += "  (\(errors) error(s), \(findings.count - errors) warning(s))" }
            return s
        }

        public var detail: ReportDetail {
            var lines = ["handoff \(file)  commit \(commit.map { String($0.prefix(7)) } ?? "-")\(subject.map { " \"\($0)\"" } ?? "")"]
            for (label, files) in [("matched", matched), ("missing", missing), ("extra  ", extra)] {
                lines.append("  \(label)  " + (files.isEmpty ? "(none)" : files.joined(separator: ", ")))
            }
            return ReportDetail(
                key: "handoffs",
                value: .object([
                    ("file", .string(file)), ("commit", commit.map(JSONValue.string) ?? .null),
                    ("matched", .array(matched.map(JSONValue.string))), ("missing", .array(missing.map(JSONValue.string))),
                    ("extra", .array(extra.map(JSONValue.string))),
                ]),
                lines: lines)
        }
    }

    /// Verifies the handoff in `bytes`. `commitOverride` wins over the wrapper's `commitId`.
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

        var named = commitOverride ?? handoff.commitId ?? ""
        if named.isEmpty {
            // Teams that commit the handoff with the work name no commit: the commit that added
            // the handoff file is the one it describes.
            guard let adding = try repo.commitAdding(file) else {
                throw MissionError(
                    "\(file): no commit to verify: the handoff has no commitId and git knows no commit that added it; pass --commit SHA")
            }
            named = adding
            result.notes.append("\(file) names no commit: verified against \(adding.prefix(7)), the commit that added it.")
        }
        let claimed = named
        let commitLocation = commitOverride == nil ? document.location("$.commitId") : .start
        if let reason = GitRepository.notASingleCommit(claimed) {
            result.findings.append(
                InvalidHandoffRule.descriptor.finding(
                    file, commitLocation, message: reason, hint: "Write the id of the one commit that holds the work, e.g. `\"commitId\": \"74e81a8\"`."))
            return result
        }
        // The change list and the added lines of the claimed files come from two git calls run
        // concurrently; the second is limited to pathspecs derived from the claims themselves.
        let claimedDocs = ProseClaim.extract(from: handoff.salientSummary + "\n" + handoff.whatWasImplemented)
            .filter { $0.kind == .changed && closedSet.contains($0.path) }.map(\.path)
        // Claimed paths that climb out of the repository are findings of their own (never pathspecs:
        // git refuses them and the whole verification would stop).
        let specs = Self.pathspecs(
            tests: handoff.tests.filter { !$0.cases.isEmpty }.map(\.file).filter(Self.staysInside),
            docs: claimedDocs.filter(Self.staysInside))
        let repo = self.repo
        let lines = Concurrent { () throws(MissionError) in try repo.addedLines(claimed, pathspecs: specs) }
        guard let commitChanges = try repo.commitChanges(claimed) else {
            _ = try? lines.value()
            result.findings.append(CommitNotFoundRule.finding(claimed, file: file, location: commitLocation, repo: repo.root))
            return result
        }
        var addedLines = try lines.value()
        let commit = commitChanges.id
        if commitChanges.parents.isEmpty, try repo.isShallowBoundary(commit) {
            result.commit = commit
            result.findings.append(
                CommitNotVerifiableRule.descriptor.finding(
                    file, commitLocation,
                    message: "commit \(commit.prefix(7)) is the boundary of a shallow clone: its parent is not here, so what it changed is unknown",
                    hint: "Fetch more history (`git fetch --deepen=50`, or `fetch-depth: 0` in actions/checkout) and verify again."))
            return result
        }
        result.commit = commit
        result.subject = commitChanges.subject
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
            closedSet: closedSet, repo: repo)
        context.addedLines = addedLines

        for rule in Self.rules { result.findings += rule.init().check(context) }
        if let timeout = rerunTimeout { result.findings += try rerun(handoff, commit: commit, context: context, timeout: timeout) }

        // matched / missing / extra
        let changedPaths = changes.map(\.path)
        var claimedPatterns = handoff.tests.map(\.file) + handoff.filesChanged.map(\.file)
        claimedPatterns += context.proseClaims.filter { $0.claim.kind != .verified }.map(\.claim.path)
        var matchedSet: Set<String> = []
        let touchedSet = Set(context.touchedPaths)
        for pattern in unique(claimedPatterns) {
            let hits = context.matches(pattern, in: context.touchedPaths, set: touchedSet)
            if hits.isEmpty {
                if handoff.tests.contains(where: { $0.file == pattern }) || handoff.filesChanged.contains(where: { $0.file == pattern })
                    || context.proseClaims.contains(where: { $0.claim.path == pattern && $0.claim.kind == .changed })
                {
                    result.missing.append(pattern)
                }
            } else {
                matchedSet.formUnion(hits)
            }
        }
        result.matched = changedPaths.filter { matchedSet.contains($0) }
        result.extra = changedPaths.filter { !matchedSet.contains($0) }
        return result
    }

    /// git pathspecs for claimed paths: literal files, `dir/...` folders, and globs.
    static func pathspecs(tests: [String], docs: [String]) -> [String] {
        var specs: [String] = []
        for raw in tests + docs {
            let path = raw.hasPrefix("./") ? String(raw.dropFirst(2)) : raw
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

    func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }


    /// Runs each claimed command through `/bin/sh -c` in a detached worktree of the commit, each
    /// in a process group of its own that is killed when the command ends, times out or missionctl
    /// is interrupted; the worktree is removed in every case.
    func rerun(_ handoff: Handoff, commit: String, context: HandoffContext, timeout: Double) throws(MissionError) -> [Finding] {
        guard !handoff.commandsRun.isEmpty else { return [] }
        let interruption = Interruption()
        defer { interruption.cancel() }
        let dir = NSTemporaryDirectory() + "missionctl-rerun-" + UUID().uuidString
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
