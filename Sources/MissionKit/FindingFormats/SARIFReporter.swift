/// SARIF 2.1.0, as GitHub code scanning loads it.
///
/// Each rule carries its documentation (`helpUri`, `help`, `fullDescription`); each result its
/// baseline fingerprint (`partialFingerprints`, so code scanning tracks it across edits that move
/// it) and the hint as a sentence of its own. `%SRCROOT%` is used only for files inside the
/// repository; a file outside it is a `file://` URI.
public enum SARIFReporter {
    public static let fingerprintKey = "missionctlFingerprint/v1"

    public static func render(_ report: DiagnosticsReport, toolVersion: String, context: ReportContext = ReportContext()) -> String {
        let descriptors = RuleRegistry.allDescriptors + extraDescriptors(report)
        let index = Dictionary(descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rules: [JSONValue] = descriptors.map { d in
            let help = "\(d.summary) See \(MissionKitVersion.rulesDocumentation)#\(d.id)"
            return .object([
                ("id", .string(d.id)), ("name", .string(d.id)),
                ("shortDescription", .object([("text", .string(d.summary))])),
                ("fullDescription", .object([("text", .string(d.summary))])),
                ("helpUri", .string("\(MissionKitVersion.rulesDocumentation)#\(d.id)")),
                ("help", .object([("text", .string(help)), ("markdown", .string("\(d.summary) [Documentation](\(MissionKitVersion.rulesDocumentation)#\(d.id))"))])),
                ("defaultConfiguration", .object([("level", .string(d.severity.rawValue))])),
            ])
        }
        let findings = report.sortedFindings
        var fingerprinter = context.root.map(Fingerprinter.init(root:))
        let prints = fingerprinter?.fingerprints(findings)
        let results: [JSONValue] = findings.enumerated().map { i, f in
            let artifact: JSONValue =
                f.file.hasPrefix("/")
                ? .object([("uri", .string("file://" + FileName.uriPath(f.file)))])
                : .object([("uri", .string(FileName.uriPath(f.file))), ("uriBaseId", .string("%SRCROOT%"))])
            var pairs: [(String, JSONValue)] = [
                ("ruleId", .string(f.rule)), ("ruleIndex", .int(index[f.rule] ?? 0)), ("level", .string(f.severity.rawValue)),
                ("message", .object([("text", .string(DisplayText.sanitize(sentence(f.message) + " " + sentence(f.hint))))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([
                                    ("artifactLocation", artifact),
                                    ("region", .object([("startLine", .int(f.line)), ("startColumn", .int(f.column))])),
                                ])
                            )
                        ])
                    ])
                ),
            ]
            if let prints { pairs.append(("partialFingerprints", .object([(fingerprintKey, .string(prints[i]))]))) }
            return .object(pairs)
        }
        let automationID = "missionctl/" + context.command.replacingAll(" ", "-") + "/"
        let sarif: JSONValue = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            (
                "runs",
                .array([
                    .object([
                        (
                            "tool",
                            .object([
                                (
                                    "driver",
                                    .object([
                                        ("name", .string("missionctl")), ("version", .string(toolVersion)),
                                        ("informationUri", .string(MissionKitVersion.rulesDocumentation)), ("rules", .array(rules)),
                                    ])
                                )
                            ])
                        ),
                        ("automationDetails", .object([("id", .string(automationID))])),
                        ("results", .array(results)),
                    ])
                ])
            ),
        ])
        return sarif.rendered(pretty: true) + "\n"
    }

    /// `text` ending in sentence punctuation.
    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".!?".contains(last) ? text : text + "."
    }

    /// Rule ids from other commands (handoff verify, …) that are not in the check registry.
    static func extraDescriptors(_ report: DiagnosticsReport) -> [RuleDescriptor] {
        let known = Set(RuleRegistry.allDescriptors.map(\.id))
        var seen: Set<String> = []
        return report.findings.compactMap { f in
            guard !known.contains(f.rule), seen.insert(f.rule).inserted else { return nil }
            return RuleDescriptor(id: f.rule, severity: f.severity, summary: f.rule)
        }
    }
}
