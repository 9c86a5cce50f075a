/// The worker skills under `.factory/skills/<name>/SKILL.md`.
public struct SkillCatalog: Sendable, Hashable {
    public struct Skill: Sendable, Hashable {
        /// The folder name.
        public var folder: String
        /// The front-matter `name`, when the file has one.
        public var declaredName: String?
        /// Repo-relative path of SKILL.md, or nil when the folder has none.
        public var file: String?
        public var nameLocation: SourceLocation
    }

    public var skills: [Skill]

    public var names: Set<String> { Set(skills.filter { $0.file != nil }.map(\.folder)) }

    /// Reads every skill folder; absent folder → nil (the rules that need it are then skipped).
    public static func load(repoRoot: String) -> SkillCatalog? {
        let dir = repoRoot + "/.factory/skills"
        guard FileSystem.isDirectory(dir) else { return nil }
        let folders = (try? FileManagerShim.contents(of: dir)) ?? []
        var skills: [Skill] = []
        for folder in folders.sorted() where FileSystem.isDirectory(dir + "/" + folder) {
            let relative = ".factory/skills/\(folder)/SKILL.md"
            let path = repoRoot + "/" + relative
            guard let bytes = try? FileSystem.readBytes(path) else {
                skills.append(Skill(folder: folder, declaredName: nil, file: nil, nameLocation: .start))
                continue
            }
            let (name, location) = frontMatterName(bytes)
            skills.append(Skill(folder: folder, declaredName: name, file: relative, nameLocation: location))
        }
        return SkillCatalog(skills: skills)
    }

    /// The `name:` of a `---`-delimited YAML front matter.
    static func frontMatterName(_ bytes: [UInt8]) -> (String?, SourceLocation) {
        let text = SourceText(bytes: bytes)
        guard text.lineCount > 1, text.line(1).trimming(" \t") == "---" else { return (nil, .start) }
        var end = 2
        while end <= text.lineCount, text.line(end).trimming(" \t") != "---" { end += 1 }
        guard end <= text.lineCount else { return (nil, .start) }
        let yamlBytes = Array(text.bytes[text.lineStarts[1]..<text.lineStarts[end - 1]])
        guard let node = try? YAMLParser.parse(yamlBytes), let name = node["name"] else { return (nil, .start) }
        // Front matter starts on line 2 of the file.
        return (name.string, SourceLocation(line: name.location.line + 1, column: name.location.column))
    }
}
