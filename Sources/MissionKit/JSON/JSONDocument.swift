/// A JSON file: its values (`JSONTree`), where each one stands, and its repeated keys.
///
/// Positions are kept as byte offsets; a line and column is worked out only for a value a
/// finding names, and a JSON path string only for a repeated key.
public struct JSONDocument: Sendable {
    public let tree: JSONTree
    /// Keys that occur twice in one object (JSON parsers silently keep one of them), with the
    /// path and position of the repeat.
    public let duplicateKeys: [(path: String, location: SourceLocation)]
    private let lines: LineTable

    public struct SyntaxError: Error, Sendable {
        public var message: String
        public var location: SourceLocation
    }

    public init(bytes: [UInt8]) throws(SyntaxError) {
        do {
            tree = try JSONTree(bytes: bytes)
        } catch {
            var body = bytes
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
            throw SyntaxError(message: "invalid JSON: \(error.message)", location: LineTable(body).location(ofOffset: error.offset))
        }
        lines = LineTable(tree.bytes)
        let lines = self.lines
        duplicateKeys = tree.duplicateKeys.map { ($0.path, lines.location(ofOffset: $0.offset)) }
    }

    /// The top-level value.
    public var root: JSONElement { tree.root }

    /// Where `element` starts.
    public func location(of element: JSONElement) -> SourceLocation { lines.location(ofOffset: element.offset) }

    /// The position of the value at `path` (`$`, `$.features[3].fulfills[0]`), or of its nearest
    /// existing ancestor. A key holding `.` or `[` is matched whole, the longest that fits.
    public func location(_ path: String) -> SourceLocation {
        var element = root
        var rest = Substring(path)
        guard rest.hasPrefix("$") else { return location(of: element) }
        rest = rest.dropFirst()
        while let first = rest.first {
            if first == "[", let close = rest.firstIndex(of: "]"), let n = Int(rest[rest.index(after: rest.startIndex)..<close]),
                let next = element.element(n)
            {
                element = next
                rest = rest[rest.index(after: close)...]
            } else if first == ".", let members = element.members {
                let after = rest.dropFirst()
                let match = members.filter { member in
                    after.hasPrefix(member.key) && (after.count == member.key.count || [".", "["].contains(after.dropFirst(member.key.count).first))
                }.max { $0.key.count < $1.key.count }
                guard let match else { break }
                element = match.value
                rest = after.dropFirst(match.key.count)
            } else {
                break
            }
        }
        return location(of: element)
    }
}

/// Line starts and a character count every 1 KiB of a text: a byte offset becomes a line and
/// column (in characters) in O(log lines + 1 KiB), also on a minified one-line file.
struct LineTable: Sendable {
    let bytes: [UInt8]
    private let lineStarts: [Int]
    /// Characters (UTF-8 lead bytes) before each 1 KiB block.
    private let charactersBefore: [Int]
    private static let block = 1024

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var before: [Int] = []
        before.reserveCapacity(bytes.count / Self.block + 1)
        var characters = 0
        for (i, b) in bytes.enumerated() {
            if i % Self.block == 0 { before.append(characters) }
            if b & 0xC0 != 0x80 { characters += 1 }
            if b == UInt8(ascii: "\n") { starts.append(i + 1) }
        }
        lineStarts = starts
        charactersBefore = before
    }

    private func characters(before offset: Int) -> Int {
        let block = min(offset / Self.block, charactersBefore.count - 1)
        guard block >= 0 else { return 0 }
        var n = charactersBefore[block]
        for b in bytes[(block * Self.block)..<offset] where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    func location(ofOffset raw: Int) -> SourceLocation {
        let offset = min(max(raw, 0), bytes.count)
        var low = 0
        var high = lineStarts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid }
        }
        return SourceLocation(line: low + 1, column: characters(before: offset) - characters(before: lineStarts[low]) + 1)
    }
}
