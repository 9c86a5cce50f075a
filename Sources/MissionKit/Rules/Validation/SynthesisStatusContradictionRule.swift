/// A synthesis that says the round passed while it lists or counts failed or blocked assertions:
/// an orchestrator reading `status` would close a milestone its validator did not pass.
public struct SynthesisStatusContradictionRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "synthesis-status-contradiction", severity: .error,
        summary: "A validator synthesis says `status: pass` while it lists or counts failed or blocked assertions.")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.syntheses.compactMap { s -> Finding? in
            guard s.claimsPass, let status = s.status else { return nil }
            var against: [String] = []
            for kind in ["failed", "blocked"] {
                let listed = s.lists[kind]?.value ?? []
                let counted = s.summary[kind]?.value ?? 0
                let n = max(listed.count, counted)
                guard n > 0 else { continue }
                let sample = listed.prefix(3).map { "`\($0)`" }.joined(separator: ", ")
                against.append("\(n) \(kind)" + (sample.isEmpty ? "" : " (\(sample)\(listed.count > 3 ? ", …" : ""))"))
            }
            guard !against.isEmpty else { return nil }
            return descriptor.finding(
                s.path, status.location, message: "`status: \(status.value)`, yet the synthesis has \(against.joined(separator: " and "))",
                hint: "A round with failed or blocked assertions has not passed: set `status` to fail, or record the override that justifies it.")
        }
    }
}

extension SynthesisStatusContradictionRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.synthesis(#"{"milestone": "m", "round": 1, "status": "pass", "assertionsSummary": {"total": 2, "passed": 1, "failed": 1, "blocked": 0}, "passedAssertions": ["VAL-A-001"], "failedAssertions": ["VAL-A-002"], "blockedAssertions": []}"#)),
            .passes(RuleExample.synthesis(InvalidSynthesisRule.good)),
        ]
    }
}
