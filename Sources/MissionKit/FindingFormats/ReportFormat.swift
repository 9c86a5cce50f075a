/// The output formats every finding-producing command supports.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, line, json, sarif, github, junit

    /// Renders `report`. `color` applies to text only; `context` gives SARIF its fingerprints
    /// and automation id, and JUnit its suite name.
    public func render(
        _ report: DiagnosticsReport, color: Bool = false, context: ReportContext = ReportContext(),
        toolVersion: String = MissionKitVersion.current
    ) -> String {
        TextOutput.collect { write(report, to: $0, color: color, context: context, toolVersion: toolVersion) }
    }

    /// Writes `report` to `out` piece by piece, finding by finding, so a report of many findings
    /// is never held whole (the findings themselves aside).
    public func write(
        _ report: DiagnosticsReport, to out: TextOutput, color: Bool = false, context: ReportContext = ReportContext(),
        toolVersion: String = MissionKitVersion.current
    ) {
        switch self {
        case .text: TextReporter(color: color).write(report, to: out)
        case .line: LineReporter.write(report, to: out)
        case .json: JSONReporter.write(report, to: out)
        case .sarif: SARIFReporter.write(report, to: out, toolVersion: toolVersion, context: context)
        case .github: GitHubReporter.write(report, to: out)
        case .junit: JUnitReporter.write(report, to: out, context: context)
        }
    }
}

/// What a report needs to know about its run beyond the findings.
public struct ReportContext: Sendable {
    /// The repository root, for fingerprints (nil: none computed).
    public var root: String?
    /// The command that produced the report (`check`, `handoff verify`).
    public var command: String

    public init(root: String? = nil, command: String = "check") {
        self.root = root
        self.command = command
    }
}

/// The version reported by `--version` and in SARIF.
public enum MissionKitVersion {
    public static let current = "0.2.0"
    /// Where each rule is explained: `docs/rules.md#<rule-id>` of this version's sources.
    public static let rulesDocumentation = "https://github.com/missionctl/missionctl/blob/v\(current)/docs/rules.md"
}
