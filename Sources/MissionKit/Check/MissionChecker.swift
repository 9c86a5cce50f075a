/// Runs every rule over a repository's missions and returns the findings as values.
public enum MissionChecker {
    /// Checks one mission and its repository files. Never throws: unreadable or malformed inputs
    /// become findings.
    public static func check(_ mission: Mission, options: CheckOptions = CheckOptions()) -> DiagnosticsReport {
        check(repository: mission.repository, missions: [mission], options: options)
    }

    /// Checks every mission of a repository: the mission rules once per mission, the repository
    /// rules (services.yaml, skills) once, with the repository walked and its Markdown scanned once.
    public static func check(
        repository: RepositoryFiles, missions: [Mission], options: CheckOptions = CheckOptions()
    ) -> DiagnosticsReport {
        checkWithContexts(repository: repository, missions: missions, options: options).report
    }

    /// `check`, also returning what each mission's rules looked at (one context per mission, in
    /// order), so that a report can show the findings beside the files they concern.
    public static func checkWithContexts(
        repository: RepositoryFiles, missions: [Mission], options: CheckOptions = CheckOptions()
    ) -> (report: DiagnosticsReport, contexts: [CheckContext]) {
        var report = DiagnosticsReport(notes: repository.notes)
        for rule in RuleRegistry.repositoryRules { report.findings.append(adopting: rule.init().check(repository)) }
        guard !missions.isEmpty else {
            report.notes.append("No mission folder found: only the repository files (services.yaml, skills) were checked.")
            return (report, [])
        }
        // The closed sets need only the walk; knowing them before the scan lets the scan look for
        // look-alike headers in listed docs alone (no rule reads them elsewhere).
        var unopened: [String] = []
        let files = FileSystem.walk(repository.root, unopened: &unopened)
        let sets = missions.map { closedSet($0, files: files) }
        let scan = RepositoryScan(root: repository.root, files: files, listed: Set(sets.flatMap(\.markdown)))
        report.notes += unreadNote(scan: scan, listed: Set(sets.flatMap(\.listed)), unopened: unopened)
        var contexts: [CheckContext] = []
        for (mission, set) in zip(missions, sets) {
            // JSON names the missions checked; text output says it in the notes only when asked to.
            report.details.append(ReportDetail(key: "missions", value: .string(mission.missionPath), lines: []))
            let context = makeContext(mission, set: set, scan: scan, options: options)
            contexts.append(context)
            var result = checkMission(context)
            if missions.count > 1 { result.notes = result.notes.map { "[\(mission.missionPath)] \($0)" } }
            report.merge(result)
        }
        // Suppressions live in Markdown files that mention `missionctl-`; those without a finding
        // are read too, so that a suppression that suppresses nothing is reported.
        report.findings = Suppressions.apply(
            to: report.findings, in: scan.docs.values.filter(\.mentionsSuppression).map(\.path), repoRoot: repository.root,
            knownRules: Set(RuleRegistry.allDescriptors.map(\.id)))
        report.sortFindings()
        return (report, contexts)
    }

    /// A note naming what the walk could not read outside the closed sets (listed docs are
    /// findings): folders it could not open and Markdown files it could not read, so that a
    /// block in one of them is known to be unchecked rather than absent.
    static func unreadNote(scan: RepositoryScan, listed: Set<String>, unopened: [String]) -> [String] {
        let files = scan.docs.values.filter { $0.readError != nil && !listed.contains($0.path) }.map(\.path).sorted()
        guard !files.isEmpty || !unopened.isEmpty else { return [] }
        let names = unopened + files
        let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
        return [
            "\(unopened.count) folder(s) and \(files.count) Markdown file(s) could not be read (no permission, or over the size limit), "
                + "so any status block in them is unchecked: \(shown)"
        ]
    }

    static func checkMission(_ context: CheckContext) -> DiagnosticsReport {
        let mission = context.mission
        var report = DiagnosticsReport(notes: mission.notes, docs: context.listedDocs.count + context.listedOtherFiles.count)
        for rule in RuleRegistry.rules {
            if rule.isStatusBlockRule && !context.statusBlocksInUse { continue }
            report.findings.append(adopting: rule.init().check(context))
        }
        if mission.hasAgentsFile, mission.sourceDocs?.entries.isEmpty ?? true,
            mission.sourceDocs?.sectionLocation == nil || mission.sourceDocs?.sectionIsHeading == false,
            !context.statusBlocksInUse
        {
            report.notes.append(
                "\(context.agentsFile) lists no closed set of source docs; the mission shows no sign of using status blocks, "
                    + "so none is required (--require-status-blocks makes this an error).")
        } else if !context.statusBlocksInUse, mission.sourceDocs != nil {
            report.notes.append(
                "Status blocks are not in use in this mission (no listed doc carries one and no mission file mentions them): "
                    + "status-block rules skipped. Pass --require-status-blocks to enforce them.")
        }
        if !context.listedOtherFiles.isEmpty {
            report.notes.append(
                "\(context.listedOtherFiles.count) listed file(s) are not Markdown and carry no status block: "
                    + context.listedOtherFiles.joined(separator: ", "))
        }
        return report
    }

