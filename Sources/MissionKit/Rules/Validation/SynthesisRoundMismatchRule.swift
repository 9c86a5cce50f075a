/// A synthesis whose `round` is not the round its file name gives (`"round": 1` in
/// `synthesis.round2.json`): which round is the latest can no longer be told.
public struct SynthesisRoundMismatchRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "synthesis-round-mismatch", severity: .warning,
        summary: "A validator synthesis's `round` differs from the round in its file name (`synthesis.round2.json`).")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.syntheses.compactMap { s -> Finding? in
            guard let fileRound = s.fileRound, let round = s.round, round.value != fileRound else { return nil }
            return descriptor.finding(
                s.path, round.location, message: "`round: \(round.value)` in a file named for round \(fileRound)",
                hint: "Write the round the file is named for, or rename the file.")
        }
    }
}

extension SynthesisRoundMismatchRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.synthesis(InvalidSynthesisRule.good, name: "synthesis.round2.json")),
            .passes(RuleExample.synthesis(InvalidSynthesisRule.good.replacing(#""round": 1"#, with: #""round": 2"#), name: "synthesis.round2.json")),
        ]
    }
}
