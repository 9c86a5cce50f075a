/// What the handoff rules look at: the handoff, the commit and what it changed.
public struct HandoffContext: Sendable {
    public var handoff: Handoff
    public var document: JSONDocument
    /// The handoff file as shown in findings.
    public var file: String
    public var commit: String
    public let changes: [GitRepository.FileChange]
    /// Paths the commit added, modified, renamed or copied to (not deleted).
    public let writtenPaths: [String]
    /// Every path the commit touched, old names of renames included.
    public let touchedPaths: [String]
    private let writtenSet: Set<String>
    private let touchedSet: Set<String>
    /// Repository paths of the prose fields (backticked or bare), with the JSON path of their field.
    public let proseClaims: [(claim: ProseClaim, path: String)]
    /// Lines the commit added, per path, for the files the rules need.
    public var addedLines: [String: [(line: Int, text: String)]]
    public var mission: Mission?
    /// Closed-set docs (repo-relative), when a mission is given.
    public var closedSet: Set<String>
    public var repo: GitRepository

    public init(
        handoff: Handoff, document: JSONDocument, file: String, commit: String, changes: [GitRepository.FileChange],
        mission: Mission?, closedSet: Set<String>, repo: GitRepository
    ) {
        self.handoff = handoff
        self.document = document
        self.file = file
        self.commit = commit
        self.changes = changes
        self.mission = mission
        self.closedSet = closedSet
        self.repo = repo
        addedLines = [:]
        writtenPaths = changes.filter { $0.kind != "D" }.map(\.path)
        touchedPaths = changes.map(\.path) + changes.compactMap(\.oldPath)
        writtenSet = Set(writtenPaths)
        touchedSet = Set(touchedPaths)
        let root = repo.root
        let exists = { (path: String) in FileSystem.exists(root + "/" + path) }
        proseClaims = [("salientSummary", handoff.salientSummary), ("whatWasImplemented", handoff.whatWasImplemented)]
            .flatMap { field, text in ProseClaim.extract(from: text, exists: exists).map { ($0, handoff.base + "." + field) } }
    }

    /// Whether `claimed` (a path, `dir/...` or glob) matches a path the commit wrote.
    public func isWritten(_ claimed: String) -> Bool { !matches(claimed, in: writtenPaths, set: writtenSet).isEmpty }

    /// Whether `claimed` matches any path the commit touched (deletions and old rename names included).
    public func isTouched(_ claimed: String) -> Bool { !matches(claimed, in: touchedPaths, set: touchedSet).isEmpty }

    /// The changed paths matching a claimed path: itself, a `/...` folder, or a glob.
    public func matches(_ claimed: String, in paths: [String], set: Set<String>? = nil) -> [String] {
        let pattern = claimed.hasPrefix("./") ? String(claimed.dropFirst(2)) : claimed
        if let set, !pattern.hasSuffix("/"), !pattern.hasSuffix("/..."), !Glob.isPattern(pattern) {
            return set.contains(pattern) ? [pattern] : []
        }
        if pattern.hasSuffix("/...") {
            let folder = String(pattern.dropLast(3))
            return paths.filter { $0.hasPrefix(folder) }
        }
        if pattern.hasSuffix("/") { return paths.filter { $0.hasPrefix(pattern) } }
        if Glob.isPattern(pattern) {
            let glob = Glob(pattern)
            return paths.filter { glob.matches($0) }
        }
        return paths.filter { $0 == pattern }
    }

    /// Added lines of every changed file a claimed path covers.
    public func addedLines(for claimed: String) -> [String] {
        matches(claimed, in: writtenPaths, set: writtenSet).flatMap { (addedLines[$0] ?? []).map(\.text) }
    }

    public func location(_ path: String) -> SourceLocation { document.location(path) }
}

/// A rule over a handoff and its commit.
public protocol HandoffRule: Sendable {
    static var descriptor: RuleDescriptor { get }
    init()
    func check(_ context: HandoffContext) -> [Finding]
}
