/// Human output, grouped by file; colour only when asked (a terminal without NO_COLOR).
public struct TextReporter: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    private func paint(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    public func render(_ report: DiagnosticsReport) -> String {
        TextOutput.collect { write(report, to: $0) }
    }

    /// Writes the report piece by piece: a report of many findings is several times its input,
    /// and is never held whole.
    public func write(_ report: DiagnosticsReport, to out: TextOutput) {
        for detail in report.details {
            for line in detail.lines { out += DisplayText.sanitize(line) + "\n" }
        }
        if report.details.contains(where: { !$0.lines.isEmpty }) { out += "\n" }
        var currentFile: String?
        for f in report.sortedFindings {
            if f.file != currentFile {
                if currentFile != nil { out += "\n" }
                out += paint(DisplayText.sanitize(f.file), "1") + "\n"
                currentFile = f.file
            }
            let severity = f.severity == .error ? paint("error  ", "31") : paint("warning", "33")
            let position = "\(f.line):\(f.column)".padding(toLength: 8)
            out += "  \(position) \(severity)  \(DisplayText.sanitize(f.message))  \(paint("[\(f.rule)]", "2"))\n"
            out += "  \(String(repeating: " ", count: 8))          \(paint("hint: " + DisplayText.sanitize(f.hint), "2"))\n"
        }
        if !report.findings.isEmpty { out += "\n" }
        for note in report.notes { out += paint("note: ", "36") + DisplayText.sanitize(note) + "\n" }
        var summary = "\(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s")"
        if report.docs > 0 { summary += " in \(report.docs) doc\(report.docs == 1 ? "" : "s")" }
        out += (report.errors > 0 ? paint(summary, "1;31") : paint(summary, "1;32")) + "\n"
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
