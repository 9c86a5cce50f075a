import MissionSystem

/// JUnit XML as CI systems read it, valid against the common JUnit schema (Jenkins' junit-10.xsd
/// shape): `testsuites` carries tests, failures, errors and time (never `skipped`); each
/// `testsuite` carries tests, failures, errors, skipped and time; a `testcase` holds at most a
/// `skipped`, `failure`s, `error`s and `system-out`, never `properties`.
public struct JUnitXML {
    public struct Case {
        public enum Outcome {
            case passed
            case failed(type: String, message: String, detail: String)
            case error(type: String, message: String, detail: String)
            case skipped(message: String)
        }

        public var name: String
        public var classname: String
        public var seconds: Double
        public var outcome: Outcome
        public var output: String?

        public init(name: String, classname: String, seconds: Double = 0, outcome: Outcome, output: String? = nil) {
            self.name = name
            self.classname = classname
            self.seconds = seconds
            self.outcome = outcome
            self.output = output
        }
    }

    public struct Suite {
        public var name: String
        public var cases: [Case]
        public var hostname: String?

        public init(name: String, cases: [Case], hostname: String? = nil) {
            self.name = name
            self.cases = cases
            self.hostname = hostname
        }
    }

    public var name: String
    public var suites: [Suite]

    public init(name: String, suites: [Suite]) {
        self.name = name
        self.suites = suites
    }

    /// Counts a suite's (or the whole document's) element carries.
    public struct Totals {
        public var tests = 0, failures = 0, errors = 0, skipped = 0
        public var seconds = 0.0

        public init(tests: Int = 0, failures: Int = 0, errors: Int = 0, skipped: Int = 0, seconds: Double = 0) {
            (self.tests, self.failures, self.errors, self.skipped, self.seconds) = (tests, failures, errors, skipped, seconds)
        }

        public init<S: Sequence<Case>>(_ cases: S) {
            for c in cases {
                tests += 1
                seconds += c.seconds
                switch c.outcome {
                case .passed: break
                case .failed: failures += 1
                case .error: errors += 1
                case .skipped: skipped += 1
                }
            }
        }
    }

    public var rendered: String { TextOutput.collect { write(to: $0) } }

    public func write(to out: TextOutput) {
        Self.writeStart(name: name, totals: Totals(suites.lazy.flatMap(\.cases)), to: out)
        for suite in suites {
            Self.writeSuiteStart(name: suite.name, totals: Totals(suite.cases), hostname: suite.hostname, to: out)
            for tc in suite.cases { Self.write(tc, to: out) }
            out += Self.suiteEnd
        }
        out += Self.end
    }

    /// The document's start: the declaration and the `testsuites` element.
    public static func writeStart(name: String, totals: Totals, to out: TextOutput) {
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(escape(name, attribute: true))\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" time=\"\(totals.seconds.fixed(3))\">\n"
    }

    /// A `testsuite` element's start; its cases follow, then `suiteEnd`.
    public static func writeSuiteStart(name: String, totals: Totals, hostname: String?, to out: TextOutput) {
        var line = "  <testsuite name=\"\(escape(name, attribute: true))\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\" time=\"\(totals.seconds.fixed(3))\""
        if let hostname { line += " hostname=\"\(escape(hostname, attribute: true))\"" }
        out += line + ">\n"
    }

    public static let suiteEnd = "  </testsuite>\n"
    public static let end = "</testsuites>\n"

    public static func write(_ tc: Case, to out: TextOutput) {
        var text = "    <testcase name=\"\(escape(tc.name, attribute: true))\" classname=\"\(escape(tc.classname, attribute: true))\" time=\"\(tc.seconds.fixed(3))\""
        var body = ""
        switch tc.outcome {
        case .passed: break
        case .failed(let type, let message, let detail):
            body += "      <failure type=\"\(escape(type, attribute: true))\" message=\"\(escape(message, attribute: true))\">\(escape(detail))</failure>\n"
        case .error(let type, let message, let detail):
            body += "      <error type=\"\(escape(type, attribute: true))\" message=\"\(escape(message, attribute: true))\">\(escape(detail))</error>\n"
        case .skipped(let message):
            body += "      <skipped message=\"\(escape(message, attribute: true))\"/>\n"
        }
        if let output = tc.output { body += "      <system-out>\(escape(output))</system-out>\n" }
        text += body.isEmpty ? "/>\n" : ">\n" + body + "    </testcase>\n"
        out += text
    }

    /// Text for an XML element (or, with `attribute`, an attribute value): markup escaped. In an
    /// attribute CR, LF and TAB are character references, since XML readers turn literal ones into
    /// spaces. Other control characters, U+FFFE and U+FFFF (which XML 1.0 forbids) and bidi
    /// controls are shown as `\u{…}` and a backslash as `\\`, as every other format shows them, never dropped.
    /// `visible: false` leaves other scalars as they are, for text already made visible (the report page's).
    public static func escape(_ s: String, attribute: Bool = false, visible: Bool = true) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\r": out += attribute ? "&#13;" : "\r"
            default:
                if visible, let escaped = DisplayText.escape(c) { out += escaped } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}

/// `--format junit` for findings: one test suite per file with findings, one failing test case
/// per error (and per warning: CI systems have no warning state, and the run's own exit code
/// still decides whether warnings fail it). A clean run is one passing case, so CI shows it ran.
public enum JUnitReporter {
    public static func render(_ report: DiagnosticsReport, context: ReportContext = ReportContext()) -> String {
        TextOutput.collect { write(report, to: $0, context: context) }
    }

    /// Writes the document case by case: one file's suite of many findings is never held whole.
    public static func write(_ report: DiagnosticsReport, to out: TextOutput, context: ReportContext = ReportContext()) {
        let name = "missionctl \(context.command)"
        let findings = report.sortedFindings
        guard !findings.isEmpty else {
            let note = report.notes.isEmpty ? nil : report.notes.joined(separator: "\n")
            let clean = JUnitXML.Case(name: "no findings", classname: "missionctl", outcome: .passed, output: note)
            JUnitXML(name: name, suites: [JUnitXML.Suite(name: name, cases: [clean])]).write(to: out)
            return
        }
        // Every finding is a failing case, so the counts are known before the cases are made.
        JUnitXML.writeStart(name: name, totals: JUnitXML.Totals(tests: findings.count, failures: findings.count), to: out)
        var start = findings.startIndex
        while start < findings.endIndex {
            let file = findings[start].file
            let end = findings[start...].firstIndex { $0.file != file } ?? findings.endIndex
            JUnitXML.writeSuiteStart(name: file, totals: JUnitXML.Totals(tests: end - start, failures: end - start), hostname: nil, to: out)
            for f in findings[start..<end] {
                let detail = "\(f.file):\(f.line):\(f.column): \(f.message)\nhint: \(f.hint)"
                JUnitXML.write(JUnitXML.Case(name: "\(f.rule) at \(f.line):\(f.column)", classname: f.file, outcome: .failed(type: f.severity.rawValue, message: f.message, detail: detail)), to: out)
            }
            out += JUnitXML.suiteEnd
            start = end
        }
        out += JUnitXML.end
    }
}
