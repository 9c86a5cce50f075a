/// The identity of a rule: its stable id, default severity and a one-line summary.
///
/// Rule ids are a contract with users (CI configurations and SARIF baselines refer to them);
/// never rename one.
public struct RuleDescriptor: Sendable, Hashable {
    public let id: String
    public let severity: Severity
    public let summary: String

    public init(id: String, severity: Severity, summary: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
    }

    /// Builds a finding of this rule.
    public func finding(
        _ file: String, _ location: SourceLocation = .start, message: String, hint: String
    ) -> Finding {
        Finding(
            rule: id, severity: severity, file: file, line: location.line, column: location.column,
            message: message, hint: hint)
    }
}
