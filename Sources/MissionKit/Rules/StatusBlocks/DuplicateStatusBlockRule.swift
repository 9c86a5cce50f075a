/// More than one active block in a doc: workers appended a block instead of updating it.
public struct DuplicateStatusBlockRule: StatusBlockRule {
    public static let descriptor = RuleDescriptor(
        id: "duplicate-status-block", severity: .error,
        summary: "A doc carries more than one active Mission status block.")
    public init() {}

    public func check(_ doc: ScannedDoc, in context: CheckContext) -> [Finding] {
        guard let first = doc.blocks.first else { return [] }
        let repeats = StatusBlock.repeatsEarlier(doc.blocks)
        return doc.blocks.indices.dropFirst().map { index in
            let extra = doc.blocks[index]
            let identical = repeats[index]
            return descriptor.finding(
                doc.path, extra.location,
                message: "a second Mission status block (the first is at line \(first.headerLine)); a doc carries exactly one"
                    + (identical ? ", and it repeats an earlier one word for word" : ""),
                hint: identical
                    ? "Remove the repeat: `missionctl check --fix` does, losing nothing."
                    : "Update the existing block instead of appending one; remove this block "
                        + "(`missionctl status set \(doc.path) --merge-duplicates` keeps one).")
        }
    }
}

extension DuplicateStatusBlockRule {
    public static var examples: [RuleExample] {
        [.doc(RuleExample.block() + "\n" + RuleExample.blockLines(status: "partial", todo: "more", done: "no"), reports: true), .doc(RuleExample.block(), reports: false)]
    }
}
