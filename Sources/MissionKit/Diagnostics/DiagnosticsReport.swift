/// Everything one run produced: findings, notes about what was not checked, and counts.
public struct DiagnosticsReport: Sendable, Hashable {
    public var findings: [Finding]
    /// Plain statements such as "status blocks are not in use in this mission".
    public var notes: [String]
    /// How many closed-set docs were examined.
    public var docs: Int

    public init(findings: [Finding] = [], notes: [String] = [], docs: Int = 0) {
        self.findings = findings
        self.notes = notes
        self.docs = docs
    }

    public var errors: Int { findings.count { $0.severity == .error } }
    public var warnings: Int { findings.count { $0.severity == .warning } }

    /// Appends another report (used by `--all-missions`).
    public mutating func merge(_ other: DiagnosticsReport) {
        findings += other.findings
        notes += other.notes
        docs += other.docs
    }

    /// Findings in a stable order.
    public var sortedFindings: [Finding] { findings.sorted(by: Finding.reportOrder) }
}
