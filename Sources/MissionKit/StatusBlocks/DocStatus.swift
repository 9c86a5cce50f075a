/// One row of `status show`: a doc, its block's values, and what `check` says about it.
public struct DocStatus: Sendable {
    public var path: String
    public var blocks: [StatusBlock]
    public var findings: [Finding]

    /// The values shown: the last block's, which `status set --merge-duplicates` keeps.
    public var block: StatusBlock? { blocks.last }

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
        for extra in scanned.blocks.dropFirst() {
            findings.append(
                DuplicateStatusBlockRule.descriptor.finding(
                    path, extra.location, message: "another block at line \(extra.headerLine); the values shown are the last block's",
                    hint: "`missionctl status set \(path) --merge-duplicates` keeps one, with the last block's values."))
        }
        for block in scanned.blocks { findings += StatusBlockEditor.problems(block, file: path) }
        findings.sort(by: Finding.reportOrder)  // in place: a doc of 40,000 bad blocks has 160,000 findings
        return DocStatus(path: path, blocks: scanned.blocks, findings: findings)
    }

    /// The JSON object `status show --format json` prints for this doc.
    public var json: JSONValue {
        func value(_ label: StatusFieldLabel) -> JSONValue { block?.value(label).map(JSONValue.string) ?? .null }
        return .object([
            ("doc", .string(path)),
            ("blocks", .int(blocks.count)),
            ("agent", value(.agent)),
            ("status", value(.status)),
            ("differences", value(.differences)),
            ("todo", value(.todo)),
            ("fullyImplemented", value(.fullyImplemented)),
            ("lines", block.map { .object([("start", .int($0.headerLine)), ("end", .int($0.lastLine))]) } ?? .null),
            ("findings", .array(findings.map(JSONReporter.value))),
        ])
    }
}
