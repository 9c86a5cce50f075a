/// A `skillName` without a SKILL.md, or a SKILL.md whose `name` differs from its folder.
public struct UnknownSkillRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-skill", severity: .error,
        summary: "A feature's skillName has no .factory/skills/<name>/SKILL.md, or a SKILL.md's name differs from its folder.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let skills = context.mission.skills else { return [] }
        var out: [Finding] = []
        for skill in skills.skills {
            guard let file = skill.file else { continue }
            if skill.declaredName == nil {
                out.append(
                    descriptor.finding(
                        file, message: "SKILL.md has no front-matter `name`",
                        hint: "Start the file with ---, `name: \(skill.folder)`, `description: …`, ---."))
            } else if let name = skill.declaredName, name != skill.folder {
                out.append(
                    descriptor.finding(
                        file, skill.nameLocation, message: "front-matter `name: \(name)` differs from the folder `\(skill.folder)`",
                        hint: "Make `name` equal the folder name, or rename the folder."))
            }
        }
        let known = skills.names
        let file = context.mission.missionFile("features.json")
        for feature in context.mission.features?.features ?? [] {
            guard let skill = feature.skillName, !known.contains(skill) else { continue }
            out.append(
                descriptor.finding(
                    file, feature.skillLocation,
                    message: "feature `\(feature.id)` uses skill `\(skill)`, but .factory/skills/\(skill)/SKILL.md does not exist",
                    hint: known.isEmpty ? "Add the skill folder." : "Known skills: \(known.sorted().joined(separator: ", "))."))
        }
        return out
    }
}
