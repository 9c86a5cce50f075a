/// A JSON text parsed into one flat array of small nodes that point into the text.
///
/// Foundation's `JSONSerialization` took 1.27 GB for a 3.9 MB features.json (a boxed object per
/// value) and knew no positions. Here a value is 24 bytes plus the text, strings are decoded
/// when asked for, and every value knows the byte offset where it starts.
public struct JSONTree: Sendable {
    /// The text (without a byte-order mark).
    public let bytes: [UInt8]
    let nodes: [Node]
    /// The node indexes of every array's elements and every object's members (key, then
    /// value), each container's contiguous: position `i` of a container is one lookup.
    let children: [UInt32]

    /// Nesting deeper than this is refused (the readers of mission files recurse).
    public static let maxDepth = 512

    enum Kind: UInt8 { case object, array, string, escapedString, integer, number, isTrue, isFalse, null }

    struct Node {
        /// Objects and arrays: where their children start in `children`; strings: the byte
        /// offset of their content; numbers: their bits.
        var payload: UInt64
        var offset: UInt32
        /// Objects and arrays: their number of children (two per member); strings: their length.
        var count: UInt32
        var kind: Kind
    }

    /// A syntax error with the byte offset where the text stops being JSON.
    public struct SyntaxError: Error, Sendable {
        public var message: String
        public var offset: Int
    }

    /// Keys repeated in their object: the path of the repeat (`$.a.b`) and its key's offset.
    public let duplicateKeys: [(path: String, offset: Int)]

    /// Parses `bytes` (RFC 8259: any value at the top, strict syntax, valid UTF-8).
    public init(bytes: [UInt8]) throws(SyntaxError) {
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        guard body.count < Int(UInt32.max) else { throw SyntaxError(message: "the text is over 4 GiB", offset: 0) }
        var parser = JSONParser(bytes: body)
        try parser.parse()
        self.bytes = body
        nodes = parser.nodes
        children = parser.children
        duplicateKeys = parser.duplicates
    }

    /// The top-level value.
    public var root: JSONElement { JSONElement(tree: self, index: 0) }

    /// The text of a string node, its escapes decoded.
    func string(_ node: Node) -> String { Self.decode(bytes, node) }

