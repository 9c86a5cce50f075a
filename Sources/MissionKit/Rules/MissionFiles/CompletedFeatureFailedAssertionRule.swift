/// A feature marked `completed` while an assertion it fulfills failed, in validation-state.json or
/// in the latest validator synthesis: the work is not done by the mission's own evidence.
public struct CompletedFeatureFailedAssertionRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "completed-feature-failed-assertion", severity: .warning,
        summary: "A `completed` feature fulfills an assertion that failed (in validation-state.json or the latest validator synthesis).")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let features = context.mission.features else { return [] }
        var stateStatus: [String: String] = [:]
        for entry in context.mission.state?.entries ?? [] { if let s = entry.status { stateStatus[entry.id] = s } }
        let latest = context.syntheses.latest
        let file = context.mission.missionFile("features.json")
        return features.features.compactMap { feature -> Finding? in
            guard feature.status == "completed" else { return nil }
            var failed: [String] = []
            for claim in feature.fulfills {
                if stateStatus[claim.id] == "failed" {
                    failed.append("`\(claim.id)` (failed in validation-state.json)")
                } else if let verdict = latest[claim.id], verdict.status == "failed" {
                    failed.append("`\(claim.id)` (failed in \(verdict.synthesis.path))")
                }
            }
            guard !failed.isEmpty else { return nil }
            return descriptor.finding(
                file, feature.statusLocation,
                message: "feature `\(feature.id)` is completed, but \(failed.prefix(3).joined(separator: ", "))\(failed.count > 3 ? ", …" : "")",
                hint: "Set the feature back to in-progress until its assertions pass, or record the passing round in validation-state.json.")
        }
    }
}

extension CompletedFeatureFailedAssertionRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.contract.merging(RuleExample.features(#"{"id": "f", "status": "completed", "fulfills": ["VAL-A-001"]}"#)) { $1 }.merging(RuleExample.state(#""VAL-A-001": {"status": "failed"}"#)) { $1 }),
            .passes(RuleExample.contract.merging(RuleExample.features(#"{"id": "f", "status": "completed", "fulfills": ["VAL-A-001"]}"#)) { $1 }.merging(RuleExample.state(#""VAL-A-001": {"status": "passed"}"#)) { $1 }),
        ]
    }
}
