/// A YAML node with the position it started at, as composed from libyaml's events.
public struct YAMLNode: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// `plain` is false for quoted or block scalars, which are never null, bool or number.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The string of a scalar (any scalar, including numbers), nil otherwise or for null.
    public var string: String? {
        if case .scalar(let s, _) = value, !isNull { return s }
        return nil
    }

    public var isNull: Bool {
        if case .scalar(let s, let plain) = value { return plain && ["", "~", "null", "Null", "NULL"].contains(s) }
        return false
    }

    public var isScalar: Bool {
        if case .scalar = value { return true }
        return false
    }

    public var int: Int? {
        if case .scalar(let s, true) = value { return Int(s) }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The value under a scalar key of a mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.string == key }?.value
    }

    /// A short description of the node's kind, for error messages.
    public var kindName: String {
        switch value {
        case .scalar: isNull ? "null" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// One key/value entry of a YAML mapping, in document order.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode
}
