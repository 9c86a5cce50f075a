/// Computes status-block edits as line edits, and validates the result with `check`'s rules
/// before anything is written.
public enum StatusBlockEditor {
    /// The outcome of an edit: the edits, the new bytes, and what changed (for messages).
    public struct Result: Sendable {
        public var edits: [LineEdit]
        public var bytes: [UInt8]
        public var changes: [String]
        /// What `fix` left alone, and why: `LINE: reason`, one per block.
        public var skipped: [String] = []
        public var isUnchanged: Bool { edits.isEmpty }
    }

    /// The findings `check` would report on one block (capped as `check` caps them).
    public static func problems(_ block: StatusBlock, file: String) -> [Finding] {
        var found = CappedFindings()
        problems(block, file: file, into: &found)
        return found.finish()
    }

    /// Adds the findings `check` would report on one block to those of its doc.
    public static func problems(_ block: StatusBlock, file: String, into found: inout CappedFindings) {
        MalformedStatusBlockRule.findings(for: block, file: file, into: &found)
        InvalidStatusValueRule.findings(for: block, file: file, into: &found)
        InconsistentStatusBlockRule.findings(for: block, file: file, into: &found)
    }

    /// `status set`: updates the named fields of the single block, or inserts a block.
    public static func set(
        _ update: StatusUpdate, in text: SourceText, file: String, mergeDuplicates: Bool = false,
        defaultAgent: String = "unassigned"
    ) throws(StatusEditError) -> Result {
        let update = try update.validated()
        try refuseUnreadable(text)
        let blocks = StatusBlockScanner.scan(text)
        var edits: [LineEdit] = []
        var changes: [String] = []
        switch blocks.count {
        case 0:
            let values = update.filledForNewBlock(defaultAgent: defaultAgent)
            let (at, lines) = insertion(for: values, in: text)
            edits.append(LineEdit(line: at, removing: 0, inserting: lines))
            changes.append("inserted a Mission status block at line \(at + (lines.first == "" ? 1 : 0))")
        case 1:
            (edits, changes) = fieldEdits(update, block: blocks[0], text: text)
        default:
            guard mergeDuplicates else { throw .multipleBlocks(blocks.map(\.headerLine)) }
            (edits, changes) = mergeEdits(update, blocks: blocks, text: text)
        }
        let bytes = LineEdit.apply(edits, to: text)
        try validate(bytes, file: file)
        if bytes == text.bytes { return Result(edits: [], bytes: bytes, changes: []) }
        return Result(edits: edits, bytes: bytes, changes: changes)
    }

    /// A doc no edit may touch: UTF-16/UTF-32 bytes, or a look-alike header beside the real blocks.
    static func refuseUnreadable(_ text: SourceText) throws(StatusEditError) {
        if let encoding = TextEncoding.unsupported(text.bytes) { throw .unsupportedEncoding(encoding) }
        if let lookalike = LookalikeHeader.find(in: text).first { throw .lookalikeHeader(lookalike) }
    }

    /// `status init`: a block for a doc that has none (nil when it already has one).
    public static func initialBlock(in text: SourceText, file: String, agent: String) throws(StatusEditError) -> Result? {
        try refuseUnreadable(text)
        guard StatusBlockScanner.scan(text).isEmpty else { return nil }
        return try set(StatusUpdate(), in: text, file: file, defaultAgent: agent)
    }

