import MissionJSON

/// Known findings recorded once (`--write-baseline FILE`), so that later runs (`--baseline FILE`)
/// report only new ones, as SwiftLint's and ruff's baselines do. Entries are matched by
/// fingerprint (see `Fingerprinter`), each entry absorbing one finding.
public struct Baseline: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var rule: String
        public var file: String
        public var fingerprint: String
        public var message: String
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The baseline of `report`'s findings.
    public static func of(_ report: DiagnosticsReport, root: String) -> Baseline {
        Baseline(entries: Array(entries(of: report, root: root)))
    }

    /// The entries of `report`'s findings, each fingerprinted as it is taken.
    static func entries(of report: DiagnosticsReport, root: String) -> some Sequence<Entry> {
        var fingerprinter = Fingerprinter(root: root)
        return report.sortedFindings.lazy.map { Entry(rule: $0.rule, file: $0.file, fingerprint: fingerprinter.next($0), message: $0.message) }
    }

    /// The file's JSON: sorted, one entry per finding, with the message for people reading diffs.
    public var json: String {
        TextOutput.collect { Self.write(entries, to: $0) }
    }

    /// Writes the baseline of `report`'s findings entry by entry, each fingerprinted as it is
    /// written: the entries of 160,000 findings are never held, as entries or as one document.
    public static func write(_ report: DiagnosticsReport, root: String, to out: TextOutput) {
        write(entries(of: report, root: root), to: out)
    }

    static func write(_ entries: some Sequence<Entry>, to out: TextOutput) {
        var json = JSONStreamWriter(to: out)
        json.beginObject()
        json.value(.int(1), key: "version")
        json.value(.string("missionctl"), key: "tool")
        json.beginArray(key: "findings")
        for e in entries {
            json.value(.object([("rule", .string(e.rule)), ("file", .string(e.file)), ("fingerprint", .string(e.fingerprint)), ("message", .string(e.message))]))
        }
        json.finish()
        out += "\n"
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(MissionError) -> Baseline {
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: bytes)
        } catch {
            throw MissionError("\(file):\(error.location.line):\(error.location.column): not a missionctl baseline: \(error.message)")
        }
        let shape = "expected {\"version\": 1, \"findings\": […]}, as --write-baseline writes"
        guard let root = JSONObject(document.root) else {
            throw MissionError("\(file):1:1: not a missionctl baseline (\(shape))")
        }
        guard root["version"]?.integer == 1 else {
            let at = document.location(root["version"] == nil ? "$" : "$.version")
            throw MissionError(
                "\(file):\(at.line):\(at.column): not a missionctl baseline: `version` must be the number 1 (\(shape))")
        }
        guard let items = root.array("findings") else {
            let at = document.location(root["findings"] == nil ? "$" : "$.findings")
            throw MissionError("\(file):\(at.line):\(at.column): not a missionctl baseline: `findings` must be an array (\(shape))")
        }
        var entries: [Entry] = []
        for (i, item) in items.enumerated() {
            guard let o = JSONObject(item), let rule = o["rule"]?.string, let file = o["file"]?.string,
                let print = o["fingerprint"]?.string
            else {
                let at = document.location("$.findings[\(i)]")
                throw MissionError("\(file):\(at.line):\(at.column): baseline entry \(i + 1) needs `rule`, `file` and `fingerprint` strings")
            }
            entries.append(Entry(rule: rule, file: file, fingerprint: print, message: o["message"]?.string ?? ""))
        }
        return Baseline(entries: entries)
    }

    /// `report` without the findings this baseline knows; a note says how many were hidden.
    public func filter(_ report: DiagnosticsReport, root: String, file: String) -> DiagnosticsReport {
        var remaining: [String: Int] = [:]
        for e in entries { remaining[e.fingerprint, default: 0] += 1 }
        let findings = report.sortedFindings
        var fingerprinter = Fingerprinter(root: root)
        let prints = fingerprinter.fingerprints(findings)
        var result = report
        result.findings = []
        var known = 0
        for (f, p) in zip(findings, prints) {
            if let n = remaining[p], n > 0 {
                remaining[p] = n - 1
                known += 1
            } else {
                result.findings.append(f)
            }
        }
        if known > 0 { result.notes.append("\(known) known finding(s) not reported: they are in the baseline \(file)") }
        let gone = remaining.values.reduce(0, +)
        if gone > 0 { result.notes.append("\(gone) baseline entry(ies) no longer occur; --write-baseline \(file) drops them") }
        return result
    }
}
