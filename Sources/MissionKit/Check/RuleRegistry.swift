/// Every rule `check` runs, in the order they are documented.
public enum RuleRegistry {
    public static let rules: [any Rule.Type] = [
        MissingStatusBlockRule.self,
        DuplicateStatusBlockRule.self,
        MalformedStatusBlockRule.self,
        InvalidStatusValueRule.self,
        InconsistentStatusBlockRule.self,
        ListedDocNotFoundRule.self,
        SourceDocOutsideRepositoryRule.self,
        UnreadableSourceDocRule.self,
        UnlistedStatusBlockRule.self,
        UnknownAgentRule.self,
        NoSourceDocsRule.self,
        UnreadableSourceDocItemRule.self,
        InvalidMissionFileRule.self,
        UnknownAssertionRule.self,
        UnclaimedAssertionRule.self,
        AssertionClaimedTwiceRule.self,
        UnknownSkillRule.self,
        ValidationStateMismatchRule.self,
        UnknownValidationStatusRule.self,
        UnknownFeatureStatusRule.self,
        SynthesisStateMismatchRule.self,
        SynthesisUnknownAssertionRule.self,
        CompletedFeatureFailedAssertionRule.self,
        CompletedFeatureWithoutHandoffRule.self,
        UnimplementedAssertionRule.self,
    ]

    /// Rules over the files all missions share (services.yaml, skills), run once per run.
    public static let repositoryRules: [any RepositoryRule.Type] = [
        InvalidServicesFileRule.self,
        UnknownServiceKeyRule.self,
        ServiceWithoutStartRule.self,
        UnknownDependencyRule.self,
        DependencyCycleRule.self,
        DuplicatePortRule.self,
        PortNotInCommandRule.self,
        TrivialHealthcheckRule.self,
        MissingTestCommandRule.self,
        InvalidSkillFrontMatterRule.self,
        InvalidSynthesisRule.self,
        SynthesisCountMismatchRule.self,
        SynthesisStatusContradictionRule.self,
        SynthesisMilestoneMismatchRule.self,
        SynthesisRoundMismatchRule.self,
    ]

    public static var descriptors: [RuleDescriptor] {
        rules.map { $0.descriptor } + repositoryRules.map { $0.descriptor }
            + [Suppressions.unusedDescriptor, Suppressions.invalidDescriptor]
    }

    /// Every rule id any command reports (check and handoff verify).
    public static var allDescriptors: [RuleDescriptor] { descriptors + HandoffVerifier.descriptors }

    public static func descriptor(_ id: String) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }
}
