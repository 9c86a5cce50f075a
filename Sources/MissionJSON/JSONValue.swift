/// A JSON value that keeps object keys in the order written, so output shapes read as documented.
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// Compact (one line) or indented with two spaces.
    public func rendered(pretty: Bool = false) -> String {
        String(decoding: utf8(pretty: pretty), as: UTF8.self)
    }

    /// The rendering as UTF-8 bytes: what a server writes into a response body.
    public func utf8(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    // Written as bytes: appending small Strings cost more than everything else in a response.
    func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .string(let s): JSONValue.escape(s, into: &out)
        case .int(let i): JSONValue.writeDecimal(i, into: &out)
        case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for i in items.indices {
                JSONValue.memberStart(first: i == 0, key: nil, into: &out, pretty: pretty, indent: indent + 1)
                items[i].write(into: &out, pretty: pretty, indent: indent + 1)
            }
            JSONValue.close(isObject: false, empty: items.isEmpty, into: &out, pretty: pretty, indent: indent)
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for i in pairs.indices {
                JSONValue.memberStart(first: i == 0, key: pairs[i].0, into: &out, pretty: pretty, indent: indent + 1)
                pairs[i].1.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            JSONValue.close(isObject: true, empty: pairs.isEmpty, into: &out, pretty: pretty, indent: indent)
        }
    }

    /// What goes before a container's member at depth `indent`: the comma, the line break and
    /// indentation, and for an object's member its key. `JSONStreamWriter` writes the same.
    static func memberStart(first: Bool, key: String?, into out: inout [UInt8], pretty: Bool, indent: Int) {
        if !first { out.append(UInt8(ascii: ",")) }
        newline(indent, into: &out, pretty: pretty)
        guard let key else { return }
        escape(key, into: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
    }

    /// The end of a container whose own line is indented `indent` deep.
    static func close(isObject: Bool, empty: Bool, into out: inout [UInt8], pretty: Bool, indent: Int) {
        if !empty { newline(indent, into: &out, pretty: pretty) }
        out.append(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    private static func newline(_ depth: Int, into out: inout [UInt8], pretty: Bool) {
        guard pretty else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
    }

    /// Digits without an intermediate String (ids and durations are in every response).
    public static func writeDecimal(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        out[start...].reverse()
    }

    /// Only ASCII is ever escaped, so multi-byte UTF-8 sequences pass through byte by byte.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy them whole, from their UTF-8 storage when it is contiguous.
        func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if s.utf8.withContiguousStorageIfAvailable(plain) ?? false {
            out.append(UInt8(ascii: "\""))
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case ..<0x20:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
