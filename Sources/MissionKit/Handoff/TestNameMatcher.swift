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

        public init(_ lines: [String]) {
            lowercasedText = lines.joined(separator: "\n").lowercased()
            keys = Set(lines.flatMap { TestNameMatcher.identifiers(in: $0).map(TestNameMatcher.identifierKey) })
        }

        public func contains(_ name: String) -> Bool {
            if lowercasedText.contains(name.lowercased()) { return true }
            let key = TestNameMatcher.identifierKey(name)
            return !key.isEmpty && keys.contains(key)
        }
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
                if let range = line.range(of: marker) {
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
        guard let range = line.range(of: prefix) else { return nil }
        let name = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }
}
