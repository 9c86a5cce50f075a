import Foundation
import MissionJSON

/// One JSON object read leniently: each accessor answers the value when it has the asked shape
/// and nil otherwise. Every reader of mission records goes through it, so that "a string, or
/// nothing" and "an integer, never a boolean" mean the same in every file.
public struct JSONObject: @unchecked Sendable {
    /// The decoded members (`JSONSerialization`'s values).
    public let members: [String: Any]

    /// The object `value` is, or nil when it is another kind of JSON value.
    public init?(_ value: Any?) {
        guard let members = value as? [String: Any] else { return nil }
        self.members = members
    }

    public subscript(key: String) -> Any? { members[key] }

    public var keys: Dictionary<String, Any>.Keys { members.keys }

    /// Whether `key` is present with a value other than `null`.
    public func has(_ key: String) -> Bool {
        guard let value = members[key] else { return false }
        return !(value is NSNull)
    }

    /// The first of `keys` that holds a non-empty string.
    public func string(_ keys: String...) -> String? {
        for key in keys {
            if let s = members[key] as? String, !s.isEmpty { return s }
        }
        return nil
    }

    /// Whether `key` is present but holds something other than a string or `null`.
    public func isNotString(_ key: String) -> Bool {
        guard let value = members[key] else { return false }
        return !(value is String) && !(value is NSNull)
    }

    /// The first of `keys` that holds an integer: never a boolean, a fraction or a number out of range.
    public func integer(_ keys: String...) -> Int? {
        for key in keys {
            if let n = Self.integer(members[key]) { return n }
        }
        return nil
    }

    public func object(_ key: String) -> JSONObject? { JSONObject(members[key]) }

    public func array(_ key: String) -> [Any]? { members[key] as? [Any] }

    /// The ids an array lists: its strings, and the `id` of its objects.
    public func ids(_ key: String) -> [String]? {
        array(key)?.compactMap { ($0 as? String) ?? JSONObject($0)?.string("id") }
    }

    /// A JSON integer (see `integer(_:)`); JSONSerialization makes booleans NSNumbers too.
    public static func integer(_ value: Any?) -> Int? {
        guard let n = value as? NSNumber, !n.isJSONBoolean else { return nil }
        return Int(exactly: n.doubleValue)
    }
}
