/// Options of `check` that change what is verified.
public struct CheckOptions: Sendable {
    /// Apply the status-block rules even when nothing shows the mission uses blocks.
    public var requireStatusBlocks: Bool
    /// Assertion ids an executable suite implements (`missionctl regress`); nil skips
    /// `unimplemented-assertion`.
    public var implementedAssertions: Set<String>?

    public init(requireStatusBlocks: Bool = false, implementedAssertions: Set<String>? = nil) {
        self.requireStatusBlocks = requireStatusBlocks
        self.implementedAssertions = implementedAssertions
    }
}
