/// A closed-set doc that cannot be read: not a regular file (a FIFO, a device, a link to one),
/// over the size limit, or without read permission; or a listed folder that cannot be opened.
public struct UnreadableSourceDocRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unreadable-source-doc", severity: .error,
        summary: "A closed-set doc cannot be read: not a regular file (FIFO, device), over 32 MiB, or no permission; or a listed folder cannot be opened.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        let docs = context.listedDocs.compactMap { doc -> Finding? in
            guard let error = doc.readError else { return nil }
            return descriptor.finding(
                doc.path, message: error, hint: "List a regular, readable Markdown file of reasonable size (missionctl reads up to 32 MiB).")
        }
        // A listed folder (or a file below one) that exists but cannot be opened: its docs are unknown.
        let entries = context.unreadableEntries.map { item in
            descriptor.finding(
                context.agentsFile, item.entry.location,
                message: "`\(item.entry.pattern)` is listed as a source doc but cannot be read (\(item.reason))",
                hint: "Give the user running missionctl read permission (folders also need execute permission), or remove the item.")
        }
        return docs + entries
    }
}

extension UnreadableSourceDocRule {
    public static var examples: [RuleExample] {
        [.reports(RuleExample.closedSet.merging(["docs/a.md": RuleExample.fifo]) { $1 }), .doc(RuleExample.block(), reports: false)]
    }
}
