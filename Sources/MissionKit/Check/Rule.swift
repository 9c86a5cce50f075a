/// A check over a loaded mission. One rule per file: its descriptor (id, severity, summary),
/// its messages and its check live together.
public protocol Rule: Sendable {
    static var descriptor: RuleDescriptor { get }
    /// Status-block rules only run when the mission uses status blocks.
    static var isStatusBlockRule: Bool { get }
    init()
    func check(_ context: CheckContext) -> [Finding]
}

extension Rule {
    public static var isStatusBlockRule: Bool { false }
    var descriptor: RuleDescriptor { Self.descriptor }
}
