/// The assertions that `validation-contract.md` defines, recognised by their heading text
/// (`VAL-…: title`) at any heading level.
public struct ValidationContract: Sendable, Hashable {
    public struct Assertion: Sendable, Hashable {
        public var id: String
        public var title: String
        /// The id without `VAL-` and the number: `TIMER`, `SEC-TRACK`, `A1`.
        public var area: String
        public var location: SourceLocation
    }

    public var assertions: [Assertion]
    /// Ids defined more than once: (id, location of the repeat, first line).
    public var duplicates: [(id: String, location: SourceLocation, firstLine: Int)]

    public var ids: Set<String> { Set(assertions.map(\.id)) }

    public static func == (a: ValidationContract, b: ValidationContract) -> Bool { a.assertions == b.assertions }
    public func hash(into hasher: inout Hasher) { hasher.combine(assertions) }

    public static func parse(_ text: SourceText) -> ValidationContract {
        parse(text, chunkBytes: MarkdownPieces.chunkBytes)
    }

    /// `parse`, in pieces of about `chunkBytes` (`Int.max`: the whole file at once).
    static func parse(_ text: SourceText, chunkBytes: Int) -> ValidationContract {
        var result = ValidationContract(assertions: [], duplicates: [])
        var firstLine: [String: Int] = [:]
        // Parsed in pieces (`MarkdownPieces`), as cmark's tree of a whole contract was most of a
        // run's memory. A heading's text also depends on link reference definitions anywhere in
        // the file, which a piece does not see, so a contract that may hold one is parsed whole.
        let pieces = SourceText.containsExactly(text.bytes, "]:") ? Int.max : chunkBytes
        MarkdownPieces.parse(text, bytes: text.bytes.count, chunkBytes: pieces, collapsingRunsOf: .max) { doc, lines in
            var headings: [(id: String, title: String, location: SourceLocation)] = []
            visit(doc.document) { node in
                guard node.kind == .heading, let (id, title) = parseHeading(node.plainText) else { return }
                headings.append((id, title, SourceLocation(line: lines.whole(node.startLine), column: node.startColumn)))
            }
            return headings
        } consume: { headings in
            for (id, title, location) in headings {
                if let first = firstLine[id] {
                    result.duplicates.append((id, location, first))
                    continue
                }
                firstLine[id] = location.line
                result.assertions.append(Assertion(id: id, title: title, area: area(of: id), location: location))
            }
        }
        return result
    }

    /// Headings at the top level and inside lists, items and block quotes, in document order;
    /// an explicit stack, since input can nest lists 50,000 levels deep.
    /// The stack holds the next sibling of each open container, not whole child lists, so a
    /// contract of 100,000 top-level blocks costs no array of them.
    private static func visit(_ node: MarkdownNode, _ body: (MarkdownNode) -> Void) {
        var stack: [MarkdownNode] = node.firstChild.map { [$0] } ?? []
        while let child = stack.popLast() {
            if let next = child.next { stack.append(next) }
            body(child)
            if child.kind == .list || child.kind == .item || child.kind == .blockQuote, let first = child.firstChild { stack.append(first) }
        }
    }

    /// `VAL-TIMER-001: title` → (`VAL-TIMER-001`, `title`). An id that does not end in a number
    /// (`VAL-TIER1-GATE`) needs the colon, so that a heading such as `VAL-TIMER area` is no assertion.
    public static func parseHeading(_ heading: String) -> (String, String)? {
        let text = heading.trimming(" \t`*")
        guard text.hasPrefix("VAL-") else { return nil }
        let idEnd = text.firstIndex(where: { $0 == ":" || $0 == " " || $0 == "`" || $0 == "*" }) ?? text.endIndex
        let id = String(text[..<idEnd])
        guard isAssertionID(id) else { return nil }
        var title = text[idEnd...].drop(while: { " `*".contains($0) })
        if title.first == ":" {
            title = title.dropFirst()
        } else if !(id.last?.isNumber ?? false) && !(id.split(separator: "-").last?.first?.isNumber ?? false) {
            return nil
        }
        return (id, String(title).trimming(" \t—–-"))
    }

    /// `VAL-` followed by dash-separated segments of ASCII letters and digits: `VAL-TIMER-001`,
    /// `VAL-REL-010A`, `VAL-TIER1-GATE`, `VAL-ASSESS-003a`.
    public static func isAssertionID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "VAL" else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The contract id a mistyped one means: same number (`VAL-DOC-02` → `VAL-DOC-002`) and a near
    /// spelling of the rest. Never a different number: `VAL-TASK-007` is no typo of `VAL-TASK-001`.
    public static func suggestion(for id: String, in known: Set<String>) -> String? {
        func number(_ s: String) -> Int? { Int(String(s.reversed().prefix(while: \.isNumber).reversed())) }
        let n = number(id)
        let candidates = known.filter { number($0) == n }
        return NameSuggestion.closest(to: id, in: candidates, maxDistance: 2)
    }

    /// The segments between `VAL-` and the last one (`SEC-TRACK` of `VAL-SEC-TRACK-001`).
    static func area(of id: String) -> String {
        let parts = id.split(separator: "-")
        return parts.count <= 2 ? String(parts.last ?? "") : parts.dropFirst().dropLast().joined(separator: "-")
    }
}
