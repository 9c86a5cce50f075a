/// A closed-set entry that resolves outside the repository (`../x.md`, or through a symlink to
/// another folder). It is never read for content and never written (`status init`, `check --fix`).
public struct SourceDocOutsideRepositoryRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "source-doc-outside-repository", severity: .error,
        summary: "A closed-set path resolves outside the repository (`..`, or a symlink elsewhere); it is never read or written.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        context.outsideEntries.map { entry in
            descriptor.finding(
                context.agentsFile, entry.location,
                message: "`\(DisplayText.sanitize(entry.pattern))` resolves outside the repository; it is neither read nor written",
                hint: "List docs inside the repository (\(context.mission.repoRoot)); copy the doc in, or remove the item.")
        }
    }
}

extension SourceDocOutsideRepositoryRule {
    public static var examples: [RuleExample] {
        [
            .reports([".factory/AGENTS.md": "# M\n\n## Source docs (closed set)\n\n- `../outside.md`\n"]),
            .doc(RuleExample.block(), reports: false),
        ]
    }
}
