import CCmark

/// A CommonMark document parsed by libcmark, with source positions on every block.
///
/// Nodes are only valid while the document is alive; use them inside `withRoot`-style scopes
/// and never store them.
public final class MarkdownDocument {
    let root: OpaquePointer

    /// Parses UTF-8 bytes. cmark accepts any input, so parsing cannot fail.
    public init(bytes: UnsafeRawBufferPointer) {
        root = MarkdownDocument.parse(bytes)
    }

    public convenience init(_ text: String) {
        var copy = text
        let root = copy.withUTF8 { MarkdownDocument.parse(UnsafeRawBufferPointer($0)) }
        self.init(root: root)
    }

    init(root: OpaquePointer) {
        self.root = root
    }

    static func parse(_ bytes: UnsafeRawBufferPointer) -> OpaquePointer {
        if let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0 {
            return cmark_parse_document(base, bytes.count, CMARK_OPT_DEFAULT)
        }
        return cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
    }

    deinit {
        cmark_node_free(root)
    }

    public var document: MarkdownNode { MarkdownNode(pointer: root) }
}

/// A borrowed view of one cmark node.
public struct MarkdownNode {
    let pointer: OpaquePointer

    public enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image, other
    }

    public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .other
        }
    }

    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    public var location: SourceLocation { SourceLocation(line: startLine, column: startColumn) }

    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    public var isBulletList: Bool { cmark_node_get_list_type(pointer) == CMARK_BULLET_LIST }

    public var literal: String? {
        guard let c = cmark_node_get_literal(pointer) else { return nil }
        return String(cString: c)
    }

    public var url: String? {
        guard let c = cmark_node_get_url(pointer) else { return nil }
        return String(cString: c)
    }

    public var firstChild: MarkdownNode? {
        cmark_node_first_child(pointer).map(MarkdownNode.init(pointer:))
    }

    public var lastChild: MarkdownNode? {
        cmark_node_last_child(pointer).map(MarkdownNode.init(pointer:))
    }

    public var next: MarkdownNode? {
        cmark_node_next(pointer).map(MarkdownNode.init(pointer:))
    }

    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let c = child {
            result.append(c)
            child = c.next
        }
        return result
    }

    /// The plain text of an inline subtree: text and code literals, breaks as spaces.
    public var plainText: String {
        var out = ""
        forEachNode(includingSelf: true) { node in
            switch node.kind {
            case .text, .code, .htmlInline: out += node.literal ?? ""
            case .softBreak, .lineBreak: out += " "
            default: break
            }
            return true
        }
        return out
    }

    /// The first node of `kind` in document order below this one (not including itself).
    public func firstDescendant(ofKind wanted: Kind) -> MarkdownNode? {
        var found: MarkdownNode?
        forEachDescendant { node in
            if node.kind == wanted { found = node }
            return found == nil
        }
        return found
    }

    /// Visits every node below this one in document order, without recursion (input can nest
    /// 50,000 levels deep); `body` returns false to stop.
    public func forEachDescendant(_ body: (MarkdownNode) -> Bool) {
        forEachNode(includingSelf: false, body)
    }

    private func forEachNode(includingSelf: Bool, _ body: (MarkdownNode) -> Bool) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if node == pointer && !includingSelf { continue }
            if !body(MarkdownNode(pointer: node)) { return }
        }
    }
}
