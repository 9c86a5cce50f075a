/// One value of a `JSONTree`: asked for a shape, it answers the value when it has that shape
/// and nil otherwise.
public struct JSONElement: Sendable {
    let tree: JSONTree
    let index: Int

    public enum Kind: Sendable, Equatable { case object, array, string, number, boolean, null }

    private var node: JSONTree.Node { tree.nodes[index] }

    public var kind: Kind {
        switch node.kind {
        case .object: return .object
        case .array: return .array
        case .string, .escapedString: return .string
        case .integer, .number: return .number
        case .isTrue, .isFalse: return .boolean
        case .null: return .null
        }
    }

    /// The byte offset in the text where the value starts.
    public var offset: Int { Int(node.offset) }

    public var isNull: Bool { node.kind == .null }

    public var string: String? {
        let n = node
        return n.kind == .string || n.kind == .escapedString ? tree.string(n) : nil
    }

    public var bool: Bool? {
        switch node.kind {
        case .isTrue: return true
        case .isFalse: return false
        default: return nil
        }
    }

    /// An integer: never a boolean, a fraction or a number out of range (`2.0` is 2).
    public var integer: Int? {
        let n = node
        if n.kind == .integer { return Int(exactly: Int64(bitPattern: n.payload)) }
        if n.kind == .number { return Int(exactly: Double(bitPattern: n.payload)) }
        return nil
    }

    /// Any number, as a Double.
    public var double: Double? {
        let n = node
        if n.kind == .integer { return Double(Int64(bitPattern: n.payload)) }
        if n.kind == .number { return Double(bitPattern: n.payload) }
        return nil
    }

    /// The number of elements of an array or members of an object; 0 for other values.
    public var count: Int {
        let n = node
        return n.kind == .object ? Int(n.count) / 2 : n.kind == .array ? Int(n.count) : 0
    }

    /// An array's elements, or nil for other values.
    public var elements: [JSONElement]? {
        let n = node
        guard n.kind == .array else { return nil }
        let start = Int(n.payload)
        return (start..<(start + Int(n.count))).map { JSONElement(tree: tree, index: Int(tree.children[$0])) }
    }

    /// Element `position` of an array, in constant time.
    public func element(_ position: Int) -> JSONElement? {
        let n = node
        guard n.kind == .array, position >= 0, position < Int(n.count) else { return nil }
        return JSONElement(tree: tree, index: Int(tree.children[Int(n.payload) + position]))
    }

    /// An object's members in the order written (a repeated key appears twice), or nil.
    public var members: [(key: String, value: JSONElement)]? {
        let n = node
        guard n.kind == .object else { return nil }
        let start = Int(n.payload)
        return stride(from: start, to: start + Int(n.count), by: 2).map { c in
            (tree.string(tree.nodes[Int(tree.children[c])]), JSONElement(tree: tree, index: Int(tree.children[c + 1])))
        }
    }

    /// An object's last member named `key` (what JSON readers keep), or nil.
    public subscript(key: String) -> JSONElement? {
        let n = node
        guard n.kind == .object else { return nil }
        let start = Int(n.payload)
        var c = start + Int(n.count) - 2
        while c >= start {
            if keyEquals(Int(tree.children[c]), key) { return JSONElement(tree: tree, index: Int(tree.children[c + 1])) }
            c -= 2
        }
        return nil
    }

    /// Compares a key node with `key` without building a String for plain keys.
    private func keyEquals(_ keyIndex: Int, _ key: String) -> Bool {
        let k = tree.nodes[keyIndex]
        guard k.kind == .string else { return tree.string(k) == key }
        let start = Int(k.payload)
        var key = key
        return key.withUTF8 { $0.elementsEqual(tree.bytes[start..<(start + Int(k.count))]) }
    }
}
