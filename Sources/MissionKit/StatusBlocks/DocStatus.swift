/// One row of `status show`: a doc, its block's values, and what `check` says about it.
public struct DocStatus: Sendable {
    public var path: String
    /// How many blocks the doc has.
    public var blockCount: Int
    /// The values shown: the last block's, which `status set --merge-duplicates` keeps.
    public var block: StatusBlock?
    public var findings: [Finding]

    /// Whether a finding is an error, which makes `status show` exit 1.
    public var hasError: Bool { findings.contains { $0.severity == .error } }

    /// Reads `path` (repo-relative) and applies the block rules.
    public static func read(repoRoot: String, path: String) -> DocStatus {
        let scanned = ScannedDoc.scan(repoRoot: repoRoot, path: path)
        var findings: [Finding] = []
        if let error = scanned.readError {
            findings.append(MissingStatusBlockRule.descriptor.finding(path, message: error, hint: "Make the file readable."))
        } else if scanned.blocks.isEmpty {
            findings.append(
                MissingStatusBlockRule.descriptor.finding(
                    path, message: "no Mission status block", hint: "`missionctl status set \(path) --agent NAME` adds one."))
        }
        // Block by block, so the findings usually arrive in report order and need no sort; capped
        // per rule as `check` caps them.
        var capped = CappedFindings()
        capped.append(contentsOf: findings)
        for (index, block) in scanned.blocks.enumerated() {
            if index > 0 {
                capped.add(
                    DuplicateStatusBlockRule.descriptor, file: path, at: block.location,
                    message: "another block at line \(block.headerLine); the values shown are the last block's",
                    hint: "`missionctl status set \(path) --merge-duplicates` keeps one, with the last block's values.")
            }
            StatusBlockEditor.problems(block, file: path, into: &capped)
        }
        findings = capped.finish()
        Finding.sortInReportOrder(&findings)
        return DocStatus(path: path, blockCount: scanned.blocks.count, block: scanned.blocks.last, findings: findings)
    }

    /// Writes the JSON object `status show --format json` prints for this doc, finding by finding.
    public func write(to json: inout JSONStreamWriter) {
        func value(_ label: StatusFieldLabel) -> JSONValue { block?.value(label).map(JSONValue.string) ?? .null }
        json.beginObject()
        json.value(.string(path), key: "doc")
        json.value(.int(blockCount), key: "blocks")
        json.value(value(.agent), key: "agent")
        json.value(value(.status), key: "status")
        json.value(value(.differences), key: "differences")
        json.value(value(.todo), key: "todo")
        json.value(value(.fullyImplemented), key: "fullyImplemented")
        json.value(block.map { .object([("start", .int($0.headerLine)), ("end", .int($0.lastLine))]) } ?? .null, key: "lines")
        json.beginArray(key: "findings")
        for f in findings { json.value(JSONReporter.value(f)) }
        json.end()
        json.end()
    }
}
