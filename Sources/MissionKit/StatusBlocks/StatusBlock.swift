/// One active `> Mission status` block found in a Markdown document.
public struct StatusBlock: Sendable, Hashable {
    /// The header line (`Mission status`).
    public var headerLine: Int
    public var headerColumn: Int
    /// Whether the header is spelled exactly `Mission status`.
    public var headerIsCanonical: Bool
    /// The lines inside the block after the header, blank lines excluded.
    public var fields: [StatusField]
    /// The last source line belonging to the block.
    public var lastLine: Int
    /// The text before the header's content on its line (`> `, or `- > ` in a list), reused on edit.
    public var linePrefix: String

    public var location: SourceLocation { SourceLocation(line: headerLine, column: headerColumn) }

    /// Equal for blocks that say the same thing the same way (positions and trailing blanks
    /// aside): such a repeat can be removed without losing anything (`check --fix` does).
    public var contentKey: [String] {
        [linePrefix, headerIsCanonical ? "h" : "H"] + fields.map { "\($0.rawLabel)\u{1}\($0.value)\u{1}\($0.hasColon)\u{1}\($0.isCanonicalSpelling)" }
    }

    /// The first field with `label`.
    public func field(_ label: StatusFieldLabel) -> StatusField? {
        fields.first { $0.label == label }
    }

    /// The raw value of `label`, or nil when the field is absent.
    public func value(_ label: StatusFieldLabel) -> String? {
        field(label)?.value
    }
}
