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
    public static func load(root: String, missionDirs: [String]) -> RepositoryFiles {
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

        var skillFolders = [".factory/skills"]
        for dir in beside { skillFolders.append(dir == "." ? "skills" : dir + "/skills") }
        repository.skills = SkillCatalog.load(repoRoot: root, folders: unique(skillFolders))

        if repository.hasFactoryFolder {
            let (syntheses, findings) = ValidatorSynthesis.load(root: root)
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
