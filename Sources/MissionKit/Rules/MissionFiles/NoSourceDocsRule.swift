/// Mission AGENTS.md without a closed set of source docs, or with an empty one.
public struct NoSourceDocsRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "no-source-docs", severity: .error,
        summary: "Mission AGENTS.md has no closed-set section (when the mission uses status blocks), or the section lists nothing.")
    public init() {}

    static let convention =
        "Add a heading such as `## Source docs (closed set)` followed by a bullet list, one backticked repo-relative path or glob per item."

    public func check(_ context: CheckContext) -> [Finding] {
        guard context.mission.hasAgentsFile, let set = context.mission.sourceDocs else { return [] }
        guard set.entries.isEmpty else { return [] }
        // "X is the source of truth" in passing, with no list after it, is no closed set: in a
        // mission that does not use status blocks nothing needs one (the checker notes it).
        if set.sectionLocation != nil, !set.sectionIsHeading, !context.statusBlocksInUse { return [] }
        if let section = set.sectionLocation {
            return [
                descriptor.finding(
                    context.agentsFile, section, message: "the source-docs section lists no path",
                    hint: "Follow the heading or paragraph with a bullet list whose items start with a backticked path.")
            ]
        }
        // Stock missions have no closed set; only a mission that adopted status blocks needs one.
        guard context.statusBlocksInUse else { return [] }
        return [
            descriptor.finding(
                context.agentsFile,
                message: "no closed set of source docs (no heading or paragraph about source docs / closed set / source of truth followed by a bullet list)",
                hint: Self.convention)
        ]
    }
}

extension NoSourceDocsRule {
    public static var examples: [RuleExample] {
        [
            .reports([".factory/AGENTS.md": "# M\n\n## Source docs (closed set)\n\nNone yet.\n"]),
            .doc(RuleExample.block(), reports: false),
            .passes([".factory/AGENTS.md": "# M\n\nThe OpenAPI spec is the source of truth for the API.\n\nWork in small steps.\n"]),
        ]
    }
}
