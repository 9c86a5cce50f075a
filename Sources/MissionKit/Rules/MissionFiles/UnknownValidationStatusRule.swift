/// A state whose status is not one of the canonical values (`pass`, `green` occur in practice).
/// Reported once per distinct value, with the assertions that carry it.
public struct UnknownValidationStatusRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-validation-status", severity: .warning,
        summary: "An assertion's status in validation-state.json is not pending, passed, failed or blocked (once per value).")
    public init() {}

    /// What the common non-canonical values mean.
    static let synonyms: [String: String] = [
        "pass": "passed", "green": "passed", "ok": "passed", "success": "passed", "done": "passed", "fulfilled": "passed",
        "fail": "failed", "red": "failed", "failure": "failed", "todo": "pending", "not-started": "pending",
        "in-progress": "pending", "skipped": "blocked",
    ]

    public func check(_ context: CheckContext) -> [Finding] {
        guard let state = context.mission.state else { return [] }
        var values = NonCanonicalValues(canonical: ValidationState.canonicalStatuses.sorted(), synonyms: Self.synonyms)
        for entry in state.entries { values.add(entry.status, at: entry.location, subject: entry.id) }
        return values.findings(
            descriptor, file: context.mission.missionFile("validation-state.json"), label: "status", noun: "assertion",
            hint: "Use pending, passed, failed or blocked.")
    }
}

extension UnknownValidationStatusRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.state(#""VAL-A-001": {"status": "done"}"#)),
            .passes(RuleExample.state(#""VAL-A-001": {"status": "passed"}"#)),
        ]
    }
}
