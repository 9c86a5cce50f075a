import Foundation
import MissionKit
import Testing

/// Input written by agents and pull requests, made to break the parsers (issue 15).
@Suite struct HostileInputTests {
    static let deepQuote = String(repeating: "> ", count: 50_000) + "Mission status\n"
    static let deepList = String(repeating: "- ", count: 50_000) + "x\n"

    @Test func deeplyNestedMarkdownIsWalkedWithoutRecursion() throws {
        var files = Fixture.valid
        files["docs/a.md"] = Self.deepQuote
        files["docs/unlisted.md"] = Self.deepList + Self.deepQuote
        files[".factory/validation-contract.md"] = Self.deepList + "\n### VAL-DOC-001: a\n"
        let report = try TempRepo(files).check(requireStatusBlocks: true)
        #expect(report.findings("missing-status-block").contains { $0.file == "docs/a.md" })
    }

    @Test func deeplyNestedYAMLIsAPositionedErrorNotACrash() throws {
        let services = "services:\n  " + String(repeating: "- ", count: 100_000) + "x\n"
        let skill = "---\nname: " + String(repeating: "[", count: 40_000) + "\n---\n"
        let repo = try TempRepo([".factory/services.yaml": services, ".factory/skills/deep/SKILL.md": skill])
        let repository = RepositoryFiles.load(root: repo.root, missionDirs: [])
        let report = MissionChecker.check(repository: repository, missions: [])
        let invalid = report.findings("invalid-services-file")
        #expect(invalid.count == 1 && invalid[0].line == 2 && invalid[0].message.contains("deeper than"))
        #expect(report.findings("invalid-skill-front-matter").first?.message.contains("deeper than") == true)
    }

    @Test func deepFlowCollectionsAreRefusedBeforeLibyamlSeesThem() throws {
        let start = Date()
        let yaml = "a: " + String(repeating: "[", count: 40_000) + String(repeating: "]", count: 40_000) + "\n"
        #expect(throws: YAMLParser.SyntaxError.self) { try YAMLParser.parse(Array(yaml.utf8)) }
        // Brackets inside quotes and comments do not count.
        let quoted = "a: '" + String(repeating: "[", count: 300) + "' # " + String(repeating: "{", count: 300) + "\n"
        #expect(try YAMLParser.parse(Array(quoted.utf8))["a"]?.string?.count == 300)
        #expect(Date().timeIntervalSince(start) < 60)  // a hang would be minutes; this only bounds the test
    }
}

@Suite struct OutputInjectionTests {
    let forged = Finding(
        rule: "claimed-file-not-in-commit", severity: .error, file: "handoffs/h\r\n::error file=x.md.json", line: 4, column: 2,
        message: "the handoff says \"done\r\n::error file=README.md,line=1::forged\u{1B}[2J\u{7}\"", hint: "100%\u{202E}txt")

    @Test func githubOutputCannotBeMadeToStartAForgedCommand() {
        let out = GitHubReporter.render(DiagnosticsReport(findings: [forged], notes: ["note\r\n::warning::x"]))
        let commandLines = out.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("::") }
        #expect(commandLines.count == 2)  // the finding and the notice, nothing forged
        #expect(!out.unicodeScalars.contains { $0 == "\r" || $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" })
        #expect(out.contains("100%25"))
    }

    @Test func textOutputPrintsNoRawControlCharacters() {
        let out = TextReporter(color: false).render(DiagnosticsReport(findings: [forged], notes: ["a\u{1B}]0;title\u{7}"]))
        #expect(!out.unicodeScalars.contains { $0 == "\r" || $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" })
        #expect(out.contains("\\u{1B}"))
        // A forged line cannot start at the left margin either.
        #expect(!out.split(separator: "\n").contains { $0.hasPrefix("::") })
    }

    @Test func statusValuesWithControlCharactersAreRefused() {
        for value in ["a\r\nb", "a\rb", "x\u{1B}[31m", "bell\u{7}", "rtl\u{202E}", "a\u{2028}b"] {
            let update = StatusUpdate(todo: value)
            #expect(throws: StatusEditError.self) { try update.validated() }
        }
        #expect(throws: Never.self) { try StatusUpdate(todo: "wire the `stop` route — 100%\tnow").validated() }
    }
}

