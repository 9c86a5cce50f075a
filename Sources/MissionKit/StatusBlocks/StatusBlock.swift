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

    /// Whether `other` says the same thing the same way (positions and trailing blanks aside):
    /// such a repeat can be removed without losing anything (`check --fix` does).
    public func hasSameContent(as other: StatusBlock) -> Bool {
        linePrefix == other.linePrefix && headerIsCanonical == other.headerIsCanonical && fields.count == other.fields.count
            && zip(fields, other.fields).allSatisfy {
                $0.rawLabel == $1.rawLabel && $0.value == $1.value && $0.hasColon == $1.hasColon && $0.isCanonicalSpelling == $1.isCanonicalSpelling
            }
    }

    /// For each of `blocks` (a doc's, in file order), whether it repeats an earlier one
    /// (`hasSameContent`). Only a hash and an index are kept per distinct block: a doc of
    /// 40,000 differing blocks held a text copy of each.
    public static func repeatsEarlier(_ blocks: [StatusBlock]) -> [Bool] {
        var firstWithHash: [Int: Int] = [:]
        return blocks.indices.map { i in
            let block = blocks[i]
            var hasher = Hasher()
            block.hashContent(into: &hasher)
            let hash = hasher.finalize()
            guard let j = firstWithHash[hash] else {
                firstWithHash[hash] = i
                return false
            }
            // Equal hashes of different content are rare: then every earlier block is compared.
            return block.hasSameContent(as: blocks[j]) || blocks[..<i].contains { block.hasSameContent(as: $0) }
        }
    }

    private func hashContent(into hasher: inout Hasher) {
        hasher.combine(linePrefix)
        hasher.combine(headerIsCanonical)
        for f in fields {
            hasher.combine(f.rawLabel)
            hasher.combine(f.value)
            hasher.combine(f.hasColon)
            hasher.combine(f.isCanonicalSpelling)
        }
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
