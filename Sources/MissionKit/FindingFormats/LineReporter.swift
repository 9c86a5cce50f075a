/// One line per finding, `path:line:col: severity: message [rule]`: the form terminals and
/// editors turn into links (as compilers print), for grep and for quickfix lists.
public enum LineReporter {
    public static func render(_ report: DiagnosticsReport) -> String {
        TextOutput.collect { write(report, to: $0) }
    }

    /// Writes one line per finding as it goes (see `TextReporter.write`).
    public static func write(_ report: DiagnosticsReport, to out: TextOutput) {
        for f in report.sortedFindings {
            out += "\(DisplayText.sanitize(f.file)):\(f.line):\(f.column): \(f.severity.rawValue): "
                + "\(DisplayText.sanitize(f.message)) [\(f.rule)]\n"
        }
    }
}
