/// The one place that turns results into a process exit code.
public enum ExitStatus: Int32, Sendable {
    /// No errors (warnings allowed unless strict).
    case clean = 0
    /// Errors, or warnings under `--strict`.
    case findings = 1
    /// Usage, configuration or internal error.
    case failure = 2

    public init(report: DiagnosticsReport, strict: Bool) {
        if report.errors > 0 || (strict && report.warnings > 0) {
            self = .findings
        } else {
            self = .clean
        }
    }
}
