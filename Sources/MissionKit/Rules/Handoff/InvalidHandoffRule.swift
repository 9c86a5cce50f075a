/// A handoff whose keys or types are wrong. Found while decoding, before any other rule.
public enum InvalidHandoffRule: RuleDefinition {
    public static var command: RuleCommand { .handoffVerify }
    public static let descriptor = RuleDescriptor(
        id: "invalid-handoff", severity: .error,
        summary: "The handoff JSON lacks a required key or has one of the wrong type (reported with its JSON path).")

    static func finding(_ problem: Handoff.Problem, file: String, document: JSONDocument?) -> Finding {
        descriptor.finding(
            file, document?.location(problem.path) ?? .start, message: "\(problem.path): \(problem.message)",
            hint: "A handoff has salientSummary, whatWasImplemented (strings), verification {commandsRun, interactiveChecks} and tests {added: [{file, cases: [{name, verifies}]}]}.")
    }
}

extension InvalidHandoffRule {
    public static var examples: [RuleExample] {
        [
            .handoff(#"{"commitId": "HEAD", "handoff": {"salientSummary": 1}}"#, commit: ["a.go": "package a\n"], reports: true),
            .handoff(RuleExample.handoffJSON(), commit: ["a.go": "package a\n"], reports: false),
        ]
    }
}
