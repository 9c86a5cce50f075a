import CYAML

/// Parses YAML with libyaml into `YAMLNode`s that keep their line and column.
public enum YAMLParser {
    /// A syntax error with libyaml's own description and 1-based position.
    public struct SyntaxError: Error, Sendable {
        public var message: String
        public var location: SourceLocation
    }

    /// Parses the first document of `bytes`. An empty stream yields a null scalar. `firstLine` is
    /// the file line the bytes start on (front matter starts on line 2), so positions and messages
    /// name the file's lines.
    public static func parse(_ bytes: [UInt8], firstLine: Int = 1) throws(SyntaxError) -> YAMLNode {
        if bytes.count > maxBytes {
            throw SyntaxError(message: "the file is \(bytes.count / 1024) KiB; YAML files over \(maxBytes / 1024 / 1024) MiB are not read", location: .start)
        }
        // libyaml slows down quadratically on deeply nested flow collections: refuse them first.
        if let at = flowNestingBeyondLimit(bytes) {
            throw SyntaxError(
                message: "flow collections (`[`, `{`) nest deeper than \(maxDepth) levels",
                location: SourceLocation(line: at.line + firstLine - 1, column: at.column))
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw SyntaxError(message: "libyaml could not be initialised", location: .start)
        }
        defer { yaml_parser_delete(&parser) }

        return try bytes.withUnsafeBufferPointer { (buffer) throws(SyntaxError) -> YAMLNode in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return try compose(&parser, lineOffset: firstLine - 1)
        }
    }

    /// Deeper nesting is refused with a positioned error: no mission file needs it, and a node
    /// tree that deep would exhaust the stack when it is freed.
    public static let maxDepth = 200
    /// Larger YAML input is refused before parsing.
    public static let maxBytes = 8 * 1024 * 1024

    /// Where `[`/`{` nesting first exceeds `maxDepth`, outside quotes and comments; nil when it never does.
    static func flowNestingBeyondLimit(_ bytes: [UInt8]) -> SourceLocation? {
        var depth = 0
        var line = 1
        var column = 0
        var quote: UInt8 = 0
        var comment = false
        for b in bytes {
            column += 1
            if b == 0x0A {
                line += 1
                column = 0
                comment = false
                continue
            }
            if comment { continue }
            if quote != 0 {
                if b == quote { quote = 0 }
                continue
            }
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = b
            case UInt8(ascii: "#"): comment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth { return SourceLocation(line: line, column: column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// An open collection. Its arrays are appended to in place (`stack[top].items.append`): an
    /// enum frame popped, extended and pushed back copied its array on every append, so a
    /// mapping of 40,000 services took minutes.
    private struct Frame {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var location: SourceLocation
        var anchor: String?
    }

    private static func compose(_ parser: inout yaml_parser_t, lineOffset: Int) throws(SyntaxError) -> YAMLNode {
        var stack: [Frame] = []
        var anchors: [String: YAMLNode] = [:]
        var root: YAMLNode?

        func attach(_ node: YAMLNode) {
            guard let top = stack.indices.last else {
                if root == nil { root = node }
                return
            }
            if !stack[top].isMapping {
                stack[top].items.append(node)
            } else if let key = stack[top].pendingKey {
                stack[top].pairs.append(YAMLPair(key: key, value: node))
                stack[top].pendingKey = nil
            } else {
                stack[top].pendingKey = node
            }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw syntaxError(parser, lineOffset: lineOffset)
            }
            defer { yaml_event_delete(&event) }
            let loc = SourceLocation(line: Int(event.start_mark.line) + 1 + lineOffset, column: Int(event.start_mark.column) + 1)

            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root ?? YAMLNode(.scalar("", plain: true), at: .start)
            case YAML_DOCUMENT_END_EVENT:
                // Only the first document matters to every file we read.
                if let root { return root }
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let value = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
                let node = YAMLNode(.scalar(value, plain: s.style == YAML_PLAIN_SCALAR_STYLE), at: loc)
                if let a = s.anchor { anchors[String(cString: a)] = node }
                attach(node)
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard let target = anchors[name] else {
                    throw SyntaxError(message: "unknown alias *\(name)", location: loc)
                }
                attach(target)
            case YAML_SEQUENCE_START_EVENT where stack.count >= maxDepth, YAML_MAPPING_START_EVENT where stack.count >= maxDepth:
                throw SyntaxError(message: "collections nest deeper than \(maxDepth) levels", location: loc)
            case YAML_SEQUENCE_START_EVENT:
                stack.append(Frame(isMapping: false, location: loc, anchor: event.data.sequence_start.anchor.map { String(cString: $0) }))
            case YAML_MAPPING_START_EVENT:
                stack.append(Frame(isMapping: true, location: loc, anchor: event.data.mapping_start.anchor.map { String(cString: $0) }))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let frame = stack.popLast() {
                    let node = YAMLNode(frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), at: frame.location)
                    if let anchor = frame.anchor { anchors[anchor] = node }
                    attach(node)
                }
            default:
                continue
            }
        }
    }

    private static func syntaxError(_ parser: yaml_parser_t, lineOffset: Int) -> SyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) (\(context) at line \(Int(parser.context_mark.line) + 1 + lineOffset))"
        }
        let mark = parser.problem_mark
        return SyntaxError(
            message: message, location: SourceLocation(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1))
    }
}
