/// A command the handoff reports as run, with a non-zero exit code.
public struct ClaimedCommandFailedRule: HandoffRule {
    public static let descriptor = RuleDescriptor(
        id: "claimed-command-failed", severity: .error,
        summary: "A verification.commandsRun entry reports a non-zero exit code.")
    public init() {}

    public func check(_ context: HandoffContext) -> [Finding] {
        context.handoff.commandsRun.filter { $0.exitCode != 0 }.map { run in
            Self.descriptor.finding(
                context.file, context.location(run.path + ".exitCode"),
                message: "`\(run.command)` exited with \(run.exitCode)",
                hint: "Hand off only when the verification commands pass, or explain the failure in whatWasLeftUndone and return to the orchestrator.")
        }
    }
}

extension ClaimedCommandFailedRule {
    public static var examples: [RuleExample] {
        [
            .handoff(RuleExample.handoffJSON(commands: #"{"command": "make test", "exitCode": 2}"#), commit: ["a.go": "package a\n"], reports: true),
            .handoff(RuleExample.handoffJSON(commands: #"{"command": "make test", "exitCode": 0}"#), commit: ["a.go": "package a\n"], reports: false),
        ]
    }
}
