import MissionKit
import Testing

/// missionctl's own JSON reader (issue 28: Foundation's took 1.27 GB for a 3.9 MB file): strict
/// RFC 8259, positions for every value and error, repeated keys with their path.
@Suite struct JSONTreeTests {
    static func parse(_ text: String) throws(JSONDocument.SyntaxError) -> JSONDocument { try JSONDocument(bytes: Array(text.utf8)) }

    @Test func valuesKeepTheirShapes() throws {
        let doc = try Self.parse(#"{"s": "a\"b\\c\n\u00e9\ud83d\ude00", "i": -42, "big": 9223372036854775807, "f": 2.0, "x": 1.5e3, "t": true, "n": null, "a": [1, "2", {}]}"#)
        let o = try #require(JSONObject(doc.root))
        #expect(o["s"]?.string == "a\"b\\c\né😀")
        #expect(o.integer("i") == -42 && o.integer("big") == Int.max && o.integer("f") == 2)
        #expect(o.integer("x") == 1500 && o["x"]?.double == 1500)
        #expect(o["t"]?.bool == true && o.integer("t") == nil && o["t"]?.string == nil)
        #expect(o["n"]?.isNull == true && !o.has("n") && o.has("t"))
        let a = try #require(o.array("a"))
        #expect(a.count == 3 && a[0].integer == 1 && a[1].string == "2" && a[2].kind == .object)
        #expect(o.keys == ["s", "i", "big", "f", "x", "t", "n", "a"])
    }

    @Test func aLoneSurrogateReadsAsReplacementCharacter() throws {
        #expect(try Self.parse(#""\ud800x""#).root.string == "\u{FFFD}x")
    }

    @Test(arguments: [
        ("{\n  \"a\": 1,\n  \"b\": ]\n}", 3, 8, "expected a value, found `]`"),
        ("[1, 2", 1, 6, "an array is not closed"),
        ("{\"a\" 1}", 1, 6, "expected `:`"),
        ("{\"a\": 1 \"b\": 2}", 1, 9, "expected `,` or `}`"),
        ("[01]", 1, 2, "no leading zeros"),
        ("[1.]", 1, 4, "a digit must follow `.`"),
        ("\"tab\there\"", 1, 5, "control character"),
        ("\"\\x\"", 1, 3, "invalid escape"),
        ("[\"é\", tru]", 1, 7, "expected a value"),
        ("{} {}", 1, 4, "after the JSON value"),
        ("", 1, 1, "a value is missing"),
        ("{\"a\": \"unterminated}", 1, 7, "unterminated string"),
    ])
    func syntaxErrorsSayWhatAndWhere(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try Self.parse(text)
            Issue.record("expected a syntax error for \(text)")
        } catch {
            #expect(error.location == SourceLocation(line: line, column: column), "\(error.message)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func invalidUTF8IsASyntaxError() {
        #expect(throws: JSONDocument.SyntaxError.self) { try JSONDocument(bytes: [0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONDocument.SyntaxError.self) { try JSONDocument(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22]) }  // a surrogate
        #expect(throws: JSONDocument.SyntaxError.self) { try JSONDocument(bytes: [0x22, 0xC0, 0xAF, 0x22]) }  // overlong
    }

    /// Hostile nesting is refused with a message, never a stack overflow.
    @Test func deepNestingIsRefused() {
        do {
            _ = try JSONDocument(bytes: Array(repeating: UInt8(ascii: "["), count: 100_000))
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.message.contains("nest deeper than"))
        }
        #expect((try? Self.parse(String(repeating: "[", count: 500) + String(repeating: "]", count: 500))) != nil)
    }

    @Test func repeatedKeysAreReportedWithTheirPath() throws {
        let doc = try Self.parse("{\"a\": [{\"k\": 1, \"k\": 2}], \"b\": {\"x\": {}, \"x\": 3}}")
        #expect(doc.duplicateKeys.map(\.path) == ["$.a[0].k", "$.b.x"])
        #expect(doc.duplicateKeys.map(\.location) == [SourceLocation(line: 1, column: 17), SourceLocation(line: 1, column: 42)])
        #expect(JSONObject(doc.root)?.object("b")?.integer("x") == 3)  // the last one, as JSON readers keep
    }

    @Test func pathsFindKeysWithDotsAndTheNearestAncestor() throws {
        let doc = try Self.parse("{\"assertions\": {\"VAL.A-001\": {\"status\": \"x\"}, \"VAL\": 1}}")
        #expect(doc.location("$.assertions.VAL.A-001.status") == SourceLocation(line: 1, column: 41))
        #expect(doc.location("$.assertions.VAL") == SourceLocation(line: 1, column: 54))
        #expect(doc.location("$.assertions.nope") == SourceLocation(line: 1, column: 16))
        #expect(doc.location("$.assertions[3]") == SourceLocation(line: 1, column: 16))
    }

    /// Columns count characters, also far into a minified one-line file.
    @Test func columnsCountCharactersOnLongLines() throws {
        let items = (0..<3000).map { "\"é\($0)\"" }.joined(separator: ",")
        let doc = try Self.parse("[" + items + "]")
        let last = try #require(doc.root.element(2999))
        let prefix = "[" + (0..<2999).map { "\"é\($0)\"" }.joined(separator: ",") + ","
        #expect(doc.location(of: last) == SourceLocation(line: 1, column: prefix.count + 1))
        #expect(doc.location("$[2999]") == doc.location(of: last))
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let doc = try JSONDocument(bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        #expect(JSONObject(doc.root)?.integer("a") == 1)
        #expect(doc.location("$.a") == SourceLocation(line: 1, column: 7))
    }
}