    /// `check --fix`: only repairs that cannot lose information — label spelling and spacing,
    /// the header's spelling, field order, and byte-identical duplicate blocks.
    public static func fix(_ text: SourceText) -> Result {
        do {
            try refuseUnreadable(text)
        } catch {
            return Result(edits: [], bytes: text.bytes, changes: [], skipped: ["1: not fixed: \(error.description)"])
        }
        let blocks = StatusBlockScanner.scan(text)
        var edits: [LineEdit] = []
        // What is said about a doc is capped as its findings are: a doc of 160,000 blocks had a
        // line of 20 MB and a string per block. The rest is counted, and said once.
        let most = CappedFindings.defaultLimit
        var changes: [String] = []
        var skipped: [String] = []
        var moreChanges = 0
        var moreSkipped: (line: Int, count: Int)?
        func change(_ what: @autoclosure () -> String) {
            if changes.count < most { changes.append(what()) } else { moreChanges += 1 }
        }
        func skip(_ line: Int, _ why: @autoclosure () -> String) {
            if skipped.count < most { skipped.append("\(line): " + why()) } else { moreSkipped = (moreSkipped?.line ?? line, (moreSkipped?.count ?? 0) + 1) }
        }
        let repeats = StatusBlock.repeatsEarlier(blocks)
        let starts = Set(blocks.map(\.headerLine))
        for (index, block) in blocks.enumerated() {
            if repeats[index] {
                edits.append(removal(of: block, text: text, starts: starts))
                change("removed the identical duplicate block at line \(block.headerLine)")
                continue
            }
            if index > 0 {
                skip(block.headerLine, "a second block that differs from the first is never merged by --fix; `status set --merge-duplicates` does it")
            }
            // Each line's label and value, spelled canonically where that is unambiguous.
            var fixed: [(field: StatusField, label: StatusFieldLabel, value: String)] = []
            // The first few lines that are no field are named, the rest counted: a block of
            // 800,000 such lines made a message of 30 MB, built three times over.
            var unknown: [String] = []
            var moreUnknown = 0
            for field in block.fields {
                guard field.hasColon, let label = field.resolvedLabel else {
                    if unknown.count < 5 {
                        unknown.append("line \(field.line): `\(field.rawLabel.prefix(40))` is no field")
                    } else {
                        moreUnknown += 1
                    }
                    continue
                }
                fixed.append((field, label, field.correctedValue(for: label) ?? field.value))
            }
            let labels = fixed.map(\.label)
            let complete = unknown.isEmpty && Set(labels).count == labels.count && fixed.allSatisfy { !$0.value.isEmpty }
            let ordered = labels == StatusFieldLabel.allCases.filter(labels.contains)
            let lineChanged = fixed.contains { $0.field.label == nil || !$0.field.isCanonicalSpelling || $0.value != $0.field.value }
            if complete && (!ordered || !block.headerIsCanonical || lineChanged) {
                // Every line is a known field, once: the block can be rewritten in canonical order.
                var lines = [prefix(ofLine: block.headerLine, column: block.headerColumn, text: text) + StatusFieldLabel.header]
                let cont = continuationPrefix(block, text: text)
                for label in StatusFieldLabel.allCases {
                    guard let entry = fixed.first(where: { $0.label == label }) else { continue }
                    lines.append(cont + "\(label.rawValue): \(entry.value)")
                }
                edits.append(LineEdit(line: block.headerLine, removing: block.lastLine - block.headerLine + 1, inserting: lines))
                change(ordered ? "canonical labels and values in the block at line \(block.headerLine)" : "field order, labels and values in the block at line \(block.headerLine)")
                continue
            }
            // Otherwise each fixable line on its own; the rest is left, and said.
            var fixedLines = 0
            if !block.headerIsCanonical {
                edits.append(LineEdit(line: block.headerLine, removing: 1, inserting: [prefix(ofLine: block.headerLine, column: block.headerColumn, text: text) + StatusFieldLabel.header]))
                fixedLines += 1
            }
            for entry in fixed where entry.field.label == nil || !entry.field.isCanonicalSpelling || entry.value != entry.field.value {
                let prefix = prefix(ofLine: entry.field.line, column: entry.field.column, text: text)
                edits.append(LineEdit(line: entry.field.line, removing: 1, inserting: [prefix + "\(entry.label.rawValue): \(entry.value)"]))
                fixedLines += 1
            }
            if fixedLines > 0 { change("\(fixedLines) line(s) of the block at line \(block.headerLine)") }
            if !complete {
                var why = unknown
                if moreUnknown > 0 { why.append("\(moreUnknown) more lines that are no field") }
                let repeated = Dictionary(grouping: labels, by: { $0 }).filter { $0.value.count > 1 }.keys.map(\.rawValue).sorted()
                if !repeated.isEmpty { why.append("repeated \(repeated.joined(separator: ", "))") }
                if fixed.contains(where: { $0.value.isEmpty }) { why.append("a field without a value") }
                skip(block.headerLine, "block not reordered or completed (\(why.joined(separator: "; "))); `status set` fills and rewrites it")
            }
        }
        if moreChanges > 0 { changes.append("\(moreChanges) more changes like these") }
        if let more = moreSkipped { skipped.append("\(more.line): \(more.count) more from here on, like those above") }
        return Result(edits: edits, bytes: LineEdit.apply(edits, to: text), changes: changes, skipped: skipped)
    }

    // MARK: - Edits

    static func fieldEdits(_ update: StatusUpdate, block: StatusBlock, text: SourceText) -> ([LineEdit], [String]) {
        var edits: [LineEdit] = []
        var changes: [String] = []
        var insertAfter = block.headerLine
        let cont = continuationPrefix(block, text: text)
        for label in StatusFieldLabel.allCases {
            let existing = block.field(label)
            if let existing { insertAfter = max(insertAfter, existing.line) }
            guard let value = update[label] else { continue }
            if let existing {
                guard existing.value != value || !existing.isCanonicalSpelling else { continue }
                let prefix = prefix(ofLine: existing.line, column: existing.column, text: text)
                edits.append(LineEdit(line: existing.line, removing: 1, inserting: [prefix + "\(label.rawValue): \(value)"]))
                changes.append("\(label.rawValue): \(existing.value.shortened) → \(value.shortened)")
            } else {
                edits.append(LineEdit(line: insertAfter + 1, removing: 0, inserting: [cont + "\(label.rawValue): \(value)"]))
                changes.append("\(label.rawValue): (added) \(value.shortened)")
            }
        }
        // Several insertions after the same line must keep field order: merge them into one edit.
        return (mergeInsertions(edits), changes)
    }

