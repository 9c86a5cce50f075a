extension MissionReport {
    /// One milestone folder of `.factory/validation/`, for a repository whose validator outputs no
    /// mission claims (the common public layout: services, skills and syntheses, no mission files).
    public struct ValidationMilestoneRow: Sendable {
        /// The folder's name.
        public var milestone: String
        /// The latest synthesis of each validator there (by round, then time), by validator folder.
        public var latest: [(validator: String, synthesis: Link, status: String?, round: Int)]
        /// Assertion counts over those latest syntheses: passed, failed, blocked.
        public var passed: Int
        public var failed: Int
        public var blocked: Int
        /// Every synthesis in the folder, all rounds.
        public var synthesisCount: Int
        /// Findings about the folder's syntheses (contradictions, count mismatches).
        public var findings: [Finding]

        /// Passed when every validator's latest synthesis passed.
        public var verdict: String {
            guard !latest.isEmpty else { return "—" }
            if latest.allSatisfy({ ($0.status ?? "").lowercased().hasPrefix("pass") || $0.status?.lowercased() == "success" }) { return "passed" }
            return latest.map { "\($0.validator): \($0.status ?? "?")" }.joined(separator: ", ")
        }
    }

    /// The rows of the syntheses under `.factory/validation/<milestone>/`, in folder order.
    static func validationRows(_ syntheses: [ValidatorSynthesis], findings: [Finding]) -> [ValidationMilestoneRow] {
        var byMilestone: [String: [ValidatorSynthesis]] = [:]
        for s in syntheses where s.path.hasPrefix(".factory/validation/") { byMilestone[s.folder, default: []].append(s) }
        return byMilestone.keys.sorted().map { milestone in
            let all = byMilestone[milestone] ?? []
            var latest: [String: ValidatorSynthesis] = [:]
            for s in all {
                if let known = latest[s.validator], MissionSyntheses.order(known, s) != true { continue }
                latest[s.validator] = s
            }
            let chosen = latest.keys.sorted().compactMap { v in latest[v].map { (v, $0) } }
            func count(_ kind: String) -> Int {
                chosen.reduce(0) { $0 + ($1.1.lists[kind]?.value.count ?? $1.1.summary[kind]?.value ?? 0) }
            }
            let prefix = ".factory/validation/\(milestone)/"
            return ValidationMilestoneRow(
                milestone: milestone,
                latest: chosen.map { ($0.0, Link(file: $0.1.path), $0.1.status?.value, $0.1.round?.value ?? $0.1.fileRound ?? 1) },
                passed: count("passed"), failed: count("failed"), blocked: count("blocked"), synthesisCount: all.count,
                findings: findings.filter { $0.file.hasPrefix(prefix) })
        }
    }
}
