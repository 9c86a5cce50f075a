import MissionSystem

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=<rule>::<message>`.
///
/// GitHub shows at most 10 error and 10 warning annotations per step; the rest are listed as
/// plain `path:line:col` lines (still clickable in the log) after a line that says so, and
/// `$GITHUB_STEP_SUMMARY` gets every finding as a Markdown table, its text made literal by
/// `MarkdownText` as in `report --format markdown`.
public enum GitHubReporter {
    /// Annotations GitHub displays per severity and step.
    public static let annotationLimit = 10

    public static func render(_ report: DiagnosticsReport) -> String {
        TextOutput.collect { write(report, to: $0) }
    }

    /// Writes the commands line by line: the annotations, then the findings beyond them.
    public static func write(_ report: DiagnosticsReport, to out: TextOutput) {
        let findings = report.sortedFindings
        var shown: [Severity: Int] = [:]
        var rest = 0
        for f in findings {
            guard shown[f.severity, default: 0] < annotationLimit else {
                rest += 1
                continue
            }
            shown[f.severity, default: 0] += 1
            // An annotation on a file GitHub cannot name would land on another file or none: such
            // a finding is annotated without a file, its location leading the message.
            if let file = fileProperty(f.file) {
                let properties = "file=\(file),line=\(f.line),col=\(f.column),title=\(property(f.rule))"
                out += "::\(f.severity.rawValue) \(properties)::\(data(f.message + " — " + f.hint))\n"
            } else {
                out += "::\(f.severity.rawValue) title=\(property(f.rule))::\(data("\(f.file):\(f.line):\(f.column): \(f.message) — \(f.hint)"))\n"
            }
        }
        if rest > 0 {
            out += "::notice::\(data("\(rest) more finding(s) beyond the \(annotationLimit) errors and \(annotationLimit) warnings GitHub annotates per step; they follow, and the job summary lists them all."))\n"
            shown = [:]
            for f in findings {
                // The same findings the first pass passed over: those past their severity's limit.
                guard shown[f.severity, default: 0] >= annotationLimit else {
                    shown[f.severity, default: 0] += 1
                    continue
                }
                out += DisplayText.sanitize("\(f.file):\(f.line):\(f.column): \(f.severity.rawValue): \(f.message) [\(f.rule)]") + "\n"
            }
        }
        for note in report.notes { out += "::notice::\(data(note))\n" }
        out += "\(report.errors) error(s), \(report.warnings) warning(s)" + (report.docs > 0 ? " in \(report.docs) doc(s)" : "") + "\n"
    }

    /// The job summary: counts, then every finding as a table row.
    public static func summary(_ report: DiagnosticsReport, context: ReportContext) -> String {
        TextOutput.collect { writeSummary(report, context: context, to: $0) }
    }

    static func writeSummary(_ report: DiagnosticsReport, context: ReportContext, to out: TextOutput) {
        out += "### missionctl \(context.command)\n\n"
        out += "\(report.errors) error(s), \(report.warnings) warning(s)" + (report.docs > 0 ? " in \(report.docs) doc(s)" : "") + "\n\n"
        let findings = report.sortedFindings
        if !findings.isEmpty {
            out += "| severity | location | rule | message |\n|---|---|---|---|\n"
            for f in findings {
                out += "| \(f.severity.rawValue) | `\(MarkdownText.code(f.file)):\(f.line):\(f.column)` | `\(MarkdownText.code(f.rule))` | \(MarkdownText.cell(f.message)) |\n"
            }
            out += "\n"
        }
        for note in report.notes { out += "> \(MarkdownText.cell(note))\n" }
    }

    /// Appends `summary` to the file `$GITHUB_STEP_SUMMARY` names; a failure is a warning on
    /// standard error, never a lost report.
    public static func appendSummary(_ report: DiagnosticsReport, context: ReportContext, to path: String) {
        let out = TextOutput { chunk throws(MissionError) in try FileSystem.append(Array(chunk.utf8), to: path) }
        writeSummary(report, context: context, to: out)
        do {
            try out.finish()
        } catch {
            _ = FileSystem.write(Array("missionctl: cannot write the job summary: \(error.message)\n".utf8), to: STDERR_FILENO)
        }
    }

    /// Escaped on Unicode scalars: Swift reads "\r\n" as one Character, so replacing "\r" and
    /// "\n" as Characters misses it and lets a value start a forged `::error` line. `%`, CR and LF
    /// are percent-encoded as the runner decodes them; every other control character is made visible.
    static func data(_ s: String) -> String { encode(s, property: false, exact: false)! }

    static func property(_ s: String) -> String { encode(s, property: true, exact: false)! }

    /// `file` as the runner decodes a property back to it, or nil when no annotation can name it:
    /// a path outside the checkout (absolute, home), a control character other than CR and LF,
    /// or a byte that is not UTF-8.
    public static func fileProperty(_ file: String) -> String? {
        guard !file.hasPrefix("/"), !file.hasPrefix("~/"), !file.isEmpty else { return nil }
        return encode(file, property: true, exact: true)
    }

    /// `s` percent-encoded as the runner decodes it (`%`, CR, LF; in a property `:` and `,` too).
    /// Any other scalar that cannot be shown as itself is made visible, or, when the text must
    /// read back `exact`ly (a file to annotate), makes the answer nil.
    static func encode(_ s: String, property: Bool, exact: Bool) -> String? {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default:
                if exact {
                    if DisplayText.isUnsafe(scalar) || FileName.escapedByte(scalar) != nil { return nil }
                    out.unicodeScalars.append(scalar)
                } else if let escaped = DisplayText.escape(scalar) {
                    out += escaped
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
