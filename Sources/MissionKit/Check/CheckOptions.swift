/// Options of `check` that change what is verified.
public struct CheckOptions: Sendable {
    /// Apply the status-block rules even when nothing shows the mission uses blocks.
    public var requireStatusBlocks: Bool

    public init(requireStatusBlocks: Bool = false) {
        self.requireStatusBlocks = requireStatusBlocks
    }
}
