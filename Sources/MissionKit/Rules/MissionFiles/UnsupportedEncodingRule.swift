/// A listed doc in UTF-16 or UTF-32: to a UTF-8 reader it has no block at all, and no edit may
/// write UTF-8 into it.
public struct UnsupportedEncodingRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unsupported-encoding", severity: .error,
        summary: "A closed-set doc is UTF-16 or UTF-32 (byte-order mark or NUL pattern); it cannot be checked, and status set, init and --fix leave it untouched.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        context.listedDocs.compactMap { doc in
            doc.unsupportedEncoding.map { encoding in
                descriptor.finding(
                    doc.path, message: "the doc is \(encoding); missionctl reads UTF-8 only, so its Mission status block cannot be checked",
                    hint: "Convert it to UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`), as Markdown tools expect.")
            }
        }
    }
}

extension UnsupportedEncodingRule {
    public static var examples: [RuleExample] {
        [
            .doc("\u{FEFF}# A\n", reports: false),  // a UTF-8 byte-order mark is UTF-8
            .doc(RuleExample.block(), reports: false),
            RuleExample.reports(RuleExample.closedSet.merging(["docs/a.md": RuleExample.utf16("# A\n\n" + RuleExample.blockLines())]) { $1 }),
        ]
    }
}
