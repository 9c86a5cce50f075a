import MissionKit
import Testing

@Suite struct ParserTests {
    @Test func yamlKeepsLinesAndColumns() throws {
        let node = try YAMLParser.parse(Array("a:\n  b: [1, two]\n  c: &x {d: 3}\n  e: *x\n".utf8))
        let b = try #require(node["a"]?["b"]?.sequence)
        #expect(b[1].string == "two")
        #expect(b[1].location == SourceLocation(line: 2, column: 10))
        #expect(node["a"]?["e"]?["d"]?.int == 3)
    }

    @Test func yamlSyntaxErrorHasPosition() {
        #expect(throws: YAMLParser.SyntaxError.self) { try YAMLParser.parse(Array("a: [1,\nb: 2\n".utf8)) }
        do {
            _ = try YAMLParser.parse(Array("key: \"unterminated\n".utf8))
        } catch {
            #expect(error.location.line >= 1)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func jsonLocatesValuesByPath() throws {
        let doc = try JSONDocument(bytes: Array("{\n  \"features\": [\n    {\"id\": \"x\", \"fulfills\": [\"A\", \"B\"]}\n  ]\n}".utf8))
        #expect(doc.location("$.features[0].fulfills[1]") == SourceLocation(line: 3, column: 35))
        #expect(doc.location("$.features[0].missing") == SourceLocation(line: 3, column: 5))
    }

    @Test func jsonSyntaxErrorHasLine() {
        do {
            _ = try JSONDocument(bytes: Array("{\n\"a\": 1,\n\"b\": ]\n}".utf8))
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.location.line == 3)
        }
    }

    @Test func globs() {
        #expect(Glob("docs/research/toggl-timer-*.md").matches("docs/research/toggl-timer-a.md"))
        #expect(!Glob("docs/*.md").matches("docs/sub/a.md"))
        #expect(Glob("docs/**/*.md").matches("docs/sub/deep/a.md"))
        #expect(Glob("docs/**/*.md").matches("docs/a.md"))
        #expect(Glob("docs/[ab].md").matches("docs/b.md") && !Glob("docs/[ab].md").matches("docs/c.md"))
    }
}
