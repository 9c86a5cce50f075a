/// In-file suppressions of Markdown findings, as HTML comments (only real comments count: the
/// same text in a code block is documentation):
///
///     <!-- missionctl-disable-next-line duplicate-status-block -->
///     <!-- missionctl-disable unknown-agent --> … <!-- missionctl-enable unknown-agent -->
///     <!-- missionctl-disable-file listed-doc-not-found -->
///
/// Rule ids are required (no blanket off). A suppression that suppresses nothing is itself a
/// finding (`unused-suppression`), as ruff does for `noqa`; one that names no or unknown rules is
/// `invalid-suppression`.
public struct Suppressions: Sendable {
    public struct Directive: Sendable {
        public enum Kind: String, Sendable {
            case nextLine = "disable-next-line"
            case disable
            case enable
            case file = "disable-file"
        }

        public var kind: Kind
        public var rules: [String]
        public var location: SourceLocation
        /// For `disable`: the last line it covers (up to the matching `enable`, else the end).
        public var endLine: Int = .max
    }

    public var directives: [Directive]
    /// Comments that start like a directive but cannot be one (no rule, unknown kind).
    public var invalid: [(message: String, location: SourceLocation)]

    public static var unusedDescriptor: RuleDescriptor { UnusedSuppressionRule.descriptor }
    public static var invalidDescriptor: RuleDescriptor { InvalidSuppressionRule.descriptor }

    /// Whether `bytes` can hold a directive: `missionctl-` after an HTML comment's opening. A doc
    /// without `<` is passed in one memchr (memmem for the words went through every doc).
    public static func mayBeIn(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var from = 0
            while let at = SourceText.firstOffset(of: UInt8(ascii: "<"), in: raw, from: from) {
                if raw[at...].starts(with: "<!--".utf8) {
                    return SourceText.containsExactly(UnsafeRawBufferPointer(rebasing: raw[(at + 4)...]), "missionctl-")
                }
                from = at + 1
            }
            return false
        }
    }

    /// Reads the directives of a Markdown text (nothing is parsed unless it may hold one: `mayBeIn`).
    public static func parse(_ text: SourceText, knownRules: Set<String>) -> Suppressions {
        var result = Suppressions(directives: [], invalid: [])
        guard mayBeIn(text.bytes) else { return result }
        text.bytes.withUnsafeBytes { raw in
            let doc = MarkdownDocument(bytes: raw)
            doc.document.forEachDescendant { node in
                guard node.kind == .htmlBlock || node.kind == .htmlInline, let literal = node.literal else { return true }
                var line = node.startLine
                for piece in literal.split(separator: "\n", omittingEmptySubsequences: false) {
                    result.read(String(piece), line: line, column: line == node.startLine ? node.startColumn : 1, known: knownRules)
                    line += 1
                }
                return true
            }
        }
        // A `disable` lasts until the next `enable` of the same rule.
        for (i, d) in result.directives.enumerated() where d.kind == .disable {
            let end = result.directives[(i + 1)...].first { $0.kind == .enable && !Set($0.rules).isDisjoint(with: d.rules) }
            result.directives[i].endLine = end?.location.line ?? .max
        }
        return result
    }

    private mutating func read(_ text: String, line: Int, column: Int, known: Set<String>) {
        var rest = Substring(text)
        while let open = rest.firstRange(of: "<!--") {
            guard let close = rest[open.upperBound...].firstRange(of: "-->") else { return }
            let body = String(rest[open.upperBound..<close.lowerBound]).trimming(" \t")
            rest = rest[close.upperBound...]
            guard body.hasPrefix("missionctl-") else { continue }
            let at = SourceLocation(line: line, column: column)
            let directive: Substring = body.dropFirst(11)  // "missionctl-"
            let words: [String] = directive.split(whereSeparator: Self.isSeparator).map { String($0) }
            guard let first = words.first, let kind = Directive.Kind(rawValue: first) else {
                invalid.append(("`<!-- \(body) -->` is no directive; use disable-next-line, disable, enable or disable-file", at))
                continue
            }
            let rules = Array(words.dropFirst())
            if rules.isEmpty {
                invalid.append(("`missionctl-\(kind.rawValue)` names no rule; rule ids are required (no blanket off)", at))
                continue
            }
            for unknown in rules where !known.contains(unknown) {
                invalid.append(("unknown rule `\(unknown)`" + NameSuggestion.phrase(for: unknown, in: known), at))
            }
            let valid = rules.filter(known.contains)
            if !valid.isEmpty { directives.append(Directive(kind: kind, rules: valid, location: at)) }
        }
    }

    static func isSeparator(_ c: Character) -> Bool { c == " " || c == "," || c == "\t" }

    /// Which directive (by index) suppresses a finding of `rule` at `line`, if any.
    func suppressor(of rule: String, at line: Int) -> Int? {
        directives.indices.first { i in
            let d = directives[i]
            guard d.rules.contains(rule) else { return false }
            switch d.kind {
            case .file: return true
            case .nextLine: return line == d.location.line + 1
            case .disable: return line > d.location.line && line < d.endLine
            case .enable: return false
            }
        }
    }

    /// Removes suppressed findings and adds the suppression findings. `files` are the Markdown
    /// files that mention `missionctl-` (known from the scan, which read every file once): only
    /// those can hold a directive, so no other file is read again.
    public static func apply(to findings: [Finding], in files: [String], repoRoot: String, knownRules: Set<String>) -> [Finding] {
        guard !files.isEmpty else { return findings }
        var byFile: [String: Suppressions] = [:]
        for file in files {
            guard let bytes = try? FileSystem.readBytes(repoRoot + "/" + file) else { continue }
            let parsed = parse(SourceText(bytes: bytes), knownRules: knownRules)
            if !parsed.directives.isEmpty || !parsed.invalid.isEmpty { byFile[file] = parsed }
        }
        guard !byFile.isEmpty else { return findings }
        var used: [String: Set<Int>] = [:]
        var kept: [Finding] = []
        for finding in findings {
            if let s = byFile[finding.file], let i = s.suppressor(of: finding.rule, at: finding.line) {
                used[finding.file, default: []].insert(i)
            } else {
                kept.append(finding)
            }
        }
        for (file, s) in byFile {
            for (i, d) in s.directives.enumerated() where d.kind != .enable && !(used[file]?.contains(i) ?? false) {
                kept.append(
                    unusedDescriptor.finding(
                        file, d.location, message: "`missionctl-\(d.kind.rawValue) \(d.rules.joined(separator: " "))` suppresses no finding",
                        hint: "Remove the comment: the problem it silenced is gone."))
            }
            for problem in s.invalid {
                kept.append(invalidDescriptor.finding(file, problem.location, message: problem.message, hint: "Write `<!-- missionctl-disable-next-line RULE-ID -->` (`missionctl rules` lists the ids)."))
            }
        }
        return kept
    }
}
