/// One assertion id in the `fulfills` of two features.
public struct AssertionClaimedTwiceRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "assertion-claimed-twice", severity: .error,
        summary: "One assertion id appears in the `fulfills` of more than one feature.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let features = context.mission.features else { return [] }
        var owner: [String: String] = [:]
        var out: [Finding] = []
        let file = context.mission.missionFile("features.json")
        for feature in features.features {
            for claim in feature.fulfills {
                if let first = owner[claim.id], first != feature.id {
                    out.append(
                        descriptor.finding(
                            file, claim.location,
                            message: "`\(claim.id)` is fulfilled by `\(first)` and again by `\(feature.id)`",
                            hint: "Each assertion is fulfilled by exactly one feature; remove it from one of them."))
                } else {
                    owner[claim.id] = feature.id
                }
            }
        }
        return out
    }
}

extension AssertionClaimedTwiceRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.features(#"{"id": "f", "fulfills": ["VAL-A-001"]}"#, #"{"id": "g", "fulfills": ["VAL-A-001"]}"#)),
            .passes(RuleExample.features(#"{"id": "f", "fulfills": ["VAL-A-001"]}"#, #"{"id": "g", "fulfills": ["VAL-A-002"]}"#)),
        ]
    }
}
