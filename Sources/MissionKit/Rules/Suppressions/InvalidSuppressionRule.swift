/// A suppression comment that names no rule, an unknown one, or an unknown directive.
public enum InvalidSuppressionRule: RuleDefinition {
    public static let descriptor = RuleDescriptor(
        id: "invalid-suppression", severity: .warning,
        summary: "A `<!-- missionctl-… -->` comment names no rule, an unknown rule, or an unknown directive.")
}

extension InvalidSuppressionRule {
    public static var examples: [RuleExample] {
        [
            .doc(RuleExample.block() + "<!-- missionctl-disable-next-line no-such-rule -->\nText.\n", reports: true),
            .doc("<!-- missionctl-disable-file missing-status-block -->\n# A\n\nNo block on purpose.\n", reports: false),
        ]
    }
}
