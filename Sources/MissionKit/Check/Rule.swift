/// What every rule is: an id with its severity and summary, and examples of text that should and
/// should not report it. The three kinds of check below refine it; a rule that is only found
/// while files load (`invalid-handoff`, `commit-not-found`) is a definition alone.
public protocol RuleDefinition: Sendable {
    static var descriptor: RuleDescriptor { get }
    /// Inputs that must report this rule, and inputs that must not (run by one generic test).
    static var examples: [RuleExample] { get }
    /// The command that reports it.
    static var command: RuleCommand { get }
}

/// The command whose findings carry a rule.
public enum RuleCommand: String, Sendable {
    case check
    case handoffVerify = "handoff verify"
}

extension RuleDefinition {
    public static var examples: [RuleExample] { [] }
    public static var command: RuleCommand { .check }
    var descriptor: RuleDescriptor { Self.descriptor }
}

/// A check over a loaded mission. One rule per file: its descriptor (id, severity, summary),
/// its messages and its check live together.
public protocol Rule: RuleDefinition {
    /// Status-block rules only run when the mission uses status blocks.
    static var isStatusBlockRule: Bool { get }
    init()
    func check(_ context: CheckContext) -> [Finding]
}

extension Rule {
    public static var isStatusBlockRule: Bool { false }
}

/// A status-block rule that looks at each closed-set doc on its own.
public protocol StatusBlockRule: Rule {
    func check(_ doc: ScannedDoc, in context: CheckContext) -> [Finding]
    /// The doc's findings with at most `CappedFindings.defaultLimit` of the rule, and a count of
    /// the rest: what `check` reports.
    func cappedCheck(_ doc: ScannedDoc, in context: CheckContext) -> [Finding]
}

extension StatusBlockRule {
    public static var isStatusBlockRule: Bool { true }

    public func cappedCheck(_ doc: ScannedDoc, in context: CheckContext) -> [Finding] {
        CappedFindings.capping(check(doc, in: context))
    }

    public func check(_ context: CheckContext) -> [Finding] {
        var found: [Finding] = []
        for doc in context.listedDocs { found.append(adopting: cappedCheck(doc, in: context)) }
        return found
    }
}

/// A status-block rule that judges each block by itself (also run by `status set` before it writes).
public protocol BlockContentRule: StatusBlockRule {
    /// Adds the block's findings to `found`; a rule that can find one per line asks
    /// `found.accepts` before it makes each.
    static func findings(for block: StatusBlock, file: String, into found: inout CappedFindings)
}

extension BlockContentRule {
    /// Every finding of the block, uncapped.
    public static func findings(for block: StatusBlock, file: String) -> [Finding] {
        var found = CappedFindings(limit: .max)
        findings(for: block, file: file, into: &found)
        return found.finish()
    }

    public func check(_ doc: ScannedDoc, in context: CheckContext) -> [Finding] {
        Self.findings(of: doc, limit: .max)
    }

    /// Capped while the findings are made: one block can have a finding per line.
    public func cappedCheck(_ doc: ScannedDoc, in context: CheckContext) -> [Finding] {
        Self.findings(of: doc, limit: CappedFindings.defaultLimit)
    }

    private static func findings(of doc: ScannedDoc, limit: Int) -> [Finding] {
        var found = CappedFindings(limit: limit)
        for block in doc.blocks { findings(for: block, file: doc.path, into: &found) }
        return found.finish()
    }
}

/// A check over the repository files that all missions share; it runs once per run.
public protocol RepositoryRule: RuleDefinition {
    init()
    func check(_ repository: RepositoryFiles) -> [Finding]
}

/// A check over a handoff and its commit.
public protocol HandoffRule: RuleDefinition {
    init()
    func check(_ context: HandoffContext) -> [Finding]
}

extension HandoffRule {
    public static var command: RuleCommand { .handoffVerify }
}
