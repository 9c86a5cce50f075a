/// What the handoff's commit changed cannot be known: in a shallow clone its parent is missing
/// (comparing with "no parent" would count every file as added), or the handoff names no commit
/// and every commit the mission's records offer only does bookkeeping.
public enum CommitNotVerifiableRule: RuleDefinition {
    public static var command: RuleCommand { .handoffVerify }
    public static let descriptor = RuleDescriptor(
        id: "commit-not-verifiable", severity: .error,
        summary: "The handoff's commit is a shallow-clone boundary, or it names none and the mission's records offer only bookkeeping commits: nothing is claimed verified.")
}

extension CommitNotVerifiableRule {
    public static var examples: [RuleExample] {
        [
            // The handoff names no commit, and the only commit the records offer is the one that
            // recorded the handoff later, among mission files.
            .handoff(
                RuleExample.handoffJSON(implemented: "Updated `src/x.go`.", wrapper: #""featureId": "f""#), commit: ["src/x.go": "package x\n"],
                later: [".factory/handoffs/h.json": "HANDOFF"], reports: true),
            .handoff(
                RuleExample.handoffJSON(implemented: "Updated `src/x.go`.", wrapper: #""featureId": "f""#),
                commit: ["src/x.go": "package x\n", ".factory/handoffs/h.json": "HANDOFF"], reports: false),
        ]
    }
}
