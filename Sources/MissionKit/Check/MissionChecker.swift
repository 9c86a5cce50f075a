/// Runs every rule over one mission and returns the findings as values.
public enum MissionChecker {
    /// Checks `mission`. Never throws: unreadable or malformed inputs become findings.
    public static func check(_ mission: Mission, options: CheckOptions = CheckOptions()) -> DiagnosticsReport {
        let context = makeContext(mission, options: options)
        var report = DiagnosticsReport(notes: mission.notes, docs: context.listedDocs.count + context.listedOtherFiles.count)
        for rule in RuleRegistry.rules {
            if rule.isStatusBlockRule && !context.statusBlocksInUse { continue }
            report.findings += rule.init().check(context)
        }
        if !context.statusBlocksInUse, mission.sourceDocs != nil {
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
        /// Every file of the repository (as `FileSystem.walk` lists them).
        public var repoFiles: [String]

        public var markdown: [String] { listed.filter(FileSystem.isMarkdown) }
    }

    public static func closedSet(_ mission: Mission) -> ClosedSet {
        let repoFiles = FileSystem.walk(mission.repoRoot)
        var listed: [String] = []
        var seen: Set<String> = []
        var unmatched: [SourceDocSet.Entry] = []
        for entry in mission.sourceDocs?.entries ?? [] {
            let matches = resolve(entry, repoRoot: mission.repoRoot, repoFiles: repoFiles)
            if matches.isEmpty { unmatched.append(entry) }
            for m in matches where seen.insert(m).inserted { listed.append(m) }
        }
        return ClosedSet(listed: listed, unmatched: unmatched, repoFiles: repoFiles)
    }

    /// Resolves the closed set against the repository and scans the docs (in parallel).
    public static func makeContext(_ mission: Mission, options: CheckOptions) -> CheckContext {
        let root = mission.repoRoot
        let set = closedSet(mission)
        let listedOther = set.listed.filter { !FileSystem.isMarkdown($0) }
        let scanned = Parallel.map(set.markdown) { ScannedDoc.scan(repoRoot: root, path: $0) }
        let seen = Set(set.listed)
        let others = set.repoFiles.filter { FileSystem.isMarkdown($0) && !seen.contains($0) }
        let unlisted = Parallel.map(others) { ScannedDoc.scan(repoRoot: root, path: $0) }.filter { !$0.blocks.isEmpty }

        let inUse = options.requireStatusBlocks || mission.mentionsStatusBlocks || scanned.contains { !$0.blocks.isEmpty }
        return CheckContext(
            mission: mission, listedDocs: scanned, listedOtherFiles: listedOther, unmatchedEntries: set.unmatched,
            unlistedDocsWithBlocks: unlisted, statusBlocksInUse: inUse, implementedAssertions: options.implementedAssertions)
    }

    /// The repo-relative files an entry names: itself, the files a glob matches, or the Markdown
    /// files below a listed folder.
    static func resolve(_ entry: SourceDocSet.Entry, repoRoot: String, repoFiles: [String]) -> [String] {
        if entry.isGlob {
            let glob = Glob(entry.pattern)
            return repoFiles.filter { glob.matches($0) }
        }
        let path = entry.pattern.hasSuffix("/") ? String(entry.pattern.dropLast()) : entry.pattern
        let absolute = repoRoot + "/" + path
        if FileSystem.isDirectory(absolute) {
            return repoFiles.filter { $0.hasPrefix(path + "/") && FileSystem.isMarkdown($0) }
        }
        return FileSystem.exists(absolute) ? [path] : []
    }
}
