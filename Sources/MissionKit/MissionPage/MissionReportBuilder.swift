import MissionSystem

extension MissionReport {
    /// Builds the report from what `check` looked at (`MissionChecker.checkWithContexts`) and the
    /// findings it reported (after configuration and baseline). Every finding appears once per
    /// mission it concerns: beside a doc, an assertion or a feature when it names one, else in the
    /// mission's other findings, else (shared files) in the repository's.
    /// `handoffOnlyDirs` (absolute) are folders of `.factory/missions/` that keep handoffs but no
    /// mission file: shown as partial missions with what they hold.
    ///
    /// `syntheses` are the repository's validator outputs: a repository without a mission gets one
    /// validation row per milestone folder from them.
    ///
    /// `findings` is consumed: once each is placed the list is let go, and each mission's share
    /// once its section is built, so that 160,000 findings are held at most twice, not four times.
    public init(
        contexts: [CheckContext], findings: consuming [Finding], repositoryRoot: String, handoffOnlyDirs: [String] = [],
        syntheses: [ValidatorSynthesis] = []
    ) {
        var all = findings  // the caller's list, taken over
        // Every finding is shown somewhere; only several missions can report one twice.
        if contexts.count > 1 {
            let unique = Set(all)
            findingCount = (unique.count { $0.severity == .error }, unique.count { $0.severity != .error })
        } else {
            findingCount = (all.count { $0.severity == .error }, all.count { $0.severity != .error })
        }
        Finding.sortInReportOrder(&all)
        let repositoryRuleIDs = Set(RuleRegistry.repositoryRules.map { $0.descriptor.id })
        var placed: [[Finding]] = Array(repeating: [], count: contexts.count)
        // One mission usually owns nearly every finding: room for all of them at once, not doubling.
        if contexts.count == 1 { placed[0].reserveCapacity(all.count) }
        var repository: [Finding] = []
        for finding in all {
            let owners = contexts.indices.filter { Self.concerns(finding, contexts[$0], repositoryRuleIDs: repositoryRuleIDs) }
            if owners.isEmpty {
                repository.append(finding)
            } else {
                for i in owners { placed[i].append(finding) }
            }
        }
        if contexts.isEmpty { validation = Self.validationRows(syntheses, findings: all) }
        all = []
        missions = contexts.indices.map { i in
            defer { placed[i] = [] }
            return Self.section(contexts[i], findings: placed[i])
        }
        for dir in handoffOnlyDirs {
            let files = ((try? FileManagerShim.contents(of: dir + "/handoffs")) ?? []).sorted()
            let shown = files.prefix(5).joined(separator: ", ") + (files.count > 5 ? ", …" : "")
            missions.append(
                MissionSection(
                    path: FileSystem.relativePath(dir, to: repositoryRoot), title: nil, milestones: [], assertions: [], docs: [],
                    otherFindings: [],
                    notes: [
                        "No mission file (mission.md, AGENTS.md, features.json, validation-contract.md, validation-state.json): "
                            + "only handoffs/, with \(files.count) file(s)\(files.isEmpty ? "" : ": " + shown)."
                    ]))
        }
        if contexts.isEmpty {
            // Shown in their milestone's row; the rest stays with the repository files.
            let shown = Set(validation.flatMap(\.findings))
            repository = repository.filter { !shown.contains($0) }
        }
        repositoryFindings = repository
        repositoryName = repositoryRoot.split(separator: "/").last.map(String.init) ?? repositoryRoot
    }

    /// Whether a finding is about this mission: one of its syntheses, one of its listed docs, or a
    /// file in its folder (shared files such as services.yaml excepted).
    static func concerns(_ finding: Finding, _ context: CheckContext, repositoryRuleIDs: Set<String>) -> Bool {
        if finding.file.contains("/validation/") && finding.file.hasSuffix(".json") {
            return context.syntheses.syntheses.contains { $0.path == finding.file }
        }
        if repositoryRuleIDs.contains(finding.rule) { return false }
        if context.listedDocs.contains(where: { $0.path == finding.file }) { return true }
        let path = context.mission.missionPath
        if path == "." {
            return !finding.file.hasPrefix(".factory/") && !finding.file.hasPrefix("/")
                && (!finding.file.contains("/") || finding.file.hasPrefix("handoffs/") || finding.file.hasPrefix("validation/"))
        }
        return finding.file.hasPrefix(path + "/")
    }

