/// One problem found in a mission or repository: a value, never printed by the library itself.
public struct Finding: Sendable, Hashable, Codable {
    /// The stable rule id, e.g. `duplicate-status-block`.
    public var rule: String
    public var severity: Severity
    /// Path relative to the repository root (absolute when the file lies outside it).
    public var file: String
    /// 1-based line; 1 for findings about a whole file.
    public var line: Int
    /// 1-based column (in bytes, as editors and cmark count them).
    public var column: Int
    public var message: String
    /// What to do about it.
    public var hint: String

    public init(
        rule: String, severity: Severity, file: String, line: Int = 1, column: Int = 1,
        message: String, hint: String
    ) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
        self.message = TextInterner.shared.intern(message)
        self.hint = TextInterner.shared.intern(hint)
    }
}

extension Finding {
    /// Orders findings by file, then position, then rule id, so reports are stable across runs.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        return a.rule < b.rule
    }

    public static func areInReportOrder(_ findings: [Finding]) -> Bool {
        zip(findings, findings.dropFirst()).allSatisfy { !reportOrder($1, $0) }
    }

    /// Sorts `findings` into report order unless they already are: a sort allocates scratch
    /// space of half the array even when there is nothing to move.
    public static func sortInReportOrder(_ findings: inout [Finding]) {
        if !areInReportOrder(findings) { findings.sort(by: reportOrder) }
    }
}

extension [Finding] {
    /// Appends `more`; into an empty array by taking `more`'s storage, not copying it (the
    /// first rule of a doc of 100,000 bad lines held its findings twice).
    public mutating func append(adopting more: [Finding]) {
        if isEmpty { self = more } else { self += more }
    }
}
