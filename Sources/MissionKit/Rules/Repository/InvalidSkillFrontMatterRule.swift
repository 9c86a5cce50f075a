/// A SKILL.md whose front matter is missing, is not valid YAML, has no `name`, or names another
/// skill than its folder (the Agent Skills convention: kebab-case `name` equal to the folder).
public struct InvalidSkillFrontMatterRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "invalid-skill-front-matter", severity: .warning,
        summary: "A SKILL.md has no YAML front matter, invalid YAML there, no `name`, or a `name` other than its folder.")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        var out: [Finding] = []
        for skill in repository.skills?.skills ?? [] {
            guard let file = skill.file else { continue }
            if let problem = skill.frontMatterProblem {
                out.append(
                    descriptor.finding(
                        file, problem.location, message: problem.message,
                        hint: "Start the file with ---, `name: \(skill.folder)`, `description: …`, ---."))
            } else if let name = skill.declaredName, name != skill.folder {
                out.append(
                    descriptor.finding(
                        file, skill.nameLocation, message: "front-matter `name: \(name)` differs from the folder `\(skill.folder)`",
                        hint: "Write `name: \(skill.folder)` (kebab-case, equal to the folder), or rename the folder."))
            }
        }
        return out
    }
}

extension InvalidSkillFrontMatterRule {
    public static var examples: [RuleExample] {
        [
            .reports([".factory/skills/worker/SKILL.md": "# Worker\n\nNo front matter.\n"]),
            .passes([".factory/skills/worker/SKILL.md": "---\nname: worker\ndescription: Does the work.\n---\n# Worker\n"]),
        ]
    }
}
