/// A mission loaded from disk: each file parsed when present, with the problems found while
/// loading kept as findings.
public struct Mission: Sendable {
    public var repoRoot: String
    public var missionDir: String
    /// The mission dir as shown in findings (relative to the repository when inside it).
    public var missionPath: String

    public var sourceDocs: SourceDocSet?
    public var features: FeatureList?
    public var contract: ValidationContract?
    public var state: ValidationState?
    public var services: ServicesFile?
    public var skills: SkillCatalog?
    /// Whether `services.yaml` exists (it may exist and fail to parse).
    public var hasServicesFile: Bool
    public var hasAgentsFile: Bool

    /// Findings produced while loading (syntax and shape errors).
    public var loadFindings: [Finding]
    /// What was absent and therefore not checked.
    public var notes: [String]
    /// Whether any mission or library file talks about the Mission status block.
    public var mentionsStatusBlocks: Bool

    /// The display path of a file in the mission dir.
    public func missionFile(_ name: String) -> String {
        missionPath == "." ? name : missionPath + "/" + name
    }

    /// Loads every mission file that exists; never throws for bad content.
    public static func load(repoRoot: String, missionDir: String) -> Mission {
        let missionPath = FileSystem.relativePath(missionDir, to: repoRoot)
        var mission = Mission(
            repoRoot: repoRoot, missionDir: missionDir, missionPath: missionPath, hasServicesFile: false,
            hasAgentsFile: false, loadFindings: [], notes: [], mentionsStatusBlocks: false)
        let display = { (name: String) in mission.missionFile(name) }
        let invalid = InvalidMissionFileRule.descriptor

        func read(_ name: String) -> [UInt8]? {
            let path = missionDir + "/" + name
            guard FileSystem.exists(path) else { return nil }
            do {
                return try FileSystem.readBytes(path)
            } catch {
                mission.loadFindings.append(invalid.finding(display(name), message: error.message, hint: "Make the file readable."))
                return nil
            }
        }
        func absent(_ name: String, _ what: String) {
            mission.notes.append("\(display(name)) is absent: \(what) not checked.")
        }
        func mentions(_ bytes: [UInt8]) {
            if SourceText.containsASCIICaseInsensitive(bytes, "mission status") { mission.mentionsStatusBlocks = true }
        }
        func json(_ name: String, _ bytes: [UInt8]) -> JSONDocument? {
            do {
                return try JSONDocument(bytes: bytes)
            } catch {
                mission.loadFindings.append(
                    invalid.finding(display(name), error.location, message: error.message, hint: "Fix the JSON syntax at this position."))
                return nil
            }
        }

        if let bytes = read("AGENTS.md") {
            mission.hasAgentsFile = true
            mentions(bytes)
            mission.sourceDocs = SourceDocSet.parse(SourceText(bytes: bytes))
        } else {
            absent("AGENTS.md", "the closed set of source docs and status blocks")
        }
        if let bytes = read("mission.md") { mentions(bytes) }
        if let bytes = read("features.json") {
            mentions(bytes)
            if let doc = json("features.json", bytes) {
                let (list, problems) = FeatureList.decode(doc)
                mission.features = list
                for p in problems {
                    mission.loadFindings.append(
                        invalid.finding(display("features.json"), p.location, message: p.message, hint: InvalidMissionFileRule.featuresHint))
                }
            }
        } else {
            absent("features.json", "feature and assertion ownership")
        }
        if let bytes = read("validation-contract.md") {
            mentions(bytes)
            let contract = ValidationContract.parse(SourceText(bytes: bytes))
            mission.contract = contract
            for d in contract.duplicates {
                mission.loadFindings.append(
                    invalid.finding(
                        display("validation-contract.md"), d.location,
                        message: "\(d.id) is defined twice (first at line \(d.firstLine))",
                        hint: "Give each assertion one heading; renumber or merge the second."))
            }
        } else {
            absent("validation-contract.md", "assertion ids")
        }
        if let bytes = read("validation-state.json") {
            if let doc = json("validation-state.json", bytes) {
                let (state, problems) = ValidationState.decode(doc)
                mission.state = state
                for p in problems {
                    mission.loadFindings.append(
                        invalid.finding(display("validation-state.json"), p.location, message: p.message, hint: InvalidMissionFileRule.stateHint))
                }
            }
        }

        let servicesPath = repoRoot + "/.factory/services.yaml"
        if FileSystem.exists(servicesPath) {
            mission.hasServicesFile = true
            let shown = FileSystem.relativePath(servicesPath, to: repoRoot)
            do {
                let bytes = try FileSystem.readBytes(servicesPath)
                let (file, problems) = ServicesFile.parse(bytes)
                mission.services = file
                for p in problems {
                    mission.loadFindings.append(
                        InvalidServicesFileRule.descriptor.finding(shown, p.location, message: p.message, hint: InvalidServicesFileRule.hint))
                }
            } catch {
                mission.loadFindings.append(
                    InvalidServicesFileRule.descriptor.finding(shown, message: error.message, hint: "Make the file readable."))
            }
        } else {
            mission.notes.append(".factory/services.yaml is absent: services not checked.")
        }

        mission.skills = SkillCatalog.load(repoRoot: repoRoot)
        let library = repoRoot + "/.factory/library"
        for name in ((try? FileManagerShim.contents(of: library)) ?? []).sorted() where FileSystem.isMarkdown(name) {
            if let bytes = try? FileSystem.readBytes(library + "/" + name) { mentions(bytes) }
        }
        return mission
    }
}
