/// A handoff whose keys or types are wrong. Found while decoding, before any other rule.
public enum InvalidHandoffRule {
    public static let descriptor = RuleDescriptor(
        id: "invalid-handoff", severity: .error,
        summary: "The handoff JSON lacks a required key or has one of the wrong type (reported with its JSON path).")

    static func finding(_ problem: Handoff.Problem, file: String, document: JSONDocument?) -> Finding {
        descriptor.finding(
            file, document?.location(problem.path) ?? .start, message: "\(problem.path): \(problem.message)",
            hint: "A handoff has salientSummary, whatWasImplemented (strings), verification {commandsRun, interactiveChecks} and tests {added: [{file, cases: [{name, verifies}]}]}.")
    }
}
