/// Everything one run produced: findings, notes about what was not checked, and counts.
public struct DiagnosticsReport: Sendable, Hashable {
    public var findings: [Finding]
    /// Plain statements such as "status blocks are not in use in this mission".
    public var notes: [String]
    /// How many closed-set docs were examined.
    public var docs: Int
    /// Command-specific information shown before the findings: lines for text output, and a
    /// keyed value added to the JSON object (e.g. the files a handoff matched).
    public var details: [ReportDetail] = []

    public init(findings: [Finding] = [], notes: [String] = [], docs: Int = 0) {
        self.findings = findings
        self.notes = notes
        self.docs = docs
    }

    public var errors: Int { findings.count { $0.severity == .error } }
    public var warnings: Int { findings.count { $0.severity == .warning } }

    /// Appends another report (used by `--all-missions`).
    public mutating func merge(_ other: DiagnosticsReport) {
        findings.append(adopting: other.findings)
        notes += other.notes
        docs += other.docs
        details += other.details
    }

    /// Findings in a stable order; when they already are (`sortFindings()`), the same storage,
    /// not a copy: 160,000 findings of one pathological doc were copied by every reporter.
    public var sortedFindings: [Finding] {
        Finding.areInReportOrder(findings) ? findings : findings.sorted(by: Finding.reportOrder)
    }

    /// Puts the findings in report order, in place.
    public mutating func sortFindings() { Finding.sortInReportOrder(&findings) }
}

/// Extra information a command attaches to its report.
public struct ReportDetail: Sendable, Hashable {
    /// The JSON key (details with the same key are collected into one array).
    public var key: String
    public var value: JSONValue
    /// What text output prints for it.
    public var lines: [String]

    public init(key: String, value: JSONValue, lines: [String]) {
        self.key = key
        self.value = value
        self.lines = lines
    }
}