    static func mergeInsertions(_ edits: [LineEdit]) -> [LineEdit] {
        var result: [LineEdit] = []
        for edit in edits {
            if edit.removing == 0, let i = result.lastIndex(where: { $0.removing == 0 && $0.line == edit.line }) {
                result[i].inserting += edit.inserting
            } else {
                result.append(edit)
            }
        }
        return result
    }

    static func mergeEdits(_ update: StatusUpdate, blocks: [StatusBlock], text: SourceText) -> ([LineEdit], [String]) {
        let first = blocks[0]
        let last = blocks[blocks.count - 1]
        var values = StatusUpdate()
        for label in StatusFieldLabel.allCases {
            values[label] = update[label] ?? last.value(label) ?? blocks.reversed().lazy.compactMap { $0.value(label) }.first
        }
        let header = prefix(ofLine: first.headerLine, column: first.headerColumn, text: text) + StatusFieldLabel.header
        let cont = continuationPrefix(first, text: text)
        let lines = [header] + StatusFieldLabel.allCases.compactMap { label in values[label].map { cont + "\(label.rawValue): \($0)" } }
        var edits = [LineEdit(line: first.headerLine, removing: first.lastLine - first.headerLine + 1, inserting: lines)]
        let starts = Set(blocks.map(\.headerLine))
        for block in blocks.dropFirst() { edits.append(removal(of: block, text: text, starts: starts)) }
        return (edits, ["merged \(blocks.count) blocks into the one at line \(first.headerLine)"])
    }

    /// Removes a block's lines, and the blank line after it when a blank line precedes it, so no
    /// double gap is left.
    /// `starts`: the header lines of the doc's blocks.
    static func removal(of block: StatusBlock, text: SourceText, starts: Set<Int>) -> LineEdit {
        var count = block.lastLine - block.headerLine + 1
        let before = block.headerLine - 1
        let after = block.lastLine + 1
        if before >= 1, after <= text.lineCount, text.isBlank(line: before), text.isBlank(line: after),
            !starts.contains(after + 1)
        {
            count += 1
        }
        return LineEdit(line: block.headerLine, removing: count, inserting: [])
    }

    /// Where a new block goes (right under the first heading, else the top) and its lines,
    /// with blank lines that keep it a separate block quote.
    static func insertion(for values: StatusUpdate, in text: SourceText) -> (Int, [String]) {
        var block = [StatusFieldLabel.header]
        for label in StatusFieldLabel.allCases { block.append("\(label.rawValue): \(values[label] ?? "")") }
        block = block.map { "> " + $0 }
        let empty = text.isEmptyFile
        let headingEnd: Int? = text.bytes.withUnsafeBytes { raw in
            let doc = MarkdownDocument(bytes: raw)
            return doc.document.children.first { $0.kind == .heading }.map(\.endLine)
        }
        if let headingEnd, !empty {
            let next = headingEnd + 1
            var lines = [""] + block
            if next <= text.lineCount, !text.isBlank(line: next) { lines.append("") }
            return (next, lines)
        }
        var lines = block
        if !empty, !text.isBlank(line: 1) { lines.append("") }
        return (1, lines)
    }

    // MARK: - Helpers

    /// Re-scans the edited bytes and applies `check`'s block rules to every block.
    static func validate(_ bytes: [UInt8], file: String) throws(StatusEditError) {
        let blocks = StatusBlockScanner.scan(SourceText(bytes: bytes))
        let findings = blocks.flatMap { problems($0, file: file) }
        if !findings.isEmpty { throw .invalidResult(findings) }
    }

    /// The bytes of a line before the content column (`> `, `  > `, or `` for a lazy line).
    static func prefix(ofLine line: Int, column: Int, text: SourceText) -> String {
        let range = text.lineRange(line)
        let end = min(range.upperBound, range.lowerBound + column - 1)
        return String(decoding: text.bytes[range.lowerBound..<end], as: UTF8.self)
    }

    /// The prefix for added lines: the header's, with list markers turned into spaces.
    static func continuationPrefix(_ block: StatusBlock, text: SourceText) -> String {
        let header = prefix(ofLine: block.headerLine, column: block.headerColumn, text: text)
        let mapped = header.map { $0 == ">" || $0 == " " || $0 == "\t" ? $0 : " " }
        let result = String(mapped)
        return result.contains(">") ? result : "> "
    }
}

extension String {
    /// A value cut for one-line messages.
    var shortened: String { count > 40 ? String(prefix(37)) + "…" : (isEmpty ? "(empty)" : self) }
}
