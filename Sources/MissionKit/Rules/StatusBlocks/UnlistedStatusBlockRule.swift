/// A Markdown file outside the closed set carrying an active block (copies and translations).
public struct UnlistedStatusBlockRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unlisted-status-block", severity: .warning,
        summary: "A Markdown file outside the closed set carries an active Mission status block.")
    public static var isStatusBlockRule: Bool { true }
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        context.unlistedDocsWithBlocks.compactMap { doc in
            guard let block = doc.blocks.first else { return nil }
            return descriptor.finding(
                doc.path, block.location,
                message: "a Mission status block in a file that is not in the closed set of \(context.agentsFile)",
                hint: "Remove the block (copies and translations should not carry one), or list the file in the closed set.")
        }
    }
}

extension UnlistedStatusBlockRule {
    public static var examples: [RuleExample] {
        [.doc(RuleExample.block(), reports: true, files: ["docs/a.en.md": RuleExample.block()]), .doc(RuleExample.block(), reports: false, files: ["docs/b.md": "# B\n"])]
    }
}
