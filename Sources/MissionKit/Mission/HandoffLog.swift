/// The handoffs a mission keeps (`handoffs/*.json` beside features.json): which feature each is
/// for, its commit, and the tests it names. Read tolerantly: a file that is not a handoff still
/// names its feature through a `<time>__<feature>__<session>.json` file name.
public struct HandoffLog: Sendable {
    public struct Entry: Sendable, Hashable {
        /// Repo-relative path.
        public var file: String
        /// The features it names: `featureId` (or `feature`) and the file name's middle part.
        public var features: [String]
        public var commit: String?
        public var successState: String?
        public var tests: [Test]
        /// The progress log's line, for a handoff kept inline in a `worker_completed` event.
        public var line: Int? = nil
    }

    /// A test case a handoff says it added.
    public struct Test: Sendable, Hashable {
        public var file: String
        public var name: String
        /// The assertion id(s) the case says it verifies, as written.
        public var verifies: String?
    }

    /// In file-name order (handoff names start with their time).
    public var entries: [Entry]

    /// Every feature some handoff names.
    public var featureIDs: Set<String> { Set(entries.flatMap(\.features)) }

    /// Reads `<mission>/handoffs/*.json`, then the handoffs the progress log keeps inline in its
    /// `worker_completed` events; no folder and no log mean no entries.
    public static func load(_ mission: Mission) -> HandoffLog {
        let folder = mission.missionDir + "/handoffs"
        let names = ((try? FileManagerShim.contents(of: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var entries = Parallel.map(names) { name -> Entry in
            entry(path: folder + "/" + name, name: name, shown: mission.missionFile("handoffs/" + name))
        }
        for event in mission.progressLog?.events ?? [] where event.name == "worker_completed" {
            guard let handoff = event.handoff, let id = handoff.string("featureId", "feature") ?? event.featureId else { continue }
            entries.append(
                Entry(
                    file: mission.missionFile("progress_log.jsonl"), features: [id], commit: handoff.string("commitId", "commit") ?? event.commit,
                    successState: handoff.string("successState") ?? event.status, tests: [], line: event.line))
        }
        return HandoffLog(entries: entries)
    }

    /// The feature a handoff file is named after: `<time>__<feature>__<session>.json`.
    public static func featureFromFileName(_ name: String) -> String? {
        guard name.hasSuffix(".json") else { return nil }
        let parts = name.dropLast(5).components(separatedBy: "__")
        return parts.count >= 3 && !parts[1].isEmpty ? parts[1] : nil
    }

    static func entry(path: String, name: String, shown: String) -> Entry {
        var entry = Entry(file: shown, features: [], commit: nil, successState: nil, tests: [])
        if let feature = featureFromFileName(name) { entry.features.append(feature) }
        guard let bytes = try? FileSystem.readBytes(path, limit: 4 * 1024 * 1024), let document = try? JSONDocument(bytes: bytes) else {
            return entry
        }
        guard let handoff = Handoff.decode(document).0 else {
            // Not a whole handoff: what it says about its feature and outcome still counts.
            let object = JSONObject(document.root)
            if let id = object?.string("featureId", "feature"), !entry.features.contains(id) { entry.features.insert(id, at: 0) }
            entry.commit = object?.string("commitId", "commit")
            entry.successState = object?.string("successState")
            return entry
        }
        if let id = handoff.featureId, !entry.features.contains(id) { entry.features.insert(id, at: 0) }
        entry.commit = handoff.commitId
        entry.successState = handoff.successState ?? JSONObject(document.root)?.string("successState")
        entry.tests = handoff.tests.flatMap { added in added.cases.map { Test(file: added.file, name: $0.name, verifies: $0.verifies) } }
        return entry
    }
}
