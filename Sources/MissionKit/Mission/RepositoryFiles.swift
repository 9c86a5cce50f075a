/// What every mission of a repository shares, loaded once per run: its services.yaml files, its
/// skill folders and `.factory/library/`. Findings about them are reported once, not per mission.
public struct RepositoryFiles: Sendable {
    /// One services.yaml: where it is and what could be parsed of it.
    public struct Services: Sendable {
        /// Repo-relative path, as shown in findings.
        public var path: String
        /// Nil when the file is unreadable, not YAML or not a mapping at the top.
        public var file: ServicesFile?
    }

    public var root: String
    public var services: [Services]
    public var skills: SkillCatalog?
    /// Problems found while loading (syntax and shape errors), as findings.
    public var loadFindings: [Finding]
    /// What was absent and therefore not checked.
    public var notes: [String]
    /// Whether a `.factory/library/` file talks about the Mission status block.
    public var libraryMentionsStatusBlocks: Bool
    /// Whether the repository has a `.factory/` folder at all.
    public var hasFactoryFolder: Bool
    /// Validator syntheses under `.factory/validation/` (and each `.factory/missions/<id>/validation/`).
    public var syntheses: [ValidatorSynthesis] = []

    /// Nothing a check could look at: no services.yaml, no skills, no `.factory/`.
    public var isEmpty: Bool { services.isEmpty && skills == nil && !hasFactoryFolder }

    /// Folders (repo-relative) that may hold repository files beside `.factory/`: each mission
    /// kept outside `.factory/` (a root mission is the root itself).
    static func besideMission(root: String, missionDirs: [String]) -> [String] {
        missionDirs.compactMap { dir in
            let relative = FileSystem.relativePath(dir, to: root)
            if relative == ".factory" || relative.hasPrefix(".factory/") || relative.hasPrefix("/") { return nil }
            return relative
        }
    }

    /// Loads the repository files for the given mission folders (absolute paths).
    ///
    /// `home` adds the user's `~/.factory/skills/` to the skills features may name.
    public static func load(root: String, missionDirs: [String], home: String? = nil) -> RepositoryFiles {
        let beside = besideMission(root: root, missionDirs: missionDirs)
        var repository = RepositoryFiles(
            root: root, services: [], skills: nil, loadFindings: [], notes: [], libraryMentionsStatusBlocks: false,
            hasFactoryFolder: FileSystem.isDirectory(root + "/.factory"))

        var servicesPaths = [".factory/services.yaml"]
        for dir in beside { servicesPaths.append(dir == "." ? "services.yaml" : dir + "/services.yaml") }
        for shown in unique(servicesPaths) where FileSystem.exists(root + "/" + shown) {
            do {
                let bytes = try FileSystem.readBytes(root + "/" + shown)
                let (file, problems) = ServicesFile.parse(bytes)
                repository.services.append(Services(path: shown, file: file))
                for p in problems {
                    repository.loadFindings.append(
                        InvalidServicesFileRule.descriptor.finding(shown, p.location, message: p.message, hint: InvalidServicesFileRule.hint))
                }
            } catch {
                repository.services.append(Services(path: shown, file: nil))
                repository.loadFindings.append(
                    InvalidServicesFileRule.descriptor.finding(shown, message: error.message, hint: "Make the file readable."))
            }
        }
        if repository.services.isEmpty { repository.notes.append(".factory/services.yaml is absent: services not checked.") }

        // A mission folder's `skills/` holds its worker skills; the root's `skills/` is the
        // product's own (an agent-skills library, say), never the mission's.
        var skillFolders = [".factory/skills"]
        for dir in beside where dir != "." { skillFolders.append(dir + "/skills") }
        repository.skills = SkillCatalog.load(repoRoot: root, folders: unique(skillFolders))
        if let home, !home.isEmpty, FileSystem.isDirectory(home + "/.factory/skills") {
            var skills = repository.skills ?? SkillCatalog(skills: [])
            skills.addUserSkills(home: home)
            repository.skills = skills
        }

        if repository.hasFactoryFolder {
            var (syntheses, findings) = ValidatorSynthesis.load(root: root)
            // Rounds count per milestone folder; across folders only time orders verdicts. A
            // synthesis without its own timestamp is dated by git (read-only, hardened runner).
            if syntheses.contains(where: { $0.time == nil }), Set(syntheses.map(\.folder)).count > 1, FileSystem.exists(root + "/.git") {
                let times = (try? GitRepository(root: root).lastChangeTimes(under: [".factory"])) ?? [:]
                for i in syntheses.indices where syntheses[i].time == nil {
                    syntheses[i].time = times[syntheses[i].path].map(Double.init)
                }
            }
            repository.syntheses = syntheses
            repository.loadFindings += findings
        }

        let library = root + "/.factory/library"
        for name in ((try? FileManagerShim.contents(of: library)) ?? []).sorted() where FileSystem.isMarkdown(name) {
            if let bytes = try? FileSystem.readBytes(library + "/" + name),
                SourceText.containsASCIICaseInsensitive(bytes, "mission status")
            {
                repository.libraryMentionsStatusBlocks = true
                break
            }
        }
        return repository
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}

extension RepositoryFiles {
    /// No repository files: for a mission read on its own (`missions --all`).
    public init(root: String) {
        self.init(root: root, services: [], skills: nil, loadFindings: [], notes: [], libraryMentionsStatusBlocks: false, hasFactoryFolder: false)
    }
}
