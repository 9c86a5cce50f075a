/// The validator syntheses that belong to one mission, and the latest verdict they give each
/// assertion.
///
/// A synthesis belongs to a mission when it sits in the mission's own `validation/` folder, or in
/// `.factory/validation/<milestone>/` for a milestone that the mission's features.json names (all
/// of `.factory/validation/` when the mission is `.factory/` itself).
public struct MissionSyntheses: Sendable {
    /// The latest verdict on one assertion: what it was and which synthesis said so.
    public struct Verdict: Sendable {
        public var status: String  // passed, failed or blocked
        public var synthesis: ValidatorSynthesis
        public var round: Int
    }

    public var syntheses: [ValidatorSynthesis]
    /// By assertion id: the verdict of the highest round that lists it.
    public var latest: [String: Verdict]

    public init(_ mission: Mission) {
        let own = mission.missionPath == "." ? "validation/" : mission.missionPath + "/validation/"
        let milestones = Set(mission.features?.features.compactMap(\.milestone) ?? [])
        let isFactory = mission.missionPath == ".factory"
        syntheses = mission.repository.syntheses.filter { s in
            s.path.hasPrefix(own) || (s.path.hasPrefix(".factory/validation/") && (isFactory || milestones.contains(s.folder)))
        }
        var latest: [String: Verdict] = [:]
        for s in syntheses {
            let round = s.round?.value ?? s.fileRound ?? 1
            for kind in ValidatorSynthesis.kinds {
                for id in s.lists[kind]?.value ?? [] {
                    if let known = latest[id], known.round > round { continue }
                    latest[id] = Verdict(status: kind, synthesis: s, round: round)
                }
            }
        }
        self.latest = latest
    }
}
