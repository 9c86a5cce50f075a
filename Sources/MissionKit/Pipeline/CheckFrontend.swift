/// The one sequence every front end runs before it shows anything: load the configuration, choose
/// the missions, load the repository files and the missions, run the rules, apply the
/// configuration. `check`, `report`, `handoff verify --all`, `status` and `validate` all go
/// through it, so that they agree on what a repository holds and on what is reported (as every
/// swift-format command goes through its `Frontend`).
public struct CheckFrontend: Sendable {
    /// What the run is asked to do.
    public struct Request: Sendable {
        public var selection: MissionSelection
        /// `--config FILE`; nil reads `.missionctl.yml` at the repository root when present.
        public var configFile: String?
        public var requireStatusBlocks = false
        public var suite: SuiteIDs?

        public init(selection: MissionSelection, configFile: String? = nil) {
            self.selection = selection
            self.configFile = configFile
        }
    }

    public let repo: String
    public let configuration: Configuration
    public let discovery: MissionDiscovery
    public let repository: RepositoryFiles
    public let missions: [Mission]
    /// The rules' options; `validate` sets the suite once it has asked the regression suite.
    public var options: CheckOptions

    /// Loads the configuration, chooses the missions and loads them. Throws only for usage and
    /// configuration errors (exit 2); bad mission content becomes findings.
    public init(_ request: Request) throws(MissionError) {
        repo = request.selection.repo
        let config = try Configuration.load(file: request.configFile, repo: repo)
        configuration = config
        var selection = request.selection
        selection.configMissions = config.missions
        selection.configFile = config.file
        let found = try MissionLocator.locate(selection)
        let inRepository = found.dirs.filter { found.home[$0] == nil }
        let files = RepositoryFiles.load(root: repo, missionDirs: inRepository, home: selection.environment["HOME"])
        let root = repo
        discovery = found
        repository = files
        missions = found.dirs.map { dir in
            Mission.load(repoRoot: root, missionDir: dir, repository: files, shown: found.shown(dir, repo: root))
        }
        options = CheckOptions(requireStatusBlocks: request.requireStatusBlocks || (config.requireStatusBlocks ?? false), suite: request.suite)
    }

    /// Whether there is anything to look at: a mission, or repository files (services, skills, `.factory/`).
    public var isEmpty: Bool { missions.isEmpty && repository.isEmpty && discovery.refused.isEmpty }

    /// The usage error for a repository with nothing to look at.
    public func nothingError(_ verb: String) -> MissionError {
        MissionError("nothing to \(verb) in \(repo): no mission folder and no .factory/ folder.\n" + MissionLocator.lookedIn)
    }

    /// Runs every rule, then applies the configuration (rule settings, ignored paths). The
    /// contexts are what each mission's rules looked at, one per mission, for the report.
    public func check() -> (report: DiagnosticsReport, contexts: [CheckContext]) {
        var (report, contexts) = MissionChecker.checkWithContexts(repository: repository, missions: missions, options: options)
        for refusal in discovery.refused {
            report.findings.append(
                MissionOutsideRepositoryRule.descriptor.finding(
                    refusal.path,
                    message: "\(refusal.path) leads outside the repository (to \(refusal.target)); it is no mission of this repository and was not read",
                    hint: MissionOutsideRepositoryRule.hint))
        }
        return (configuration.apply(to: report), contexts)
    }
}
