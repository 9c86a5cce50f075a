/// A closed-set doc that cannot be read: not a regular file (a FIFO, a device, a link to one),
/// over the size limit, or without read permission.
public struct UnreadableSourceDocRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unreadable-source-doc", severity: .error,
        summary: "A closed-set doc cannot be read: not a regular file (FIFO, device), over 32 MiB, or no permission.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        context.listedDocs.compactMap { doc in
            guard let error = doc.readError else { return nil }
            return descriptor.finding(
                doc.path, message: error, hint: "List a regular, readable Markdown file of reasonable size (missionctl reads up to 32 MiB).")
        }
    }
}

extension UnreadableSourceDocRule {
    public static var examples: [RuleExample] {
        [.reports(RuleExample.closedSet.merging(["docs/a.md": RuleExample.fifo]) { $1 }), .doc(RuleExample.block(), reports: false)]
    }
}
