/// SARIF 2.1.0, as GitHub code scanning loads it.
///
/// Each rule carries its documentation (`helpUri`, `help`, `fullDescription`); each result its
/// baseline fingerprint (`partialFingerprints`, so code scanning tracks it across edits that move
/// it) and the hint as a sentence of its own. `%SRCROOT%` is used only for files inside the
/// repository; a file outside it is a `file://` URI.
public enum SARIFReporter {
    public static let fingerprintKey = "missionctlFingerprint/v1"

    public static func render(_ report: DiagnosticsReport, toolVersion: String, context: ReportContext = ReportContext()) -> String {
        TextOutput.collect { write(report, to: $0, toolVersion: toolVersion, context: context) }
    }

    /// Writes the log result by result, so a report of many findings is never held whole.
    public static func write(_ report: DiagnosticsReport, to out: TextOutput, toolVersion: String, context: ReportContext = ReportContext()) {
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
        var fingerprinter = context.root.map(Fingerprinter.init(root:))
        let automationID = "missionctl/" + context.command.replacingAll(" ", "-") + "/"
        var json = JSONStreamWriter(to: out)
        json.beginObject()
        json.value(.string("https://json.schemastore.org/sarif-2.1.0.json"), key: "$schema")
        json.value(.string("2.1.0"), key: "version")
        json.beginArray(key: "runs")
        json.beginObject()
        let driver: JSONValue = .object([
            ("name", .string("missionctl")), ("version", .string(toolVersion)),
            ("informationUri", .string(MissionKitVersion.rulesDocumentation)), ("rules", .array(rules)),
        ])
        json.value(.object([("driver", driver)]), key: "tool")
        json.value(.object([("id", .string(automationID))]), key: "automationDetails")
        json.beginArray(key: "results")
        for f in report.sortedFindings {
            json.value(result(f, ruleIndex: index[f.rule] ?? 0, fingerprint: fingerprinter?.next(f)))
        }
        json.finish()
        out += "\n"
    }

    static func result(_ f: Finding, ruleIndex: Int, fingerprint: String?) -> JSONValue {
        let artifact: JSONValue =
            f.file.hasPrefix("/")
            ? .object([("uri", .string("file://" + FileName.uriPath(f.file)))])
            : .object([("uri", .string(FileName.uriPath(f.file))), ("uriBaseId", .string("%SRCROOT%"))])
        let region: JSONValue = .object([("startLine", .int(f.line)), ("startColumn", .int(f.column))])
        var pairs: [(String, JSONValue)] = [
            ("ruleId", .string(f.rule)), ("ruleIndex", .int(ruleIndex)), ("level", .string(f.severity.rawValue)),
            ("message", .object([("text", .string(DisplayText.sanitize(sentence(f.message) + " " + sentence(f.hint))))])),
            ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact), ("region", region)]))])])),
        ]
        if let fingerprint { pairs.append(("partialFingerprints", .object([(fingerprintKey, .string(fingerprint))]))) }
        return .object(pairs)
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
