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

    public var rendered: String {
        func count(_ cases: [Case], _ pick: (Case.Outcome) -> Bool) -> Int { cases.count { pick($0.outcome) } }
        func isFailure(_ o: Case.Outcome) -> Bool { if case .failed = o { true } else { false } }
        func isError(_ o: Case.Outcome) -> Bool { if case .error = o { true } else { false } }
        func isSkipped(_ o: Case.Outcome) -> Bool { if case .skipped = o { true } else { false } }
        func time(_ s: Double) -> String { s.fixed(3) }
        let all = suites.flatMap(\.cases)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(Self.escape(name, attribute: true))\" tests=\"\(all.count)\" failures=\"\(count(all, isFailure))\" errors=\"\(count(all, isError))\" time=\"\(time(all.reduce(0) { $0 + $1.seconds }))\">\n"
        for suite in suites {
            let c = suite.cases
            out += "  <testsuite name=\"\(Self.escape(suite.name, attribute: true))\" tests=\"\(c.count)\" failures=\"\(count(c, isFailure))\" errors=\"\(count(c, isError))\" skipped=\"\(count(c, isSkipped))\" time=\"\(time(c.reduce(0) { $0 + $1.seconds }))\""
            if let host = suite.hostname { out += " hostname=\"\(Self.escape(host, attribute: true))\"" }
            out += ">\n"
            for tc in c {
                out += "    <testcase name=\"\(Self.escape(tc.name, attribute: true))\" classname=\"\(Self.escape(tc.classname, attribute: true))\" time=\"\(time(tc.seconds))\""
                var body = ""
                switch tc.outcome {
                case .passed: break
                case .failed(let type, let message, let detail):
                    body += "      <failure type=\"\(Self.escape(type, attribute: true))\" message=\"\(Self.escape(message, attribute: true))\">\(Self.escape(detail))</failure>\n"
                case .error(let type, let message, let detail):
                    body += "      <error type=\"\(Self.escape(type, attribute: true))\" message=\"\(Self.escape(message, attribute: true))\">\(Self.escape(detail))</error>\n"
                case .skipped(let message):
                    body += "      <skipped message=\"\(Self.escape(message, attribute: true))\"/>\n"
                }
                if let output = tc.output { body += "      <system-out>\(Self.escape(output))</system-out>\n" }
                out += body.isEmpty ? "/>\n" : ">\n" + body + "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
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
        let findings = report.sortedFindings
        var suites: [JUnitXML.Suite] = []
        for f in findings {
            let testCase = JUnitXML.Case(
                name: "\(f.rule) at \(f.line):\(f.column)", classname: f.file,
                outcome: .failed(type: f.severity.rawValue, message: f.message, detail: "\(f.file):\(f.line):\(f.column): \(f.message)\nhint: \(f.hint)"))
            if suites.last?.name == f.file {
                suites[suites.count - 1].cases.append(testCase)
            } else {
                suites.append(JUnitXML.Suite(name: f.file, cases: [testCase]))
            }
        }
        if suites.isEmpty {
            let note = report.notes.isEmpty ? nil : report.notes.joined(separator: "\n")
            suites = [JUnitXML.Suite(name: "missionctl \(context.command)", cases: [JUnitXML.Case(name: "no findings", classname: "missionctl", outcome: .passed, output: note)])]
        }
        return JUnitXML(name: "missionctl \(context.command)", suites: suites).rendered
    }
}
