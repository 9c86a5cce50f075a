/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=<rule>::<message>`.
public enum GitHubReporter {
    public static func render(_ report: DiagnosticsReport) -> String {
        var out = ""
        for f in report.sortedFindings {
            let properties = "file=\(property(f.file)),line=\(f.line),col=\(f.column),title=\(property(f.rule))"
            out += "::\(f.severity.rawValue) \(properties)::\(data(f.message + " — " + f.hint))\n"
        }
        for note in report.notes { out += "::notice::\(data(note))\n" }
        out += "\(report.errors) error(s), \(report.warnings) warning(s) in \(report.docs) doc(s)\n"
        return out
    }

    static func data(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func property(_ s: String) -> String {
        data(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
