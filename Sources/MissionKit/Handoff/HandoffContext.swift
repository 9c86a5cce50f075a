/// What the handoff rules look at: the handoff, the commit and what it changed.
public struct HandoffContext: Sendable {
    public var handoff: Handoff
    public var document: JSONDocument
    /// The handoff file as shown in findings.
    public var file: String
    public var commit: String
    public let changes: [GitRepository.FileChange]
    /// Paths the commit added, modified, renamed or copied to (not deleted).
    public let written: ChangedPaths
    /// Every path the commit touched, old names of renames included.
    public let touched: ChangedPaths
    /// Repository paths of the prose fields (backticked or bare), with the JSON path of their field.
    public let proseClaims: [(claim: ProseClaim, path: String)]
    /// Lines the commit added, per path, for the files the rules need.
    public var addedLines: [String: [(line: Int, text: String)]]
    public var mission: Mission?
    /// Closed-set docs (repo-relative), when a mission is given.
    public var closedSet: Set<String>
    public var repo: GitRepository
    /// Paths named in the prose that exist at the commit or at its parent.
    public let existing: Set<String>

    public init(
        handoff: Handoff, document: JSONDocument, file: String, commit: String, changes: [GitRepository.FileChange],
        mission: Mission?, closedSet: Set<String>, repo: GitRepository, existing: Set<String> = []
    ) {
        self.handoff = handoff
        self.document = document
        self.file = file
        self.commit = commit
        self.changes = changes
        self.mission = mission
        self.closedSet = closedSet
        self.repo = repo
        self.existing = existing
        addedLines = [:]
        written = ChangedPaths(changes.filter { $0.kind != "D" }.map(\.path))
        touched = ChangedPaths(changes.map(\.path) + changes.compactMap(\.oldPath))
        proseClaims = [("salientSummary", handoff.salientSummary), ("whatWasImplemented", handoff.whatWasImplemented)]
            .flatMap { field, text in ProseClaim.extract(from: text, exists: existing.contains).map { ($0, handoff.base + "." + field) } }
    }

    /// Every path the handoff names that the commit is compared with, once each, and whether it
    /// is a claim (tests.added, filesChanged, prose that says it changed) rather than a mention.
    public var claimedPatterns: [(pattern: String, isClaim: Bool)] {
        var order: [String] = []
        var isClaim: [String: Bool] = [:]
        func add(_ pattern: String, _ claim: Bool) {
            if let known = isClaim[pattern] {
                isClaim[pattern] = known || claim
            } else {
                order.append(pattern)
                isClaim[pattern] = claim
            }
        }
        for t in handoff.tests { add(t.file, true) }
        for f in handoff.filesChanged { add(f.file, true) }
        for (claim, _) in proseClaims where claim.kind == .changed || claim.kind == .mentioned { add(claim.path, claim.kind == .changed) }
        return order.map { ($0, isClaim[$0] ?? false) }
    }

    /// Whether `path` (named in the prose) exists at the commit or at its parent.
    public func exists(_ path: String) -> Bool { existing.contains(path) }

    /// Whether `claimed` (a path, `dir/...` or glob) matches a path the commit wrote.
    public func isWritten(_ claimed: String) -> Bool { written.contains(claimed) }

    /// Whether `claimed` matches any path the commit touched (deletions and old rename names included).
    public func isTouched(_ claimed: String) -> Bool { touched.contains(claimed) }

    /// A claimed path as git names it: `tests/./a`, `tests//a` and `tests/sub/../a` are
    /// `tests/a`. A path that climbs out of the repository is left as written (it is reported).
    public static func normalized(_ path: String) -> String {
        guard path.contains("/") else { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard let last = parts.last, last != ".." else { return path }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        guard !path.hasPrefix("/") else { return path }
        return parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }

    /// Added lines of every changed file a claimed path covers.
    public func addedLines(for claimed: String) -> [String] {
        written.matches(claimed).flatMap { (addedLines[$0] ?? []).map(\.text) }
    }

    public func location(_ path: String) -> SourceLocation { document.location(path) }
}
