/// Everything the rules look at: the mission, the closed set resolved against the repository,
/// and the scanned docs.
public struct CheckContext: Sendable {
    public var mission: Mission
    /// Closed-set docs that exist, in listing order, scanned (Markdown files only).
    public var listedDocs: [ScannedDoc]
    /// Listed paths that exist but are not Markdown (never expected to carry a block).
    public var listedOtherFiles: [String]
    /// Entries whose path does not exist or whose glob matches nothing.
    public var unmatchedEntries: [SourceDocSet.Entry]
    /// Entries whose path exists but cannot be read (a folder or file without permission), with the reason.
    public var unreadableEntries: [(entry: SourceDocSet.Entry, reason: String)] = []
    /// Entries that resolve outside the repository (never read, never written).
    public var outsideEntries: [SourceDocSet.Entry]
    /// Markdown files outside the closed set that carry at least one block.
    public var unlistedDocsWithBlocks: [ScannedDoc]
    /// Whether the status-block rules apply to this mission.
    public var statusBlocksInUse: Bool
    /// Assertion ids the regression suite implements, when known.
    public var suite: SuiteIDs?
    /// The mission's validator syntheses and their latest verdicts, worked out once for all rules.
    public var syntheses: MissionSyntheses
    /// The mission's handoffs (`handoffs/*.json`), read once for all rules and the report.
    public var handoffs: HandoffLog
    /// What the log, the handoffs and the syntheses say of each feature, for the mission-record rules.
    public var records = FeatureRecords()

    /// The display path of AGENTS.md.
    public var agentsFile: String { mission.missionFile("AGENTS.md") }
}
