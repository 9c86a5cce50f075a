/// SARIF 2.1.0, as GitHub code scanning loads it.
public enum SARIFReporter {
    public static func render(_ report: DiagnosticsReport, toolVersion: String) -> String {
        let descriptors = RuleRegistry.allDescriptors + extraDescriptors(report)
        let index = Dictionary(descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rules: [JSONValue] = descriptors.map { d in
            .object([
                ("id", .string(d.id)), ("name", .string(d.id)),
                ("shortDescription", .object([("text", .string(d.summary))])),
                ("defaultConfiguration", .object([("level", .string(d.severity.rawValue))])),
            ])
        }
        let results: [JSONValue] = report.sortedFindings.map { f in
            .object([
                ("ruleId", .string(f.rule)), ("ruleIndex", .int(index[f.rule] ?? 0)), ("level", .string(f.severity.rawValue)),
                ("message", .object([("text", .string(f.message + " Hint: " + f.hint))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([
                                    ("artifactLocation", .object([("uri", .string(f.file)), ("uriBaseId", .string("%SRCROOT%"))])),
                                    ("region", .object([("startLine", .int(f.line)), ("startColumn", .int(f.column))])),
                                ])
                            )
                        ])
                    ])
                ),
            ])
        }
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
                                ("driver", .object([("name", .string("missionctl")), ("version", .string(toolVersion)), ("rules", .array(rules))]))
                            ])
                        ),
                        ("results", .array(results)),
                    ])
                ])
            ),
        ])
        return sarif.rendered(pretty: true) + "\n"
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
