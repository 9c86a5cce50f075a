/// The closed set of source docs that mission `AGENTS.md` lists.
///
/// Convention (lenient on purpose, since real missions vary): the first bullet list that sits
/// under a heading mentioning "source docs", a "closed set" or the "source of truth", or that
/// directly follows a paragraph saying so. The first code span of each item is a repo-relative
/// path or glob; the rest of the item is a note.
public struct SourceDocSet: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// The path or glob, as written.
        public var pattern: String
        public var note: String
        /// Where the item stands in AGENTS.md.
        public var location: SourceLocation
        public var isGlob: Bool { Glob.isPattern(pattern) }
        /// The pattern without the trailing `/` that marks a folder.
        public var path: String { pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern }
    }

    public var entries: [Entry]
    /// Where the list (or its heading) starts; nil when AGENTS.md has no such section.
    public var sectionLocation: SourceLocation?
    /// Items of the list that hold no code span, so no path could be read from them.
    public var unreadableItems: [SourceLocation]
    /// Whether the section is a heading (`## Source docs`), not a paragraph that mentions them
    /// in passing ("the spec is the source of truth").
    public var sectionIsHeading = false

    static let keywords = ["source doc", "closed set", "source of truth", "source-of-truth"]

    static func mentionsSourceDocs(_ text: String) -> Bool {
        let lower = text.lowercased()
        return keywords.contains { lower.contains($0) }
    }

    /// Reads the closed set from the text of `AGENTS.md`.
    public static func parse(_ text: SourceText) -> SourceDocSet {
        text.bytes.withUnsafeBytes { raw in
            let doc = MarkdownDocument(bytes: raw)
            var sectionLevel: Int?
            var sectionStart: SourceLocation?
            var afterParagraph = false
            var fromHeading = false
            for node in doc.document.children {
                switch node.kind {
                case .heading:
                    afterParagraph = false
                    if let level = sectionLevel, node.headingLevel <= level { sectionLevel = nil }
                    if mentionsSourceDocs(node.plainText) {
                        sectionLevel = node.headingLevel
                        sectionStart = node.location
                        fromHeading = true
                    }
                case .paragraph:
                    afterParagraph = mentionsSourceDocs(node.plainText)
                    if afterParagraph, sectionStart == nil { sectionStart = node.location }
                case .list where node.isBulletList && (sectionLevel != nil || afterParagraph):
                    var set = entries(of: node, section: sectionStart ?? node.location)
                    set.sectionIsHeading = fromHeading
                    return set
                default:
                    afterParagraph = false
                }
            }
            var set = SourceDocSet(entries: [], sectionLocation: sectionStart, unreadableItems: [])
            set.sectionIsHeading = fromHeading
            return set
        }
    }

    private static func entries(of list: MarkdownNode, section: SourceLocation) -> SourceDocSet {
        var entries: [Entry] = []
        var unreadable: [SourceLocation] = []
        for item in list.children where item.kind == .item {
            guard let paragraph = item.children.first(where: { $0.kind == .paragraph }),
                let code = paragraph.firstDescendant(ofKind: .code),
                let path = code.literal?.trimming(" \t"), !path.isEmpty
            else {
                unreadable.append(item.location)
                continue
            }
            var note = ""
            var sibling = code.next
            while let s = sibling {
                note += s.plainText
                sibling = s.next
            }
            note = note.trimming(" \t—–-:()")
            entries.append(Entry(pattern: normalize(path), note: note, location: item.location))
        }
        return SourceDocSet(entries: entries, sectionLocation: section, unreadableItems: unreadable)
    }

    /// Repo-relative form: no leading `./` or `/`.
    static func normalize(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        while p.hasPrefix("/") { p = p.dropFirst() }
        return String(p)
    }
}
