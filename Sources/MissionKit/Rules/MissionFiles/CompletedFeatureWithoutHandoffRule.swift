import Foundation

/// In a mission that keeps its handoffs (`handoffs/*.json` beside features.json), `completed`
/// features that no handoff names: the completion has no worker's account behind it. Once per
/// mission, with the features.
public struct CompletedFeatureWithoutHandoffRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "completed-feature-without-handoff", severity: .warning,
        summary: "In a mission that keeps handoffs, `completed` features that no handoff names (featureId or file name), once per mission.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let features = context.mission.features else { return [] }
        let folder = context.mission.missionDir + "/handoffs"
        let names = ((try? FileManagerShim.contents(of: folder)) ?? []).filter { $0.hasSuffix(".json") }
        guard !names.isEmpty else { return [] }
        let named = Self.featureIDs(folder: folder, names: names)
        let missing = features.features.filter { $0.status == "completed" && !named.contains($0.id) }
        guard let first = missing.first else { return [] }
        let shown = missing.prefix(3).map { "`\($0.id)`" }.joined(separator: ", ") + (missing.count > 3 ? ", …" : "")
        return [
            descriptor.finding(
                context.mission.missionFile("features.json"), first.statusLocation,
                message: "\(missing.count) completed feature(s) have no handoff in \(context.mission.missionFile("handoffs"))/: \(shown)",
                hint: "Commit the worker's handoff for each (its `featureId` names the feature), or set the feature back to in-progress.")
        ]
    }

    /// The features the handoffs name: each file's `featureId` (or `feature`), and the middle
    /// part of `<time>__<feature>__<session>.json` file names.
    static func featureIDs(folder: String, names: [String]) -> Set<String> {
        var ids: Set<String> = []
        for name in names {
            let parts = name.dropLast(5).components(separatedBy: "__")
            if parts.count >= 3 { ids.insert(parts[1]) }
            guard let bytes = try? FileSystem.readBytes(folder + "/" + name, limit: 4 * 1024 * 1024),
                let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
            else { continue }
            if let id = (object["featureId"] as? String) ?? (object["feature"] as? String) { ids.insert(id) }
        }
        return ids
    }
}
