/// The handoff's commit resolves, but what it changed cannot be known here: in a shallow clone
/// its parent is missing, and comparing with "no parent" would count every file as added.
public enum CommitNotVerifiableRule {
    public static let descriptor = RuleDescriptor(
        id: "commit-not-verifiable", severity: .error,
        summary: "The handoff's commit is a shallow-clone boundary: its changes cannot be known, so nothing is claimed verified.")
}
