import Foundation
import MissionJSON

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

    static func junit(_ results: [RegressionSuite.Result], target: String) -> String {
        let (_, f, s) = counts(results)
        let total = results.reduce(0) { $0 + $1.seconds }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"missionctl regress\" tests=\"\(results.count)\" failures=\"\(f)\" skipped=\"\(s)\" time=\"\(String(format: "%.3f", total))\">\n"
        out += "  <testsuite name=\"tracking\" tests=\"\(results.count)\" failures=\"\(f)\" skipped=\"\(s)\" time=\"\(String(format: "%.3f", total))\" hostname=\"\(xml(target))\">\n"
        for r in results {
            out += "    <testcase classname=\"tracking\" name=\"\(xml(r.id))\" time=\"\(String(format: "%.3f", r.seconds))\">\n"
            out += "      <properties><property name=\"title\" value=\"\(xml(r.title))\"/></properties>\n"
            switch r.outcome {
            case .failed:
                let first = r.message?.split(separator: "\n").first.map(String.init) ?? "failed"
                out += "      <failure message=\"\(xml(first))\" type=\"assertion\">\(xml(r.message ?? ""))</failure>\n"
            case .skipped:
                out += "      <skipped message=\"\(xml(r.message ?? ""))\"/>\n"
            case .passed:
                break
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    static func xml(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(c)
            case _ where c.value < 0x20: continue  // not allowed in XML 1.0
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