    static func section(_ context: CheckContext, findings: [Finding]) -> MissionSection {
        let mission = context.mission
        let features = mission.features?.features ?? []
        let handoffs = context.handoffs.entries
        // Each feature's handoffs, in log order, gathered in one pass.
        var handoffsByFeature: [String: [HandoffLog.Entry]] = [:]
        for entry in handoffs {
            for feature in Self.unique(entry.features) { handoffsByFeature[feature, default: []].append(entry) }
        }
        func refs(_ feature: String) -> [HandoffRef] {
            (handoffsByFeature[feature] ?? []).map {
                HandoffRef(file: $0.file, feature: feature, commit: $0.commit, successState: $0.successState)
            }
        }

        // Assertion ids: the contract's in its order, then those only other files name.
        var ids: [String] = mission.contract?.assertions.map(\.id) ?? []
        var known = Set(ids)
        func add(_ id: String) { if known.insert(id).inserted { ids.append(id) } }
        var extra: [String] = []
        for f in features { for a in f.fulfills where !known.contains(a.id) { extra.append(a.id) } }
        for e in mission.state?.entries ?? [] where !known.contains(e.id) { extra.append(e.id) }
        for id in context.syntheses.latest.keys where !known.contains(id) { extra.append(id) }
        for id in extra.sorted(by: Self.idOrder) { add(id) }

        // Indexes hold positions, not copies: a page of 80,000 assertions keeps one copy of each.
        let contractAssertions = mission.contract?.assertions ?? []
        let stateEntries = mission.state?.entries ?? []
        let contract = Self.firstIndex(contractAssertions.lazy.map(\.id))
        let state = Self.firstIndex(stateEntries.lazy.map(\.id))
        // The features that claim each assertion, by position: the first in a flat index, any
        // others (rare) in lists, so that 80,000 assertions are not 80,000 lists of one.
        var firstClaimant: [String: Int] = [:]
        firstClaimant.reserveCapacity(features.count)
        var otherClaimants: [String: [Int]] = [:]
        for (i, f) in features.enumerated() {
            for a in f.fulfills {
                if firstClaimant[a.id] == nil { firstClaimant[a.id] = i } else { otherClaimants[a.id, default: []].append(i) }
            }
        }
        func claimants(_ id: String) -> [Int] {
            guard let first = firstClaimant[id] else { return [] }
            return [first] + (otherClaimants[id] ?? [])
        }

        // Findings: a listed doc's beside the doc; else beside each assertion, else each feature, it names.
        let docPaths = Set(context.listedDocs.map(\.path))
        let featureIDs = Set(features.map(\.id))
        var byAssertion: [String: [Finding]] = [:]
        var byFeature: [String: [Finding]] = [:]
        var byDoc: [String: [Finding]] = [:]
        var other: [Finding] = []
        let missing = context.unmatchedEntries.map(\.pattern)
        let missingSet = Set(missing)
        // A doc's findings are counted first, so that its list is made at its size (a doc of
        // 40,000 bad blocks has 160,000).
        var perDoc: [String: Int] = [:]
        for finding in findings where docPaths.contains(finding.file) { perDoc[finding.file, default: 0] += 1 }
        for (file, count) in perDoc { byDoc[file] = Array(); byDoc[file]?.reserveCapacity(count) }
        for finding in findings {
            if docPaths.contains(finding.file) {
                byDoc[finding.file, default: []].append(finding)
                continue
            }
            // The missing path the message names in a code span, looked up rather than searched for.
            if finding.file == context.agentsFile,
                let path = finding.message.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                    .first(where: { $0.offset % 2 == 1 && missingSet.contains(String($0.element)) }).map({ String($0.element) })
            {
                byDoc[path, default: []].append(finding)
                continue
            }
            let words = Self.words(finding.message)
            let assertions = words.filter { known.contains($0) }
            if !assertions.isEmpty {
                for id in Self.unique(assertions) { byAssertion[id, default: []].append(finding) }
                continue
            }
            let named = words.filter { featureIDs.contains($0) }
            if !named.isEmpty {
                for id in Self.unique(named) { byFeature[id, default: []].append(finding) }
                continue
            }
            other.append(finding)
        }

        // Made once: a path made per row is a string of its own per row.
        let files = RowFiles(
            contract: mission.missionFile("validation-contract.md"), state: mission.missionFile("validation-state.json"),
            features: mission.missionFile("features.json"))
        // Each test listed under the assertions it names, in handoff order, built in one pass.
        let onlyClaim = Dictionary(features.map { ($0.id, $0.fulfills.count == 1 ? $0.fulfills[0].id : nil) }, uniquingKeysWith: { a, _ in a })
        var testsByAssertion: [String: [String]] = [:]
        for handoff in handoffs {
            for test in handoff.tests {
                // A case that names no assertion counts for its feature's only assertion.
                let named = test.verifies.map { Self.unique(Self.words($0)) } ?? Self.unique(handoff.features.compactMap { onlyClaim[$0] ?? nil })
                for id in named { testsByAssertion[id, default: []].append("\(test.file): \(test.name)") }
            }
        }
        let rows: [AssertionRow] = ids.map { id in
            let owners = claimants(id).map { features[$0] }
            let ownerIDs = owners.map(\.id)
            let entry = state[id].map { stateEntries[$0] }
            let tests = testsByAssertion[id] ?? []
            let verdict = context.syntheses.latest[id].map {
                VerdictBox(Verdict(status: $0.status, round: $0.round, file: $0.synthesis.path, line: $0.synthesis.lists[$0.status]?.location.line ?? 1))
            }
            let defined = contract[id].map { contractAssertions[$0] }
            return AssertionRow(
                id: id, title: defined?.title, milestone: owners.compactMap(\.milestone).first, features: ownerIDs, stateValue: entry?.status,
                state: entry == nil ? .untracked : State.of(entry?.status), handoffs: Self.unique(owners.flatMap { refs($0.id) }),
                tests: Self.unique(tests), findings: byAssertion[id] ?? [], files: files, contractLine: Self.line(defined?.location.line),
                stateLine: Self.line(entry?.location.line), verdictBox: verdict)
        }

        var stateByID: [String: State] = [:]
        stateByID.reserveCapacity(rows.count)
        for row in rows where stateByID[row.id] == nil { stateByID[row.id] = row.state }
        var milestoneOrder: [String?] = []
        var featureRows: [String?: [FeatureRow]] = [:]
        var perMilestone: [String?: Int] = [:]
        for f in features { perMilestone[f.milestone, default: 0] += 1 }
        for (name, count) in perMilestone { featureRows[name, default: []].reserveCapacity(count) }
        for f in features {
            if perMilestone.removeValue(forKey: f.milestone) != nil { milestoneOrder.append(f.milestone) }
            featureRows[f.milestone, default: []].append(
                FeatureRow(
                    id: f.id, status: f.status, milestone: f.milestone, assertions: f.fulfills.map(\.id), handoffs: refs(f.id),
                    findings: byFeature[f.id] ?? [], files: files, line: Self.line(f.location.line)))
        }
        var milestones: [MilestoneRow] = milestoneOrder.map { name in
            // Each claimed assertion counted once, without a list of them all (80,000 in one milestone).
            var seen: Set<String> = []
            var states: [State: Int] = [:]
            for row in featureRows[name] ?? [] {
                for id in row.assertions where seen.insert(id).inserted { states[stateByID[id] ?? .untracked, default: 0] += 1 }
            }
            return MilestoneRow(name: name, features: featureRows[name] ?? [], states: states)
        }
        // Assertions no feature claims still count: in a row of their own.
        let unclaimed = rows.filter { firstClaimant[$0.id] == nil }
        if !unclaimed.isEmpty {
            var states: [State: Int] = [:]
            for row in unclaimed { states[row.state, default: 0] += 1 }
            if let i = milestones.firstIndex(where: { $0.name == nil }) {
                for (k, v) in states { milestones[i].states[k, default: 0] += v }
            } else {
                milestones.append(MilestoneRow(name: nil, features: [], states: states))
            }
        }

        let docs = context.listedDocs.map { doc in
            DocRow(
                path: doc.path,
                blocks: doc.blocks.map { b in
                    DocRow.Block(line: b.headerLine, fields: b.fields.map { DocRow.Field(label: $0.rawLabel, value: $0.value) })
                },
                readError: doc.readError, findings: byDoc[doc.path] ?? [])
        }
            + missing.map { DocRow(path: $0, blocks: [], readError: nil, findings: byDoc[$0] ?? [], isMissing: true) }
        return MissionSection(
            path: mission.missionPath, title: Self.title(of: mission), milestones: milestones, assertions: rows, docs: docs,
            otherFindings: other, notes: mission.notes)
    }

