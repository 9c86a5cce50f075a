/// With `--rerun`: a command whose exit code in a clean worktree differs from the claimed one.
public enum RerunMismatchRule {
    public static let descriptor = RuleDescriptor(
        id: "rerun-mismatch", severity: .error,
        summary: "With --rerun: a commandsRun command exits differently in a clean worktree of the commit than claimed.")
}
