/// Writes one JSON document piece by piece, byte for byte as `JSONValue.rendered(pretty:)` would
/// write it whole: containers are opened and closed around values given one at a time, and the
/// bytes go to `sink` whenever `chunkSize` of them are waiting. A report of 160,000 findings was
/// four times its own size in memory as one `JSONValue` and its rendering; this way only one
/// finding's value is.
public struct JSONStreamWriter {
    private var out: [UInt8] = []
    private let pretty: Bool
    private let chunkSize: Int
    private let sink: ([UInt8]) -> Void
    /// The open containers, innermost last: whether each is an object, and whether it has members yet.
    private var open: [(isObject: Bool, hasMembers: Bool)] = []

    public init(pretty: Bool = true, chunkSize: Int = 1 << 16, sink: @escaping ([UInt8]) -> Void) {
        self.pretty = pretty
        self.chunkSize = chunkSize
        self.sink = sink
        out.reserveCapacity(chunkSize + 4096)
    }

    /// Opens an object: an array's next element, or the member `key` of the open object.
    public mutating func beginObject(key: String? = nil) { begin(key: key, isObject: true) }

    /// Opens an array: an array's next element, or the member `key` of the open object.
    public mutating func beginArray(key: String? = nil) { begin(key: key, isObject: false) }

    /// Writes `value` whole: the top-level value, an array's next element or the member `key`.
    public mutating func value(_ value: JSONValue, key: String? = nil) {
        memberStart(key: key)
        value.write(into: &out, pretty: pretty, indent: open.count)
        flushIfFull()
    }

    /// Closes the innermost open container.
    public mutating func end() {
        guard let closed = open.popLast() else { return }
        JSONValue.close(isObject: closed.isObject, empty: !closed.hasMembers, into: &out, pretty: pretty, indent: open.count)
        flushIfFull()
    }

    /// Closes whatever is still open and hands every remaining byte to the sink.
    public mutating func finish() {
        while !open.isEmpty { end() }
        if !out.isEmpty { sink(out) }
        out.removeAll(keepingCapacity: true)
    }

    private mutating func begin(key: String?, isObject: Bool) {
        memberStart(key: key)
        out.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append((isObject, false))
    }

    private mutating func memberStart(key: String?) {
        guard let last = open.indices.last else { return }
        JSONValue.memberStart(first: !open[last].hasMembers, key: open[last].isObject ? key ?? "" : nil, into: &out, pretty: pretty, indent: open.count)
        open[last].hasMembers = true
    }

    private mutating func flushIfFull() {
        guard out.count >= chunkSize else { return }
        sink(out)
        out.removeAll(keepingCapacity: true)
    }
}
