/// `followedProcedure: true` with no interactive check recorded.
public struct ProcedureClaimWithoutEvidenceRule: HandoffRule {
    public static let descriptor = RuleDescriptor(
        id: "procedure-claim-without-evidence", severity: .warning,
        summary: "skillFeedback.followedProcedure is true while verification.interactiveChecks is empty.")
    public init() {}

    public func check(_ context: HandoffContext) -> [Finding] {
        guard context.handoff.followedProcedure == true, context.handoff.interactiveChecks == 0 else { return [] }
        return [
            Self.descriptor.finding(
                context.file, context.location("$.skillFeedback.followedProcedure"),
                message: "followedProcedure is true, but verification.interactiveChecks is empty",
                hint: "Record the interactive check the skill requires (action and what was observed), or set followedProcedure to false.")
        ]
    }
}

extension ProcedureClaimWithoutEvidenceRule {
    public static var examples: [RuleExample] {
        [
            .handoff(RuleExample.handoffJSON(checks: 0, wrapper: #""commitId": "HEAD", "skillFeedback": {"followedProcedure": true}"#), commit: ["a.go": "package a\n"], reports: true),
            .handoff(RuleExample.handoffJSON(checks: 1, wrapper: #""commitId": "HEAD", "skillFeedback": {"followedProcedure": true}"#), commit: ["a.go": "package a\n"], reports: false),
        ]
    }
}
