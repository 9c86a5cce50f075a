/// An `Agent` that names neither a feature nor a skill (a session UUID, say).
public struct UnknownAgentRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-agent", severity: .warning,
        summary: "The block's Agent is neither a feature id in features.json nor a skill name.")
    public static var isStatusBlockRule: Bool { true }
    /// The placeholder agent of a block nobody has taken yet.
    public static let unassigned = "unassigned"
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        let features = context.mission.features?.ids
        let skills = context.mission.skills?.names
        guard features != nil || skills != nil else { return [] }
        let known = (features ?? []).union(skills ?? [])
        return context.listedDocs.flatMap { doc in
            doc.blocks.compactMap { block -> Finding? in
                guard let agent = block.field(.agent), !agent.value.isEmpty else { return nil }
                let name = agent.normalizedValue
                guard !known.contains(name) else { return nil }
                // `status init` writes `Agent: unassigned` into not-started blocks: nobody owns the doc yet.
                if name == Self.unassigned, block.value(.status) == WorkStatus.notStarted.rawValue { return nil }
                let looksLikeSession = name.count == 36 && name.filter { $0 == "-" }.count == 4
                return descriptor.finding(
                    doc.path, agent.location,
                    message: looksLikeSession
                        ? "`Agent: \(name)` is a worker session id, not a feature or skill name"
                        : "`Agent: \(name)` is neither a feature id in features.json nor a skill under .factory/skills/",
                    hint: "Name the feature (features.json `id`) or the skill whose worker updated this doc.")
            }
        }
    }
}

extension UnknownAgentRule {
    public static var examples: [RuleExample] {
        [
            .doc(RuleExample.block(agent: "3f1c2b9e-1111-2222-3333-444455556666"), reports: true, files: RuleExample.features(#"{"id": "timer"}"#)),
            .doc(RuleExample.block(agent: "timer"), reports: false, files: RuleExample.features(#"{"id": "timer"}"#)),
        ]
    }
}