    /// A row's stored line: 0 for none; a line past Int32's range (a file of over 2 GB of
    /// newlines, which no reader here accepts) is kept as the last one it can say.
    static func line(_ line: Int?) -> Int32 {
        guard let line, line > 0 else { return 0 }
        return Int32(clamping: line)
    }

    /// mission.md's first `# ` heading.
    static func title(of mission: Mission) -> String? {
        guard let bytes = try? FileSystem.readBytes(mission.missionDir + "/mission.md", limit: 1 << 20) else { return nil }
        for line in String(decoding: bytes.prefix(64 * 1024), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimming(" \t")
            if trimmed.hasPrefix("# ") {
                let title = trimmed.dropFirst(2).trimming(" \t")
                return title.isEmpty ? nil : title
            }
        }
        return nil
    }

    /// Identifier-like words of a message (`VAL-TIMER-001`, `feat_a`): letters, digits, `-`, `_`, `.`
    /// inside a word (a sentence's final period dropped).
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        func flush() {
            while current.hasSuffix(".") { current.removeLast() }
            if !current.isEmpty { result.append(current) }
            current = ""
        }
        for c in text.unicodeScalars {
            if c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "." {
                current.unicodeScalars.append(c)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// Each id's first position in `ids`.
    static func firstIndex(_ ids: some Collection<String>) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where index[id] == nil { index[id] = i }
        return index
    }

    static func unique<T: Hashable>(_ items: [T]) -> [T] {
        // Most lists hold one item or none: shared as they are, not copied through a set.
        guard items.count > 1 else { return items }
        var seen: Set<T> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// `VAL-A-2` before `VAL-A-10`: numbers compared as numbers.
    static func idOrder(_ a: String, _ b: String) -> Bool {
        NaturalOrder.precedes(a, b)
    }
}