    /// The closed set resolved against the repository, without reading any doc.
    public struct ClosedSet: Sendable {
        /// Repo-relative paths in listing order, duplicates removed.
        public var listed: [String]
        public var unmatched: [SourceDocSet.Entry]
        /// Entries whose path exists but cannot be read, with the reason (`Permission denied`).
        public var unreadable: [(entry: SourceDocSet.Entry, reason: String)] = []
        /// Entries that resolve outside the repository (`../x.md`, a symlink to elsewhere): never read.
        public var outside: [SourceDocSet.Entry] = []
        /// Every file of the repository (as `FileSystem.walk` lists them).
        public var repoFiles: [String]

        public var markdown: [String] { listed.filter(FileSystem.isMarkdown) }
    }

    /// The closed set of `mission`, walking the repository (use `closedSet(_:files:)` to share a walk).
    public static func closedSet(_ mission: Mission) -> ClosedSet {
        closedSet(mission, files: FileSystem.walk(mission.repoRoot))
    }

    public static func closedSet(_ mission: Mission, files repoFiles: [String]) -> ClosedSet {
        var listed: [String] = []
        var seen: Set<String> = []
        var unmatched: [SourceDocSet.Entry] = []
        var outside: [SourceDocSet.Entry] = []
        var unreadable: [(entry: SourceDocSet.Entry, reason: String)] = []
        // The walk holds only files inside the repository (it follows no link that leads out),
        // so a listed path found in it needs no realpath(3).
        let walked = Set(repoFiles)
        for entry in mission.sourceDocs?.entries ?? [] {
            guard isInside(entry, repoRoot: mission.repoRoot, walked: walked) else {
                outside.append(entry)
                continue
            }
            let matches = resolve(entry, repoRoot: mission.repoRoot, repoFiles: repoFiles, walked: walked)
            if matches.isEmpty {
                if !entry.isGlob, let reason = FileSystem.unreadableReason(mission.repoRoot + "/" + entry.path) {
                    unreadable.append((entry, reason))
                } else {
                    unmatched.append(entry)
                }
            }
            for m in matches where seen.insert(m).inserted { listed.append(m) }
        }
        return ClosedSet(listed: listed, unmatched: unmatched, unreadable: unreadable, outside: outside, repoFiles: repoFiles)
    }

    /// Whether an entry stays inside the repository: no `..` that climbs out, and (when it exists)
    /// no symlink on its way that leads elsewhere. Globs are matched against the walked files,
    /// which hold nothing outside; only their literal part is checked.
    static func isInside(_ entry: SourceDocSet.Entry, repoRoot: String, walked: Set<String>) -> Bool {
        var depth = 0
        for part in entry.pattern.split(separator: "/") {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 { return false }
        }
        if entry.isGlob { return true }
        let path = entry.path
        if walked.contains(path) { return true }
        let absolute = repoRoot + "/" + path
        return !FileSystem.exists(absolute) || FileSystem.isInside(absolute, root: repoRoot)
    }

    /// Resolves the closed set against the shared scan of the repository.
    static func makeContext(_ mission: Mission, set: ClosedSet, scan: RepositoryScan, options: CheckOptions) -> CheckContext {
        let listedOther = set.listed.filter { !FileSystem.isMarkdown($0) }
        let scanned = set.markdown.map { scan.doc($0) }
        let seen = Set(set.listed)
        let unlisted = scan.files.filter { !seen.contains($0) }.compactMap { scan.docs[$0] }.filter { !$0.blocks.isEmpty }

        let inUse = options.requireStatusBlocks || mission.mentionsStatusBlocks || scanned.contains { !$0.blocks.isEmpty || !$0.lookalikes.isEmpty }
        var context = CheckContext(
            mission: mission, listedDocs: scanned, listedOtherFiles: listedOther, unmatchedEntries: set.unmatched,
            outsideEntries: set.outside,
            unlistedDocsWithBlocks: unlisted, statusBlocksInUse: inUse, suite: options.suite, syntheses: MissionSyntheses(mission),
            handoffs: HandoffLog.load(mission))
        context.unreadableEntries = set.unreadable
        context.records = FeatureRecords(context)
        return context
    }

    /// The repo-relative files an entry names: itself, the files a glob matches, or the Markdown
    /// files below a listed folder.
    static func resolve(_ entry: SourceDocSet.Entry, repoRoot: String, repoFiles: [String], walked: Set<String>) -> [String] {
        if entry.isGlob {
            let glob = Glob(entry.pattern)
            return repoFiles.filter { glob.matches($0) }
        }
        let path = entry.path
        if walked.contains(path) { return [path] }  // a file the walk found: no stat needed
        let absolute = repoRoot + "/" + path
        if FileSystem.isDirectory(absolute) {
            return repoFiles.filter { $0.hasPrefix(path + "/") && FileSystem.isMarkdown($0) }
        }
        return FileSystem.exists(absolute) ? [path] : []
    }
}
