/// A bullet in the closed-set list from which no path could be read.
public struct UnreadableSourceDocItemRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unreadable-source-doc-item", severity: .warning,
        summary: "An item of the closed-set list has no backticked path, so it names no doc.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        (context.mission.sourceDocs?.unreadableItems ?? []).map { location in
            descriptor.finding(
                context.agentsFile, location, message: "this closed-set item has no code span, so no path was read from it",
                hint: "Write the path first, in backticks: - `docs/product/tracking.md` — note.")
        }
    }
}

extension UnreadableSourceDocItemRule {
    public static var examples: [RuleExample] {
        [
            .reports([".factory/AGENTS.md": "# M\n\n## Source docs (closed set)\n\n- `docs/a.md`\n- the tracking doc\n", "docs/a.md": "# A\n"]),
            .doc(RuleExample.block(), reports: false),
        ]
    }
}
