/// The output formats every finding-producing command supports.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, line, json, sarif, github

    /// Renders `report`. `color` applies to text only.
    public func render(_ report: DiagnosticsReport, color: Bool = false, toolVersion: String = MissionKitVersion.current) -> String {
        switch self {
        case .text: TextReporter(color: color).render(report)
        case .line: LineReporter.render(report)
        case .json: JSONReporter.render(report)
        case .sarif: SARIFReporter.render(report, toolVersion: toolVersion)
        case .github: GitHubReporter.render(report)
        }
    }
}

/// The version reported by `--version` and in SARIF.
public enum MissionKitVersion {
    public static let current = "0.2.0"
}
