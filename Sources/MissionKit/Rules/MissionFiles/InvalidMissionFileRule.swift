/// A mission file that cannot be parsed or has the wrong shape. Found while loading.
public struct InvalidMissionFileRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "invalid-mission-file", severity: .error,
        summary: "A mission file cannot be parsed or has the wrong shape (features.json as a bare array, say).")
    public init() {}

    static let featuresHint =
        "features.json is {\"features\": [{\"id\": \"…\", \"skillName\": \"…\", \"fulfills\": [\"VAL-…\"], …}]} in execution order."
    static let stateHint =
        "validation-state.json is {\"assertions\": {\"VAL-AREA-001\": {\"status\": \"pending\"}}}."

    public func check(_ context: CheckContext) -> [Finding] {
        context.mission.loadFindings.filter { $0.rule == descriptor.id }
    }
}

extension InvalidMissionFileRule {
    public static var examples: [RuleExample] {
        [.reports([".factory/features.json": "{\"features\": ["]), .passes(RuleExample.features(#"{"id": "timer"}"#))]
    }
}
