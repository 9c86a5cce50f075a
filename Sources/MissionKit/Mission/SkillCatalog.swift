/// The worker skills of a repository: the folders of `.factory/skills/` (and of a `skills/` folder
/// beside a mission kept outside `.factory/`), each normally with a `SKILL.md`.
public struct SkillCatalog: Sendable, Hashable {
    public struct Skill: Sendable, Hashable {
        /// The folder name.
        public var folder: String
        /// Repo-relative path of the folder.
        public var folderPath: String
        /// The front-matter `name`, when the file has one.
        public var declaredName: String?
        /// Repo-relative path of SKILL.md, or nil when the folder has none.
        public var file: String?
        public var nameLocation: SourceLocation
        /// Why the front matter is unusable (no front matter, invalid YAML, no `name`), with position.
        public var frontMatterProblem: (message: String, location: SourceLocation)?

        public static func == (a: Skill, b: Skill) -> Bool {
            a.folderPath == b.folderPath && a.declaredName == b.declaredName && a.file == b.file
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(folderPath) }
    }

    public var skills: [Skill]
    /// The repo-relative skill folders that exist (`.factory/skills`, `skills`, …).
    public var folders: [String] = []

    /// Skills the orchestrator provides itself: Droid adds `scrutiny-validator-<milestone>` and
    /// `user-testing-validator-<milestone>` features with these skills, and no repository ships them.
    public static let builtIn: Set<String> = ["scrutiny-validator", "user-testing-validator"]

    /// Every skill a feature may name: each folder (a folder is a skill, whatever its SKILL.md
    /// says) and the built-in validator skills.
    public var names: Set<String> { Set(skills.map(\.folder)).union(Self.builtIn).union(userSkills) }

    /// The skills of the user's own `~/.factory/skills/` (folder names): Droid offers them to
    /// every mission of the machine. They are not the repository's, so they are never checked.
    public var userSkills: Set<String> = []

    /// Adds the skill folders of `~/.factory/skills/` under `home`.
    public mutating func addUserSkills(home: String?) {
        guard let home, !home.isEmpty else { return }
        let dir = home + "/.factory/skills"
        for name in (try? FileManagerShim.contents(of: dir)) ?? [] where FileSystem.isDirectory(dir + "/" + name) {
            userSkills.insert(name)
        }
        if !userSkills.isEmpty { folders.append("~/.factory/skills") }
    }

    /// Reads every skill folder below the given repo-relative folders; nil when none exists (the
    /// rules that need skills are then skipped).
    public static func load(repoRoot: String, folders: [String]) -> SkillCatalog? {
        var skills: [Skill] = []
        var existing: [String] = []
        var seen: Set<String> = []
        for relativeDir in folders {
            let dir = repoRoot + "/" + relativeDir
            guard FileSystem.isDirectory(dir) else { continue }
            existing.append(relativeDir)
            for folder in ((try? FileManagerShim.contents(of: dir)) ?? []).sorted()
            where FileSystem.isDirectory(dir + "/" + folder) && seen.insert(folder).inserted {
                let folderPath = relativeDir + "/" + folder
                let relative = folderPath + "/SKILL.md"
                var skill = Skill(
                    folder: folder, folderPath: folderPath, declaredName: nil, file: nil, nameLocation: .start,
                    frontMatterProblem: nil)
                if FileSystem.isRegularFile(repoRoot + "/" + relative), let bytes = try? FileSystem.readBytes(repoRoot + "/" + relative) {
                    skill.file = relative
                    let front = frontMatter(bytes)
                    skill.declaredName = front.name
                    skill.nameLocation = front.location
                    skill.frontMatterProblem = front.problem
                }
                skills.append(skill)
            }
        }
        return existing.isEmpty ? nil : SkillCatalog(skills: skills, folders: existing)
    }

    /// The `name:` of a `---`-delimited YAML front matter, or why there is none.
    static func frontMatter(_ bytes: [UInt8]) -> (name: String?, location: SourceLocation, problem: (String, SourceLocation)?) {
        let text = SourceText(bytes: bytes)
        guard text.lineCount > 1, text.line(1).trimming(" \t\r") == "---" else {
            return (nil, .start, ("SKILL.md has no YAML front matter (a first line `---`)", .start))
        }
        var end = 2
        while end <= text.lineCount, text.line(end).trimming(" \t\r") != "---" { end += 1 }
        guard end <= text.lineCount else {
            return (nil, .start, ("the front matter opened on line 1 is never closed with `---`", .start))
        }
        let yamlBytes = Array(text.bytes[text.lineStarts[1]..<text.lineStarts[end - 1]])
        let node: YAMLNode
        do {
            // Front matter starts on line 2 of the file.
            node = try YAMLParser.parse(yamlBytes, firstLine: 2)
        } catch {
            return (nil, error.location, ("front matter is not valid YAML: \(error.message)", error.location))
        }
        guard node.mapping != nil else {
            return (nil, node.location, ("front matter is a YAML \(node.kindName), not a mapping with `name` and `description`", node.location))
        }
        guard let name = node["name"], let value = name.string else {
            return (nil, SourceLocation(line: 2, column: 1), ("front matter has no `name`", SourceLocation(line: 2, column: 1)))
        }
        return (value, name.location, nil)
    }
}
