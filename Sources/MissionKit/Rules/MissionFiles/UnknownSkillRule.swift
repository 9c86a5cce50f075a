/// A feature's `skillName` with no skill folder. Reported once per distinct name, with its count.
public struct UnknownSkillRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-skill", severity: .error,
        summary: "A feature's skillName has no skill folder (.factory/skills/<name>/); reported once per distinct name.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let skills = context.mission.skills else { return [] }
        let known = skills.names
        var groups = OccurrenceGroups<String>()
        for feature in context.mission.features?.features ?? [] {
            guard let skill = feature.skillName, !known.contains(skill) else { continue }
            groups.add(skill, at: feature.skillLocation, subject: feature.id)
        }
        let file = context.mission.missionFile("features.json")
        let folders = skills.skills.map(\.folder)
        let places = skills.folders.map { $0 + "/" }.joined(separator: " or ")
        return groups.groups.map { group in
            let skill = group.key
            let suggestion = NameSuggestion.closest(to: skill, in: folders)
            let listed = folders.count <= 12 ? " Known skills: \(folders.joined(separator: ", "))." : ""
            return descriptor.finding(
                file, group.first,
                message: "skill `\(skill)` has no folder under \(places), used by \(group.subjectList("feature"))"
                    + (suggestion.map { "; did you mean `\($0)`?" } ?? ""),
                hint: suggestion.map { "Write `\"skillName\": \"\($0)\"` (skill names are case-sensitive folder names)." }
                    ?? "Add the skill folder with its SKILL.md, or fix the name.\(listed)")
        }
    }
}

extension UnknownSkillRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.features(#"{"id": "f", "skillName": "wroker"}"#).merging(skill) { $1 }),
            .passes(RuleExample.features(#"{"id": "f", "skillName": "worker"}"#).merging(skill) { $1 }),
        ]
    }

    static let skill = [".factory/skills/worker/SKILL.md": "---\nname: worker\ndescription: Does the work.\n---\n# Worker\n"]
}
