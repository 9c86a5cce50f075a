/// A closed-set doc without an active Mission status block.
public struct MissingStatusBlockRule: StatusBlockRule {
    public static let descriptor = RuleDescriptor(
        id: "missing-status-block", severity: .error,
        summary: "A doc in the closed set has no active `> Mission status` block.")
    public init() {}

    public func check(_ doc: ScannedDoc, in context: CheckContext) -> [Finding] {
        // An unreadable doc is `unreadable-source-doc`'s finding, a UTF-16 one `unsupported-encoding`'s,
        // and a doc whose only header is a look-alike `lookalike-status-header`'s.
        guard doc.readError == nil, doc.unsupportedEncoding == nil, doc.lookalikes.isEmpty, doc.blocks.isEmpty else { return [] }
        return [
            descriptor.finding(
                doc.path,
                message: "no Mission status block (this doc is in the closed set of \(context.agentsFile))",
                hint: "Add one under the first heading: `missionctl status init` or `missionctl status set \(doc.path) --agent NAME`.")
        ]
    }
}

extension MissingStatusBlockRule {
    public static var examples: [RuleExample] {
        [.doc("# A\n\nNo block yet.\n", reports: true), .doc(RuleExample.block(), reports: false)]
    }
}
