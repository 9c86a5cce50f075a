/// The six-line block's field labels, in their canonical order and spelling.
public enum StatusFieldLabel: String, CaseIterable, Sendable, Codable {
    case agent = "Agent"
    case status = "Status"
    case differences = "Current code differences"
    case todo = "Todo"
    case fullyImplemented = "Fully implemented"

    /// The header line that opens every block.
    public static let header = "Mission status"

    /// Recognises a label regardless of case, spacing, hyphens or Markdown emphasis.
    public init?(lenient raw: String) {
        let key = StatusFieldLabel.normalize(raw)
        guard let match = StatusFieldLabel.allCases.first(where: { StatusFieldLabel.normalize($0.rawValue) == key })
        else { return nil }
        self = match
    }

    static func normalize(_ s: String) -> String {
        s.lowercased()
            .filter { !"*_`-".contains($0) }
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
            .joined()
    }

    /// Whether a stripped block-quote line is the `Mission status` header (leniently).
    static func isHeader(_ content: Substring) -> Bool {
        var s = content.filter { !"*_#".contains($0) }
        s = s.trimmingCharacters(in: " \t")
        if s.hasSuffix(":") { s.removeLast() }
        return s.trimmingCharacters(in: " \t").lowercased() == "mission status"
    }
}

/// Allowed values of the `Status` field.
public enum WorkStatus: String, CaseIterable, Sendable, Codable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case partial
    case complete
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
