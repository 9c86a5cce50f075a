/// With `--rerun`: a command whose exit code in a clean worktree differs from the claimed one.
public enum RerunMismatchRule: RuleDefinition {
    public static var command: RuleCommand { .handoffVerify }
    public static let descriptor = RuleDescriptor(
        id: "rerun-mismatch", severity: .error,
        summary: "With --rerun: a commandsRun command exits differently in a clean worktree of the commit than claimed.")
}

extension RerunMismatchRule {
    public static var examples: [RuleExample] {
        [
            .handoff(RuleExample.handoffJSON(commands: #"{"command": "exit 3", "exitCode": 0}"#), commit: ["a.go": "package a\n"], reports: true, rerun: true),
            .handoff(RuleExample.handoffJSON(commands: #"{"command": "test -f a.go", "exitCode": 0}"#), commit: ["a.go": "package a\n"], reports: false, rerun: true),
        ]
    }
}
