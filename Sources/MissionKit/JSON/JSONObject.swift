import MissionJSON

/// One JSON object read leniently: each accessor answers the value when it has the asked shape
/// and nil otherwise. Every reader of mission records goes through it, so that "a string, or
/// nothing" and "an integer, never a boolean" mean the same in every file.
public struct JSONObject: Sendable {
    public let element: JSONElement
    /// Large objects (an assertion map) are looked up through a dictionary, small ones by a scan.
    private let index: [String: JSONElement]?

    /// The object `value` is, or nil when it is another kind of JSON value.
    public init?(_ value: JSONElement?) {
        guard let value, value.kind == .object else { return nil }
        element = value
        if value.count > 16, let members = value.members {
            index = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        } else {
            index = nil
        }
    }

    public subscript(key: String) -> JSONElement? { index.map { $0[key] } ?? element[key] }

    /// The keys in the order written, each once.
    public var keys: [String] {
        var seen: Set<String> = []
        return (element.members ?? []).map(\.key).filter { seen.insert($0).inserted }
    }

    /// Whether `key` is present with a value other than `null`.
    public func has(_ key: String) -> Bool {
        guard let value = self[key] else { return false }
        return !value.isNull
    }

    /// The first of `keys` that holds a non-empty string.
    public func string(_ keys: String...) -> String? {
        for key in keys {
            if let s = self[key]?.string, !s.isEmpty { return s }
        }
        return nil
    }

    /// Whether `key` is present but holds something other than a string or `null`.
    public func isNotString(_ key: String) -> Bool {
        guard let value = self[key] else { return false }
        return value.kind != .string && !value.isNull
    }

    /// The first of `keys` that holds an integer: never a boolean, a fraction or a number out of range.
    public func integer(_ keys: String...) -> Int? {
        for key in keys {
            if let n = self[key]?.integer { return n }
        }
        return nil
    }

    public func object(_ key: String) -> JSONObject? { JSONObject(self[key]) }

    public func array(_ key: String) -> [JSONElement]? { self[key]?.elements }

    /// The ids an array lists: its strings, and the `id` of its objects.
    public func ids(_ key: String) -> [String]? {
        array(key)?.compactMap { $0.string ?? JSONObject($0)?.string("id") }
    }
}
