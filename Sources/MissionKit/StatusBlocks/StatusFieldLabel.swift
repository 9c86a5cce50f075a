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

    /// `init(lenient:)` on a label's UTF-8 bytes, without making a string of a label spelled exactly.
    init?(lenientUTF8 raw: UnsafeBufferPointer<UInt8>) {
        for (label, spelling) in StatusFieldLabel.spellings where raw.elementsEqual(spelling) {
            self = label
            return
        }
        guard let match = StatusFieldLabel.normalizedLabels[StatusFieldLabel.normalize(utf8: raw)] else { return nil }
        self = match
    }

    /// Each label with its bytes (`allCases` makes a new array at each call).
    static let spellings: [(StatusFieldLabel, [UInt8])] = allCases.map { ($0, Array($0.rawValue.utf8)) }

    private static let normalizedLabels: [String: StatusFieldLabel] = Dictionary(
        uniqueKeysWithValues: allCases.map { (normalize($0.rawValue), $0) })

    /// Lower-cased ASCII letters and digits only: `Current Code-Differences` → `currentcodedifferences`.
    static func normalize(_ s: String) -> String { normalize(utf8: s.utf8) }

    static func normalize(utf8: some Collection<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for b in utf8 {
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
    static func isHeader(_ content: Substring) -> Bool { isHeader(utf8: content.utf8) }

    /// `isHeader` on a line's UTF-8 bytes (a header is told by its bytes alone: no character
    /// outside ASCII is equivalent to one of "Mission status"). Letters are compared as they come,
    /// with nothing allocated: every line of every block is asked.
    static func isHeader(utf8 content: some Collection<UInt8>) -> Bool {
        let expected = headerLetters
        var count = 0  // letters so far, a pending space among them
        var pendingSpace = false  // a space follows the last letter; dropped if nothing comes after
        for b in content {
            if count > expected.count { return false }
            var letter = b
            switch b {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "#"), UInt8(ascii: "\t"), UInt8(ascii: ":"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letter = b + 32
            case UInt8(ascii: " "):
                if count > 0 && !pendingSpace {
                    pendingSpace = true
                    count += 1
                }
                continue
            default: break
            }
            if pendingSpace {
                guard expected[count - 1] == UInt8(ascii: " ") else { return false }
                pendingSpace = false
            }
            guard count < expected.count, expected[count] == letter else { return false }
            count += 1
        }
        return count - (pendingSpace ? 1 : 0) == expected.count
    }

    /// "mission status": what a header's letters read, lower-cased, single-spaced.
    private static let headerLetters = Array("mission status".utf8)
}

/// Allowed values of the `Status` field.
public enum WorkStatus: String, CaseIterable, Sendable, Codable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case partial
    case complete
}
