/// Every rule missionctl reports, once each, in the order they are documented: the source of
/// what `check` and `handoff verify` run, of `missionctl rules`, of docs/rules.md's tables and of SARIF.
public enum RuleRegistry {
    public static let all: [any RuleDefinition.Type] = [
        // Status blocks
        MissingStatusBlockRule.self,
        DuplicateStatusBlockRule.self,
        MalformedStatusBlockRule.self,
        LookalikeStatusHeaderRule.self,
        InvalidStatusValueRule.self,
        InconsistentStatusBlockRule.self,
        ListedDocNotFoundRule.self,
        SourceDocOutsideRepositoryRule.self,
        UnreadableSourceDocRule.self,
        UnsupportedEncodingRule.self,
        UnlistedStatusBlockRule.self,
        UnknownAgentRule.self,
        // Mission files
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
        MissionOutsideRepositoryRule.self,
        // Mission records: progress_log.jsonl, state.json, handoffs, syntheses
        FeatureStatusBehindRecordsRule.self,
        MissionCompleteWithOpenFeaturesRule.self,
        StateCountMismatchRule.self,
        FeatureCommitMismatchRule.self,
        // Repository files: services.yaml, skills, validator syntheses
        InvalidServicesFileRule.self,
        UnknownServiceKeyRule.self,
        ServiceWithoutStartRule.self,
        UnknownDependencyRule.self,
        DependencyCycleRule.self,
        DuplicatePortRule.self,
        PortNotInCommandRule.self,
        TrivialHealthcheckRule.self,
        TrivialStartRule.self,
        MissingTestCommandRule.self,
        InvalidSkillFrontMatterRule.self,
        InvalidSynthesisRule.self,
        SynthesisCountMismatchRule.self,
        SynthesisStatusContradictionRule.self,
        SynthesisMilestoneMismatchRule.self,
        SynthesisRoundMismatchRule.self,
        AssertionFailedAndBlockedRule.self,
        // Handoffs
        InvalidHandoffRule.self,
        CommitNotFoundRule.self,
        CommitNotVerifiableRule.self,
        ClaimedFileNotInCommitRule.self,
        MentionedFileNotInCommitRule.self,
        ClaimedTestCaseNotFoundRule.self,
        ClaimedDocBlockNotUpdatedRule.self,
        VerifiesWithoutAssertionRule.self,
        HandoffUnknownFeatureRule.self,
        ClaimedCommandFailedRule.self,
        ProcedureClaimWithoutEvidenceRule.self,
        RerunMismatchRule.self,
        // Suppressions
        UnusedSuppressionRule.self,
        InvalidSuppressionRule.self,
    ]

    /// The rules `check` runs over each mission, in order.
    public static let rules: [any Rule.Type] = all.compactMap { $0 as? any Rule.Type }

    /// Rules over the files all missions share (services.yaml, skills), run once per run.
    public static let repositoryRules: [any RepositoryRule.Type] = all.compactMap { $0 as? any RepositoryRule.Type }

    /// The rules `handoff verify` runs over each handoff, in order (`unknown-assertion` too).
    public static let handoffRules: [any HandoffRule.Type] = all.compactMap { $0 as? any HandoffRule.Type }

    /// Every rule id any command reports, once each.
    public static var allDescriptors: [RuleDescriptor] { all.map { $0.descriptor } }

    public static func descriptor(_ id: String) -> RuleDescriptor? {
        allDescriptors.first { $0.id == id }
    }
}
