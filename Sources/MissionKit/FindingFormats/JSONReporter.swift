/// The JSON report: a contract with CI scripts, so its shape never changes incompatibly. Its text
/// is shown as every format shows it (`DisplayText`): a script that prints a message prints no
/// control character, and a file name that is not UTF-8 reads `caf\xE9.md`.
///
/// `{"findings":[{"rule","severity","file","line","column","message","hint"}],
///   "summary":{"errors","warnings","docs"},"notes":[…]}`
public enum JSONReporter {
    public static func render(_ report: DiagnosticsReport) -> String {
        TextOutput.collect { write(report, to: $0) }
    }

    /// Writes the report finding by finding; the text is `value(report)` rendered, with a final newline.
    public static func write(_ report: DiagnosticsReport, to out: TextOutput) {
        var json = JSONStreamWriter(to: out)
        write(report, into: &json)
        json.finish()
        out += "\n"
    }

    /// Writes `value(report)` finding by finding into an enclosing document (as its member `key`).
    public static func write(_ report: DiagnosticsReport, into json: inout JSONStreamWriter, key: String? = nil) {
        json.beginObject(key: key)
        json.beginArray(key: "findings")
        for f in report.sortedFindings { json.value(value(f)) }
        json.end()
        for (key, member) in members(report) { json.value(member, key: key) }
        json.end()
    }

    /// The report as one value, to embed in another document.
    public static func value(_ report: DiagnosticsReport) -> JSONValue {
        .object([("findings", .array(report.sortedFindings.map(value)))] + members(report))
    }

    /// Every member after `findings`: the summary, the notes, then each detail key's values.
    static func members(_ report: DiagnosticsReport) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [
            ("summary", .object([("errors", .int(report.errors)), ("warnings", .int(report.warnings)), ("docs", .int(report.docs))])),
            ("notes", .array(report.notes.map { .string(DisplayText.sanitize($0)) })),
        ]
        var keys: [String] = []
        for detail in report.details where !keys.contains(detail.key) { keys.append(detail.key) }
        for key in keys {
            pairs.append((key, .array(report.details.filter { $0.key == key }.map(\.value))))
        }
        return pairs
    }

    public static func value(_ f: Finding) -> JSONValue {
        .object([
            ("rule", .string(f.rule)), ("severity", .string(f.severity.rawValue)), ("file", .string(DisplayText.sanitize(f.file))),
            ("line", .int(f.line)), ("column", .int(f.column)), ("message", .string(DisplayText.sanitize(f.message))),
            ("hint", .string(DisplayText.sanitize(f.hint))),
        ])
    }
}
