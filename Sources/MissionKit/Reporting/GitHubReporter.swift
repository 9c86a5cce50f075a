/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=<rule>::<message>`.
public enum GitHubReporter {
    public static func render(_ report: DiagnosticsReport) -> String {
        var out = ""
        for f in report.sortedFindings {
            let properties = "file=\(property(f.file)),line=\(f.line),col=\(f.column),title=\(property(f.rule))"
            out += "::\(f.severity.rawValue) \(properties)::\(data(f.message + " — " + f.hint))\n"
        }
        for note in report.notes { out += "::notice::\(data(note))\n" }
        out += "\(report.errors) error(s), \(report.warnings) warning(s)" + (report.docs > 0 ? " in \(report.docs) doc(s)" : "") + "\n"
        return out
    }

    /// Escaped on Unicode scalars: Swift reads "\r\n" as one Character, so replacing "\r" and
    /// "\n" as Characters misses it and lets a value start a forged `::error` line. `%`, CR and LF
    /// are percent-encoded as the runner decodes them; every other control character is made visible.
    static func data(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                if DisplayText.isUnsafe(scalar) {
                    out += DisplayText.sanitize(String(scalar))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func property(_ s: String) -> String {
        var out = ""
        for scalar in data(s).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
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
