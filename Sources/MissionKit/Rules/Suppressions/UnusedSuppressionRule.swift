/// A suppression comment that suppresses no finding (found while suppressions are applied).
public enum UnusedSuppressionRule: RuleDefinition {
    public static let descriptor = RuleDescriptor(
        id: "unused-suppression", severity: .warning,
        summary: "A `<!-- missionctl-disable… RULE -->` comment suppresses no finding.")
}

extension UnusedSuppressionRule {
    public static var examples: [RuleExample] {
        [
            .doc(RuleExample.block() + "<!-- missionctl-disable-next-line missing-status-block -->\nText.\n", reports: true),
            .doc("<!-- missionctl-disable-file missing-status-block -->\n# A\n\nNo block on purpose.\n", reports: false),
        ]
    }
}
