/// Matches claimed test-case names against the lines a commit added.
///
/// Case names are prose ("rejects a second running timer") or function names. They match
/// literally (a subtest name in a string) or as the identifiers people derive from them —
/// camelCase, snake_case, a `Test`/`test_` prefix — ignoring case.
public enum TestNameMatcher {
    /// Whether `name` occurs in `lines`.
    public static func found(_ name: String, in lines: [String]) -> Bool {
        Index(lines).contains(name)
    }

    /// The added lines of one file, prepared once for many case names.
    public struct Index {
        let lowercasedText: String
        let keys: Set<String>
        /// Every three-byte window of `lowercasedText`: a name with a window the text lacks is not
        /// in it, known without a scan of the text (N claims against N added lines stay linear).
        let trigrams: Set<UInt32>

        public init(_ lines: [String]) {
            // A case is named by the value of its source literal: `@Test("splits \\r lines")` adds
            // "splits \r lines". Lines holding escapes are searched in both spellings.
            var text = lines.joined(separator: "\n")
            let unescaped = lines.filter { $0.contains("\\") }.map(TestNameMatcher.literalValue)
            if !unescaped.isEmpty { text += "\n" + unescaped.joined(separator: "\n") }
            lowercasedText = text.lowercased()
            keys = Set(lines.flatMap { TestNameMatcher.identifiers(in: $0).map(TestNameMatcher.identifierKey) })
            trigrams = Self.trigrams(of: lowercasedText)
        }

        static func trigrams(of text: String) -> Set<UInt32> {
            var result: Set<UInt32> = []
            var window: UInt32 = 0
            for (i, byte) in text.utf8.enumerated() {
                window = (window << 8 | UInt32(byte)) & 0xFF_FFFF
                if i >= 2 { result.insert(window) }
            }
            return result
        }

        /// Whether `lowercasedText` may contain `needle`: false when one of its windows is absent.
        func mayContain(_ needle: String) -> Bool {
            var window: UInt32 = 0
            for (i, byte) in needle.utf8.enumerated() {
                window = (window << 8 | UInt32(byte)) & 0xFF_FFFF
                if i >= 2, !trigrams.contains(window) { return false }
            }
            return true
        }

        public func contains(_ name: String) -> Bool {
            if containsExactly(name) { return true }
            // `X [fixture]`: the parameterised test X, when the commit adds a line with the
            // argument's first word (Swift `@Test(arguments:)`, pytest `parametrize`, Go tables).
            if let (base, argument) = TestNameMatcher.parameterised(name) {
                let argument = argument.lowercased()
                return containsExactly(base) && mayContain(argument) && lowercasedText.contains(argument)
            }
            return false
        }

        func containsExactly(_ name: String) -> Bool {
            let key = TestNameMatcher.identifierKey(name)
            if !key.isEmpty && keys.contains(key) { return true }
            let lowered = name.lowercased()
            return mayContain(lowered) && lowercasedText.contains(lowered)
        }
    }

    /// `X [first word …]` → (X, first word), or nil when the name has no trailing brackets.
    static func parameterised(_ name: String) -> (String, String)? {
        guard name.hasSuffix("]"), let open = name.lastIndex(of: "[") else { return nil }
        let base = String(name[..<open]).trimming(" ")
        let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
        let word = inside.drop { !$0.isLetter && !$0.isNumber }.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        guard !base.isEmpty, !word.isEmpty else { return nil }
        return (String(base), String(word))
    }

    /// A source line with its string-literal escapes resolved: `\\` → `\`, `\"` → `"`, `\'` → `'`.
    static func literalValue(_ line: String) -> String {
        var out = ""
        var escaped = false
        for c in line {
            if escaped {
                // Other escapes (`\n`, `\u{…}`) keep their backslash.
                if !"\\\"'".contains(c) { out.append("\\") }
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        if escaped { out.append("\\") }
        return out
    }

    /// Lower-cased letters and digits only, without a leading `test`: "Test_Rejects second-timer" → "rejectssecondtimer".
    static func identifierKey(_ s: String) -> String {
        var key = String(s.lowercased().unicodeScalars.filter { CharacterClass.isAlnum($0) || $0.value >= 128 }.map(Character.init))
        if key.hasPrefix("test") && key.count > 4 { key.removeFirst(4) }
        return key
    }

    static func identifiers(in line: String) -> [String] {
        var result: [String] = []
        var current = ""
        for c in line.unicodeScalars {
            if CharacterClass.isAlnum(c) || c == "_" {
                current.unicodeScalars.append(c)
            } else {
                if current.count > 3 { result.append(current) }
                current = ""
            }
        }
        if current.count > 3 { result.append(current) }
        return result
    }

    /// Test names the added lines declare: Go `func TestX`, `t.Run("…")`, Swift `@Test func x` /
    /// `func testX`, Rust `fn x` after `#[test]`, JS `it("…")`/`test("…")`, Python `def test_x`.
    public static func declaredTests(in lines: [String]) -> [String] {
        var names: [String] = []
        var rustTestPending = false
        for raw in lines {
            let line = raw.trimming(" \t")
            if line.hasPrefix("#[test]") || line.hasPrefix("#[tokio::test") {
                rustTestPending = true
                continue
            }
            if let name = after(line, "func Test") { names.append("Test" + name) }
            else if let name = after(line, "func test") { names.append("test" + name) }
            else if let name = after(line, "def test") { names.append("test" + name) }
            else if rustTestPending, let name = after(line, "fn ") { names.append(name) }
            else if line.contains("@Test"), let name = after(line, "func ") { names.append(name) }
            for marker in ["t.Run(\"", "it(\"", "test(\"", "it('", "test('", "describe(\"", "@Test(\""] {
                if let range = line.firstRange(of: marker) {
                    let rest = line[range.upperBound...]
                    let quote: Character = marker.hasSuffix("'") ? "'" : "\""
                    if let end = rest.firstIndex(of: quote) { names.append(String(rest[..<end])) }
                }
            }
            if !line.isEmpty && !line.hasPrefix("#[") { rustTestPending = false }
        }
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    private static func after(_ line: String, _ prefix: String) -> String? {
        guard let range = line.firstRange(of: prefix) else { return nil }
        let name = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }
}
