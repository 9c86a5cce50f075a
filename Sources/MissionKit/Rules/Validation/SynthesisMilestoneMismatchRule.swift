/// A synthesis whose `milestone` is not the folder it sits in: readers that go by folder and
/// readers that go by field see different milestones.
public struct SynthesisMilestoneMismatchRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "synthesis-milestone-mismatch", severity: .warning,
        summary: "A validator synthesis's `milestone` is not the name of the `validation/<milestone>/` folder it sits in.")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.syntheses.compactMap { s -> Finding? in
            guard let milestone = s.milestone, ValidatorSynthesis.milestoneKey(milestone.value) != s.milestoneKey
            else { return nil }
            return descriptor.finding(
                s.path, milestone.location, message: "`milestone: \(milestone.value)` in the folder `\(s.folder)`",
                hint: "Name the folder after the milestone (features.json `milestone`), or fix the field.")
        }
    }
}

extension SynthesisMilestoneMismatchRule {
    public static var examples: [RuleExample] {
        [
            .reports(RuleExample.synthesis(InvalidSynthesisRule.good.replacing(#""milestone": "m""#, with: #""milestone": "other""#))),
            .passes(RuleExample.synthesis(InvalidSynthesisRule.good)),
            // A folder name cannot hold `:`; the same words name the same milestone.
            .passes([".factory/validation/Milestone 2 Sync & Offline/user-testing/synthesis.json": InvalidSynthesisRule.good.replacing(#""milestone": "m""#, with: #""milestone": "Milestone 2: Sync & Offline""#)]),
        ]
    }
}