@Suite struct GlobTests {
    /// The plain recursive definition, exponential but obviously right: the reference.
    static func reference(_ p: [Character], _ s: [Character]) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        switch c {
        case "*": return (0...s.count).contains { reference(Array(p.dropFirst()), Array(s.dropFirst($0))) }
        case "?": return !s.isEmpty && reference(Array(p.dropFirst()), Array(s.dropFirst()))
        default: return s.first == c && reference(Array(p.dropFirst()), Array(s.dropFirst()))
        }
    }

    @Test func agreesWithTheRecursiveDefinitionOnRandomSegments() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "b", "*", "?"]
        for _ in 0..<3000 {
            let p = (0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let s = (0..<Int.random(in: 1...7, using: &rng)).map { _ in ["a", "b"].randomElement(using: &rng)! as Character }
            #expect(Glob(String(p)).matches(String(s)) == Self.reference(p, s), "\(String(p)) vs \(String(s))")  // paths are never empty
        }
    }

    @Test func segmentsAndGlobstars() {
        #expect(Glob("docs/**/x/*.md").matches("docs/a/b/x/c.md"))
        #expect(Glob("docs/**/x/*.md").matches("docs/x/c.md"))
        #expect(!Glob("docs/**/x/*.md").matches("docs/x/y/c.md"))
        #expect(Glob("**").matches("a/b/c"))
        #expect(Glob("docs/[!a]*.md").matches("docs/b.md") && !Glob("docs/[!a]*.md").matches("docs/a.md"))
        #expect(Glob("docs/[.md").matches("docs/[.md"))
    }

    @Test func pathologicalPatternsTakeLinearTime() {
        let start = Date()
        let name = "docs/" + String(repeating: "a", count: 60) + ".md"
        #expect(!Glob("docs/*a*a*a*a*a*a*b").matches(name))
        let deep = (0..<40).map { _ in "a" }.joined(separator: "/")
        #expect(!Glob(Array(repeating: "**", count: 20).joined(separator: "/") + "/b").matches(deep))
        #expect(Date().timeIntervalSince(start) < 5)  // the old matcher took over a minute; this bounds a hang only
    }
}

@Suite struct LineModelTests {
    static let crDoc = "# Doc\rIntro\rtext\r\r> Mission status\r> Agent: a\r> Status: partial\r> Current code differences: none\r> Todo: x\r> Fully implemented: no\r"

    @Test func aLoneCRIsALineBreakAsForCmark() throws {
        let text = SourceText(Self.crDoc)
        #expect(text.lineCount == 10)
        #expect(text.line(5) == "> Mission status")
        #expect(text.lineEnding == "\r")
        let blocks = StatusBlockScanner.scan(text)
        #expect(blocks.count == 1 && blocks.first?.headerLine == 5)
    }

    @Test func statusSetEditsTheBlockOfACRFileInsteadOfAddingOne() throws {
        let result = try StatusBlockEditor.set(StatusUpdate(todo: "y"), in: SourceText(Self.crDoc), file: "a.md", mergeDuplicates: false)
        let out = String(decoding: result.bytes, as: UTF8.self)
        #expect(out == Self.crDoc.replacingOccurrences(of: "> Todo: x\r", with: "> Todo: y\r"))
        #expect(out.components(separatedBy: "Mission status").count == 2)
    }

    @Test func mixedLineEndingsAgreeWithCmarkLineNumbers() {
        let text = SourceText("a\r\nb\rc\nd")
        #expect((1...4).map { text.line($0) } == ["a", "b", "c", "d"])
    }
}

@Suite struct LargeFileTests {
    @Test func hugeDocsAreBoundedNotReadWhole() throws {
        var files = Fixture.valid
        files["docs/a.md"] = "# A\n\n" + Fixture.block()
        let repo = try TempRepo(files)
        // A 1 GiB sparse file outside the closed set, and one over the limit inside it.
        for (path, size) in [("docs/huge-unlisted.md", 1 << 30), ("docs/b.md", FileSystem.maxFileBytes + 1)] {
            let fd = open(repo.root + "/" + path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(fd >= 0 && ftruncate(fd, off_t(size)) == 0)
            close(fd)
        }
        // 2 MiB that never mention a block: searched in chunks, never parsed.
        try repo.write("docs/big-unlisted.md", String(repeating: "lorem ipsum dolor sit amet\n", count: 80_000))
        let start = Date()
        let report = repo.check(requireStatusBlocks: true)
        #expect(Date().timeIntervalSince(start) < 30)  // reading 1 GiB whole took minutes; this bounds a hang only
        let unreadable = report.findings("unreadable-source-doc")
        #expect(unreadable.count == 1 && unreadable[0].file == "docs/b.md" && unreadable[0].message.contains("MiB limit"))
        #expect(!report.findings.contains { $0.file == "docs/huge-unlisted.md" || $0.file == "docs/big-unlisted.md" })
    }
}
