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
    /// `state.json`, which Factory keeps beside a mission it runs.
    public var runState: MissionState?
    /// `progress_log.jsonl`: the mission's history.
    public var progressLog: ProgressLog?
    /// The repository files this mission shares with the repository's other missions.
    public var repository: RepositoryFiles
    public var hasAgentsFile: Bool

    /// Findings produced while loading (syntax and shape errors).
    public var loadFindings: [Finding]
    /// What was absent and therefore not checked.
    public var notes: [String]
    /// Whether any mission file talks about the Mission status block.
    public var missionFilesMentionStatusBlocks: Bool

    /// Whether any mission or library file talks about the Mission status block.
    public var mentionsStatusBlocks: Bool { missionFilesMentionStatusBlocks || repository.libraryMentionsStatusBlocks }

    /// The repository's skills (shared by its missions).
    public var skills: SkillCatalog? { repository.skills }

    /// The display path of a file in the mission dir.
    public func missionFile(_ name: String) -> String {
        missionPath == "." ? name : missionPath + "/" + name
    }

    /// Loads every mission file that exists, and the repository files; never throws for bad content.
    public static func load(repoRoot: String, missionDir: String) -> Mission {
        load(repoRoot: repoRoot, missionDir: missionDir, repository: RepositoryFiles.load(root: repoRoot, missionDirs: [missionDir]))
    }

    /// Loads every mission file that exists, sharing `repository` (loaded once for all missions).
    ///
    /// `shown` is how findings name the folder (`~/.factory/missions/<id>` for a home mission;
    /// default: its path relative to the repository). A file is read only when it resolves inside
    /// the repository or inside the mission folder itself: a symlinked `validation-contract.md`
    /// that leads elsewhere is refused with a finding, never read.
    public static func load(repoRoot: String, missionDir: String, repository: RepositoryFiles, shown: String? = nil) -> Mission {
        let missionPath = shown ?? FileSystem.relativePath(missionDir, to: repoRoot)
        var mission = Mission(
            repoRoot: repoRoot, missionDir: missionDir, missionPath: missionPath, sourceDocs: nil, features: nil,
            contract: nil, state: nil, repository: repository, hasAgentsFile: false, loadFindings: [], notes: [],
            missionFilesMentionStatusBlocks: false)
        let display = { (name: String) in mission.missionFile(name) }
        let invalid = InvalidMissionFileRule.descriptor

        func read(_ name: String) -> [UInt8]? {
            let path = missionDir + "/" + name
            guard FileSystem.exists(path) else { return nil }
            guard FileSystem.isRegularFile(path) else {
                mission.loadFindings.append(
                    invalid.finding(display(name), message: "\(display(name)) is not a regular file (a folder, FIFO or device)", hint: "Replace it with the file."))
                return nil
            }
            guard FileSystem.isInside(path, root: repoRoot) || FileSystem.isInside(path, root: missionDir) else {
                mission.loadFindings.append(
                    invalid.finding(
                        display(name), message: "\(display(name)) resolves outside the repository and the mission folder (a symlink to \(FileSystem.realPath(path) ?? path)); it was not read",
                        hint: "Replace the symlink with the file itself."))
                return nil
            }
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
            if SourceText.containsASCIICaseInsensitive(bytes, "mission status") { mission.missionFilesMentionStatusBlocks = true }
        }
        func json(_ name: String, _ bytes: [UInt8]) -> JSONDocument? {
            do {
                let document = try JSONDocument(bytes: bytes)
                for duplicate in document.duplicateKeys {
                    mission.loadFindings.append(
                        invalid.finding(
                            display(name), duplicate.location,
                            message: "duplicate key: `\(duplicate.path)` is given twice in one object; JSON readers keep only one of them",
                            hint: "Keep one of the two keys (merge their values)."))
                }
                return document
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
        // The contract is parsed before features.json is decoded: cmark's tree of a large contract
        // then never lives beside the feature list, which keeps peak memory near the larger of the two.
        var contractBytes = read("validation-contract.md")
        let parsedContract = contractBytes.map { bytes in
            mentions(bytes)
            return ValidationContract.parse(SourceText(bytes: bytes))
        }
        contractBytes = nil
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
        if let contract = parsedContract {
            mission.contract = contract
            if contract.assertions.isEmpty {
                mission.notes.append(
                    "\(display("validation-contract.md")) has no `VAL-…: title` heading, so its assertion ids are unknown: "
                        + "features.json, validation-state.json and handoffs are not compared with it.")
            }
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
        if mission.contract != nil, mission.state == nil, !FileSystem.exists(missionDir + "/validation-state.json") {
            mission.notes.append(
                "\(display("validation-state.json")) is absent: the contract's assertions have no recorded status, so the state is not compared with it.")
        }
        if FileSystem.exists(missionDir + "/state.json") { mission.runState = MissionState.load(missionDir: missionDir) }
        if let log = ProgressLog.load(missionDir: missionDir) {
            mission.progressLog = log
            for line in log.malformedLines.prefix(20) {
                mission.loadFindings.append(
                    invalid.finding(
                        display("progress_log.jsonl"), SourceLocation(line: line, column: 1),
                        message: "line \(line) of progress_log.jsonl is not a JSON object; its event is lost to every reader",
                        hint: "Make the line one JSON object (`{\"event\": …}`), or delete it."))
            }
        }
        return mission
    }
}
