/// The JSON report: a contract with CI scripts, so its shape never changes incompatibly.
///
/// `{"findings":[{"rule","severity","file","line","column","message","hint"}],
///   "summary":{"errors","warnings","docs"},"notes":[…]}`
public enum JSONReporter {
    public static func render(_ report: DiagnosticsReport) -> String {
        value(report).rendered(pretty: true) + "\n"
    }

    public static func value(_ report: DiagnosticsReport) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("findings", .array(report.sortedFindings.map(value))),
            ("summary", .object([("errors", .int(report.errors)), ("warnings", .int(report.warnings)), ("docs", .int(report.docs))])),
            ("notes", .array(report.notes.map(JSONValue.string))),
        ]
        var keys: [String] = []
        for detail in report.details where !keys.contains(detail.key) { keys.append(detail.key) }
        for key in keys {
            pairs.append((key, .array(report.details.filter { $0.key == key }.map(\.value))))
        }
        return .object(pairs)
    }

    public static func value(_ f: Finding) -> JSONValue {
        .object([
            ("rule", .string(f.rule)), ("severity", .string(f.severity.rawValue)), ("file", .string(f.file)),
            ("line", .int(f.line)), ("column", .int(f.column)), ("message", .string(f.message)), ("hint", .string(f.hint)),
        ])
    }
}
