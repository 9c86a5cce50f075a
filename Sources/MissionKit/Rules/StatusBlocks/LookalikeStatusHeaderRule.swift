/// A line that reads "Mission status" through look-alike characters (Cyrillic `М`, fullwidth `Ｍ`,
/// a no-break space, a zero-width space): readers see a block, missionctl sees none. A doc can show
/// a `complete` look-alike above its real `not-started` block.
public struct LookalikeStatusHeaderRule: StatusBlockRule {
    public static let descriptor = RuleDescriptor(
        id: "lookalike-status-header", severity: .error,
        summary: "A line reads \"Mission status\" through look-alike or invisible characters, so it renders as a block that is none.")
    public init() {}

    public func check(_ doc: ScannedDoc, in context: CheckContext) -> [Finding] {
        doc.lookalikes.map { l in
            descriptor.finding(
                doc.path, SourceLocation(line: l.line, column: l.column),
                message: "`\(l.shown)` is not `Mission status`: it holds look-alike or invisible characters; did you mean `> Mission status`?",
                hint: "Retype the header as plain ASCII `> Mission status`, or delete this block if the doc already has the real one.")
        }
    }
}

extension LookalikeStatusHeaderRule {
    public static var examples: [RuleExample] {
        [
            .doc("# A\n\n> \u{41C}ission status\n> Agent: timer\n> Status: complete\n\n" + RuleExample.blockLines(status: "not-started", todo: "all", done: "no"), reports: true),
            .doc("# A\n\n> Mission\u{A0}status\n> Status: complete\n", reports: true),
            .doc("# A\n\n> Mission status\u{200B}\n> Status: complete\n", reports: true),
            .doc("# A\n\n> \u{FF2D}ission status\n> Status: complete\n", reports: true),
            .doc(RuleExample.block() + "\nCafé notes: the Mission status block is above.\n", reports: false),
        ]
    }
}
