/// The handoff names a commit that does not resolve in the repository.
public enum CommitNotFoundRule: RuleDefinition {
    public static var command: RuleCommand { .handoffVerify }
    public static let descriptor = RuleDescriptor(
        id: "commit-not-found", severity: .error,
        summary: "The handoff's commit does not resolve in the repository.")

    static func finding(_ commit: String, file: String, location: SourceLocation, repo: String) -> Finding {
        descriptor.finding(
            file, location, message: "commit `\(commit)` does not resolve in \(repo)",
            hint: "Hand off the commit that holds the work (`git log --oneline`); fetch it first if it lives elsewhere.")
    }
}

extension CommitNotFoundRule {
    public static var examples: [RuleExample] {
        [
            .handoff(RuleExample.handoffJSON(wrapper: #""commitId": "0123abc""#), commit: ["a.go": "package a\n"], reports: true),
            .handoff(RuleExample.handoffJSON(), commit: ["a.go": "package a\n"], reports: false),
        ]
    }
}
