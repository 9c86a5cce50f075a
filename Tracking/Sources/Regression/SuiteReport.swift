import Foundation
import MissionJSON
import MissionKit

/// Renders suite results as text, JSON or JUnit XML.
public enum SuiteReport {
    public enum Format: String, CaseIterable, Sendable { case text, json, junit }

    public static func render(_ results: [RegressionSuite.Result], format: Format, target: String) -> String {
        switch format {
        case .text: text(results, target: target)
        case .json: json(results, target: target)
        case .junit: junit(results, target: target)
        }
    }

    public static func line(_ r: RegressionSuite.Result) -> String {
        let mark = r.outcome == .passed ? "✔" : r.outcome == .failed ? "✘" : "–"
        return "\(mark) \(r.id.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%6.0f ms", r.seconds * 1000))  \(r.title)"
    }

    static func counts(_ results: [RegressionSuite.Result]) -> (Int, Int, Int) {
        (results.count { $0.outcome == .passed }, results.count { $0.outcome == .failed }, results.count { $0.outcome == .skipped })
    }

    static func text(_ results: [RegressionSuite.Result], target: String) -> String {
        var out = results.map(line).joined(separator: "\n") + "\n"
        for r in results where r.outcome != .passed {
            out += "\n\(r.id) \(r.outcome.rawValue): \(r.message ?? "")\n"
        }
        let (p, f, s) = counts(results)
        let total = results.reduce(0) { $0 + $1.seconds }
        out += "\n\(p) passed, \(f) failed" + (s > 0 ? ", \(s) skipped" : "") + "\n"
        out += "against \(target) in \(String(format: "%.2f", total)) s\n"
        return out
    }

    static func json(_ results: [RegressionSuite.Result], target: String) -> String {
        let (p, f, s) = counts(results)
        let value: JSONValue = .object([
            ("target", .string(target)),
            (
                "results",
                .array(
                    results.map { r in
                        .object([
                            ("id", .string(r.id)), ("title", .string(r.title)), ("status", .string(r.outcome.rawValue)),
                            ("seconds", .double((r.seconds * 1000).rounded() / 1000)), ("message", r.message.map(JSONValue.string) ?? .null),
                        ])
                    })
            ),
            ("summary", .object([("passed", .int(p)), ("failed", .int(f)), ("skipped", .int(s))])),
        ])
        return value.rendered(pretty: true) + "\n"
    }

    /// JUnit XML (see `JUnitXML`): one suite, one case per scenario, named by id and title.
    static func junit(_ results: [RegressionSuite.Result], target: String) -> String {
        let cases = results.map { r in
            JUnitXML.Case(
                name: "\(r.id) \(r.title)", classname: "tracking", seconds: r.seconds,
                outcome: {
                    switch r.outcome {
                    case .failed:
                        let first = r.message?.split(separator: "\n").first.map(String.init) ?? "failed"
                        return .failed(type: "assertion", message: first, detail: r.message ?? "")
                    case .skipped: return .skipped(message: r.message ?? "")
                    case .passed: return .passed
                    }
                }())
        }
        return JUnitXML(name: "missionctl regress", suites: [JUnitXML.Suite(name: "tracking", cases: cases, hostname: target)]).rendered
    }

    /// The report when the server could not be reached: one case in error that says so, so a CI
    /// system reading the file shows the cause instead of a missing report.
    public static func unreachable(_ message: String, format: Format, target: String) -> String? {
        switch format {
        case .junit:
            let c = JUnitXML.Case(name: "server reachable", classname: "tracking", outcome: .error(type: "unreachable", message: message, detail: message))
            return JUnitXML(name: "missionctl regress", suites: [JUnitXML.Suite(name: "tracking", cases: [c], hostname: target)]).rendered
        case .json:
            return JSONValue.object([("target", .string(target)), ("error", .string(message)), ("results", .array([]))]).rendered(pretty: true) + "\n"
        case .text:
            return nil
        }
    }
}
