/// The validator syntheses that belong to one mission, and the latest verdict they give each
/// assertion.
///
/// A synthesis belongs to a mission when it sits in the mission's own `validation/` folder, or in
/// `.factory/validation/<milestone>/` for a milestone that the mission's features.json names
/// (names compared by `ValidatorSynthesis.milestoneKey`; all of `.factory/validation/` when the
/// mission is `.factory/` itself). A mission without features.json (a runtime copy holding only
/// validation-state.json) owns the syntheses that judge one of its assertions.
public struct MissionSyntheses: Sendable {
    /// The latest verdict on one assertion: what it was and which synthesis said so.
    public struct Verdict: Sendable {
        public var status: String  // passed, failed or blocked
        /// Shared by every verdict of one synthesis: a copy per assertion id took 60 MB for a
        /// synthesis of 80,000 ids.
        let source: Source
        public var synthesis: ValidatorSynthesis { source.synthesis }
        public var round: Int
    }

    /// One synthesis, held once for all of its verdicts.
    final class Source: Sendable {
        let synthesis: ValidatorSynthesis
        init(_ synthesis: ValidatorSynthesis) { self.synthesis = synthesis }
    }

    public var syntheses: [ValidatorSynthesis]
    /// By assertion id: the latest verdict, when the order of the verdicts is known.
    public var latest: [String: Verdict]

    public init(_ mission: Mission) {
        let own = mission.missionPath == "." ? "validation/" : mission.missionPath + "/validation/"
        let milestones = Set(mission.features?.features.compactMap(\.milestone).map(ValidatorSynthesis.milestoneKey) ?? [])
        let isFactory = mission.missionPath == ".factory"
        let ids: Set<String> =
            mission.features == nil ? Set((mission.state?.entries.map(\.id) ?? []) + (mission.contract?.assertions.map(\.id) ?? [])) : []
        syntheses = mission.repository.syntheses.filter { s in
            if s.path.hasPrefix(own) { return true }
            guard s.path.hasPrefix(".factory/validation/") else { return false }
            if isFactory || milestones.contains(s.milestoneKey) { return true }
            return !ids.isEmpty && s.lists.values.contains { $0.value.contains(where: ids.contains) }
        }
        var candidates: [String: [Verdict]] = [:]
        for s in syntheses {
            let round = s.round?.value ?? s.fileRound ?? 1
            let source = Source(s)
            for kind in ValidatorSynthesis.kinds {
                for id in s.lists[kind]?.value ?? [] { candidates[id, default: []].append(Verdict(status: kind, source: source, round: round)) }
            }
        }
        latest = candidates.compactMapValues(Self.latest)
    }

    /// Whether `a` came before `b`: by round within one milestone folder (rounds count per
    /// folder), else by time; nil when unknown (no time for one of them).
    static func order(_ a: ValidatorSynthesis, _ b: ValidatorSynthesis) -> Bool? {
        let (ra, rb) = (a.round?.value ?? a.fileRound ?? 1, b.round?.value ?? b.fileRound ?? 1)
        let sameFolder = a.milestoneFolder == b.milestoneFolder
        if sameFolder, ra != rb { return ra < rb }
        if let ta = a.time, let tb = b.time, ta != tb { return ta < tb }
        if sameFolder { return ra <= rb }
        return nil
    }

    /// The last of `verdicts`; nil when they disagree and their order is unknown.
    static func latest(_ verdicts: [Verdict]) -> Verdict? {
        var best = verdicts[0]
        var ambiguous = false
        for v in verdicts.dropFirst() {
            switch order(best.synthesis, v.synthesis) {
            case true?: best = v
            case false?: break
            case nil:
                if v.status != best.status { ambiguous = true }
                if v.round > best.round { best = v }
            }
        }
        // An unknown order matters only when the verdicts differ; then no verdict is the latest.
        if ambiguous, verdicts.contains(where: { $0.status != best.status && order($0.synthesis, best.synthesis) == nil }) { return nil }
        return best
    }
}
