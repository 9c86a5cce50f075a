/// Options of `check` that change what is verified.
public struct CheckOptions: Sendable {
    /// Apply the status-block rules even when nothing shows the mission uses blocks.
    public var requireStatusBlocks: Bool
    /// The ids the mission's regression suite has scenarios for (`check --suite-ids`, or
    /// asked by `validate`); nil skips `unimplemented-assertion`.
    public var suite: SuiteIDs?

    public init(requireStatusBlocks: Bool = false, suite: SuiteIDs? = nil) {
        self.requireStatusBlocks = requireStatusBlocks
        self.suite = suite
    }
}