    static func decode(_ bytes: [UInt8], _ node: Node) -> String {
        let start = Int(node.payload)
        let end = start + Int(node.count)
        if node.kind == .string { return String(decoding: bytes[start..<end], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let b = bytes[i]
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                i += 1
                continue
            }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = JSONParser.hex4(bytes, i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let low = JSONParser.hex4(bytes, i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                // A lone surrogate is no character: it reads as U+FFFD.
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: out.append(e)  // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Builds a `JSONTree`'s nodes in one pass without recursion: hostile nesting costs a stack
/// entry, not a stack frame.
struct JSONParser {
    let bytes: [UInt8]
    var i = 0
    var nodes: [JSONTree.Node] = []
    var children: [UInt32] = []
    var duplicates: [(path: String, offset: Int)] = []

    /// An open container: its node, its children so far (indexes into `nodes`), and for objects
    /// the keys seen (for duplicates) and whether a key awaits its value.
    struct Frame {
        var node: Int
        var items: [UInt32] = []
        var isObject: Bool
        var keys: Set<String> = []
        var lastKey = ""
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        nodes.reserveCapacity(bytes.count / 8)
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONTree.SyntaxError {
        JSONTree.SyntaxError(message: message, offset: offset ?? i)
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    /// What the byte at `i` is, for messages.
    func found() -> String {
        guard i < bytes.count else { return "the end of the text" }
        let b = bytes[i]
        return (0x21..<0x7F).contains(b) ? "`\(Character(Unicode.Scalar(b)))`" : "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    mutating func parse() throws(JSONTree.SyntaxError) {
        var stack: [Frame] = []
        skipSpace()
        try value(&stack)
        while let top = stack.last {
            skipSpace()
            guard i < bytes.count else {
                throw error(top.isObject ? "unexpected end of the text: an object is not closed with `}`" : "unexpected end of the text: an array is not closed with `]`")
            }
            let close = top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            if bytes[i] == close {
                i += 1
                let frame = stack.removeLast()
                nodes[frame.node].payload = UInt64(children.count)
                nodes[frame.node].count = UInt32(frame.items.count)
                children.append(contentsOf: frame.items)
                if !stack.isEmpty { stack[stack.count - 1].items.append(UInt32(frame.node)) }
                continue
            }
            if !top.items.isEmpty {
                guard bytes[i] == UInt8(ascii: ",") else {
                    throw error(top.isObject ? "expected `,` or `}` after an object member, found \(found())" : "expected `,` or `]` after an array element, found \(found())")
                }
                i += 1
                skipSpace()
            }
            if top.isObject {
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw error("expected a string key in double quotes, found \(found())")
                }
                let keyOffset = i
                try string()
                let keyNode = nodes.count - 1
                let key = JSONTree.decode(bytes, nodes[keyNode])
                if !stack[stack.count - 1].keys.insert(key).inserted { duplicates.append((path(stack, key: key), keyOffset)) }
                stack[stack.count - 1].lastKey = key
                stack[stack.count - 1].items.append(UInt32(keyNode))
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected `:` after the key, found \(found())") }
                i += 1
                skipSpace()
            }
            try value(&stack)
        }
        skipSpace()
        if i < bytes.count { throw error("unexpected \(found()) after the JSON value") }
    }

    /// The JSON path of a member of the innermost open object (for duplicate keys only).
    func path(_ stack: [Frame], key: String) -> String {
        var p = "$"
        for (n, frame) in stack.enumerated() {
            let isLast = n == stack.count - 1
            if frame.isObject {
                p += "." + (isLast ? key : frame.lastKey)
            } else {
                p += "[\(frame.items.count)]"
            }
        }
        return p
    }

    /// One value: a scalar becomes a child of the open container; `{`/`[` opens a new one.
    mutating func value(_ stack: inout [Frame]) throws(JSONTree.SyntaxError) {
        guard i < bytes.count else { throw error("unexpected end of the text: a value is missing") }
        let start = i
        let index = nodes.count
        switch bytes[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard stack.count < JSONTree.maxDepth else { throw error("values nest deeper than \(JSONTree.maxDepth) levels") }
            let isObject = bytes[i] == UInt8(ascii: "{")
            nodes.append(JSONTree.Node(payload: 0, offset: UInt32(start), count: 0, kind: isObject ? .object : .array))
            i += 1
            stack.append(Frame(node: index, isObject: isObject))
            return
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true", .isTrue)
        case UInt8(ascii: "f"): try literal("false", .isFalse)
        case UInt8(ascii: "n"): try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw error("expected a value, found \(found())")
        }
        if !stack.isEmpty { stack[stack.count - 1].items.append(UInt32(index)) }
    }

    mutating func literal(_ word: StaticString, _ kind: JSONTree.Kind) throws(JSONTree.SyntaxError) {
        let start = i
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count,
            word.withUTF8Buffer({ w in bytes[i..<(i + count)].elementsEqual(w) })
        else { throw error("expected a value, found \(found())") }
        i += count
        nodes.append(JSONTree.Node(payload: 0, offset: UInt32(start), count: 0, kind: kind))
    }

    mutating func number() throws(JSONTree.SyntaxError) {
        let start = i
        func digits() -> Int {
            let from = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - from
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let intDigits = digits()
        guard intDigits > 0 else { throw error("invalid number: a digit must follow `-`", at: start) }
        if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") { throw error("invalid number: no leading zeros", at: start) }
        var integral = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            integral = false
            guard digits() > 0 else { throw error("invalid number: a digit must follow `.`") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            integral = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw error("invalid number: the exponent has no digits") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if integral, let n = Int64(text) {
            nodes.append(JSONTree.Node(payload: UInt64(bitPattern: n), offset: UInt32(start), count: 0, kind: .integer))
        } else {
            let d = Double(text) ?? .infinity
            nodes.append(JSONTree.Node(payload: d.bitPattern, offset: UInt32(start), count: 0, kind: .number))
        }
    }

    /// A string token: escapes checked, UTF-8 validated, control characters refused.
    mutating func string() throws(JSONTree.SyntaxError) {
        let start = i
        i += 1
        var escaped = false
        while true {
            guard i < bytes.count else { throw error("unterminated string (it starts here)", at: start) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw error("a control character (0x\(String(b, radix: 16, uppercase: true))) in a string must be escaped") }
            if b == UInt8(ascii: "\\") {
                escaped = true
                guard i + 1 < bytes.count else { throw error("unterminated string (it starts here)", at: start) }
                switch bytes[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                    UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 6 <= bytes.count, bytes[(i + 2)..<(i + 6)].allSatisfy(Self.isHex) else {
                        throw error("invalid escape: `\\u` takes four hex digits")
                    }
                    i += 6
                default:
                    i += 1
                    throw error("invalid escape in a string: `\\` followed by \(found())")
                }
                continue
            }
            if b < 0x80 {
                i += 1
            } else {
                guard let length = Self.utf8Length(bytes, i) else { throw error("invalid UTF-8 in a string") }
                i += length
            }
        }
        nodes.append(
            JSONTree.Node(payload: UInt64(start + 1), offset: UInt32(start), count: UInt32(i - start - 1), kind: escaped ? .escapedString : .string))
        i += 1
    }

    static func isHex(_ b: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(b)
    }

    static func hex4(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        var v: UInt32 = 0
        for b in bytes[at..<(at + 4)] {
            let digit: UInt8 = b <= UInt8(ascii: "9") ? b - UInt8(ascii: "0") : (b | 0x20) - UInt8(ascii: "a") + 10
            v = v << 4 | UInt32(digit)
        }
        return v
    }

    /// The length of the well-formed UTF-8 sequence at `i` (no overlongs, no surrogates, at most
    /// U+10FFFF), or nil.
    static func utf8Length(_ bytes: [UInt8], _ i: Int) -> Int? {
        let b = bytes[i]
        let (length, low, high): (Int, UInt8, UInt8)
        switch b {
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return nil
        }
        guard i + length <= bytes.count, (low...high).contains(bytes[i + 1]) else { return nil }
        for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return nil }
        return length
    }
}
