/// A closed-set path that does not exist, or a glob that matches nothing.
public struct ListedDocNotFoundRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "listed-doc-not-found", severity: .error,
        summary: "A path listed in the closed set does not exist, or a glob matches nothing.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        context.unmatchedEntries.map { entry in
            descriptor.finding(
                context.agentsFile, entry.location,
                message: entry.isGlob
                    ? "the glob `\(entry.pattern)` matches no file in the repository"
                    : "`\(entry.pattern)` is listed as a source doc but does not exist",
                hint: "Paths are relative to the repository root (\(context.mission.repoRoot)); fix the path or remove the item.")
        }
    }
}
