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
        if let exact = StatusFieldLabel(rawValue: raw) {
            self = exact
            return
        }
        guard let match = StatusFieldLabel.normalizedLabels[StatusFieldLabel.normalize(raw)] else { return nil }
        self = match
    }

    private static let normalizedLabels: [String: StatusFieldLabel] = Dictionary(
        uniqueKeysWithValues: allCases.map { (normalize($0.rawValue), $0) })

    /// Lower-cased ASCII letters and digits only: `Current Code-Differences` → `currentcodedifferences`.
    static func normalize(_ s: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(b + 32)
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: "\t"):
                continue
            default: bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a stripped block-quote line is the `Mission status` header (leniently: any case,
    /// emphasis or heading markers, a trailing colon).
    static func isHeader(_ content: Substring) -> Bool {
        if content == "Mission status" { return true }
        var letters: [UInt8] = []
        for b in content.utf8 {
            if letters.count > 14 { return false }
            switch b {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "#"), UInt8(ascii: "\t"): continue
            case UInt8(ascii: ":"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letters.append(b + 32)
            case UInt8(ascii: " "):
                if letters.isEmpty || letters.last == UInt8(ascii: " ") { continue }
                letters.append(b)
            default: letters.append(b)
            }
        }
        if letters.last == UInt8(ascii: " ") { letters.removeLast() }
        return letters.elementsEqual("mission status".utf8)
    }
}

/// Allowed values of the `Status` field.
public enum WorkStatus: String, CaseIterable, Sendable, Codable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case partial
    case complete
}
