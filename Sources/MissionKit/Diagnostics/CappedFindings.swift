/// The findings of one file with at most `limit` of each rule: the others are counted, and one
/// more finding per rule says how many there are. A doc of 400,000 unknown fields or 40,000
/// repeated blocks is one mistake repeated; its findings were held at 15 times its size (past any
/// memory bound the input sets) and read by no one.
public struct CappedFindings: Sendable {
    /// Findings of one rule kept per file.
    public static let defaultLimit = 1_000

    public let limit: Int
    private var kept: [Finding] = []
    private var keptPerRule: [String: Int] = [:]
    /// Per rule over the limit: where the first finding not kept was, and how many were not kept.
    private var over: [String: (first: Finding, count: Int)] = [:]

    public init(limit: Int = defaultLimit) {
        self.limit = limit
    }

    /// Whether another finding of `rule` would be kept (when not, `skip` counts it unmade).
    public func accepts(_ rule: RuleDescriptor) -> Bool {
        keptPerRule[rule.id, default: 0] < limit
    }

    public mutating func append(_ finding: Finding) {
        if keptPerRule[finding.rule, default: 0] < limit {
            keptPerRule[finding.rule, default: 0] += 1
            kept.append(finding)
        } else {
            over[finding.rule, default: (finding, 0)].count += 1
        }
    }

    public mutating func append(contentsOf findings: [Finding]) {
        for finding in findings { append(finding) }
    }

    /// Adds a finding of `rule`, made only when it is kept (past the cap it is counted): for rules
    /// that can find one per line.
    public mutating func add(
        _ rule: RuleDescriptor, file: String, at location: SourceLocation, message: @autoclosure () -> String,
        hint: @autoclosure () -> String
    ) {
        guard accepts(rule) else { return skip(rule, file: file, at: location) }
        append(rule.finding(file, location, message: message(), hint: hint()))
    }

    /// Counts a finding of `rule` at `location` that is not made, because `accepts` said no.
    public mutating func skip(_ rule: RuleDescriptor, file: String, at location: SourceLocation) {
        over[rule.id, default: (rule.finding(file, location, message: "", hint: ""), 0)].count += 1
    }

    /// The findings kept, in the order they came, then one per rule over the limit.
    public func finish() -> [Finding] {
        guard !over.isEmpty else { return kept }
        var all = kept
        for (rule, (first, count)) in over.sorted(by: { $0.key < $1.key }) {
            all.append(
                Finding(
                    rule: rule, severity: first.severity, file: first.file, line: first.line, column: first.column,
                    message: "\(count) more `\(rule)` findings in this file, from here on, are not shown (the first \(limit) are)",
                    hint: "Fix the ones shown and run again: so many in one file are usually one mistake repeated."))
        }
        return all
    }

    /// `findings` with at most `limit` of each rule (the list itself when it is no longer).
    public static func capping(_ findings: [Finding], limit: Int = defaultLimit) -> [Finding] {
        guard findings.count > limit else { return findings }
        var capped = CappedFindings(limit: limit)
        capped.append(contentsOf: findings)
        return capped.finish()
    }
}
