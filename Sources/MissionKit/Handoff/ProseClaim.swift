/// A repository path named in handoff prose, in backticks or bare (`Created the report at
/// .factory/validation/x/synthesis.json`), and what the sentence says of it.
public struct ProseClaim: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// "updated `x`", "added `x`", "`x` was refreshed": the commit must change it.
        case changed
        /// "verified that `x` …", "read `x`": no claim about the commit.
        case verified
        /// "no changes to `x`", "did not touch `x`", "`x` is unchanged": the sentence says it was
        /// left alone, which claims nothing about the commit.
        case untouched
        /// Neither: worth a warning when it names nothing that exists (a dangling reference).
        case mentioned
    }

    public var path: String
    public var kind: Kind
    public var sentence: String

    static let changeVerbs: Set<String> = [
        "updated", "update", "updates", "added", "add", "adds", "changed", "change", "changes", "created", "create",
        "creates", "fixed", "fix", "fixes", "refreshed", "refresh", "refreshes", "removed", "remove", "removes", "renamed",
        "rename", "renames", "modified", "modify", "modifies", "edited", "edit", "edits", "wrote", "write", "writes",
        "rewrote", "rewrite", "rewrites", "deleted", "delete", "deletes", "moved", "move", "moves", "replaced",
        "introduced", "extended", "refactored", "implemented", "documented", "adjusted", "tightened", "reworked",
    ]
    static let verifyVerbs: Set<String> = [
        "verified", "verify", "verifies", "confirmed", "confirm", "confirms", "checked", "check", "checks", "read",
        "reads", "reviewed", "review", "inspected", "inspect", "consulted", "relied", "rely", "ran", "run", "runs",
        "reran", "observed", "validated", "validate", "audited", "compared", "examined", "established", "exists",
        "existing", "unchanged", "untouched", "referenced",
    ]

    /// Extracts the path claims of a prose field. A bare word is a path when it has a slash and
    /// a known file extension, or a slash and `exists` says the repository has it.
    ///
    /// A path without a file extension (`feature/x`, `origin/main`, `Sources/App`) counts only when
    /// `exists` says so; globs and `dir/...` patterns always count, and nothing under `.git/` does.
    public static func extract(from prose: String, exists: (String) -> Bool = { _ in false }) -> [ProseClaim] {
        var claims: [ProseClaim] = []
        for sentence in sentences(prose) {
            let tokens = tokenize(sentence, exists: exists)
            for (index, token) in tokens.enumerated() {
                guard case .code(let span) = token, let path = repoPath(span) else { continue }
                if !hasKnownExtension(path), !path.hasSuffix("/..."), !Glob.isPattern(path), !exists(path) { continue }
                claims.append(ProseClaim(path: path, kind: classify(tokens, at: index), sentence: sentence))
            }
        }
        return claims
    }

    /// `extract` with every path-like word taken for a path: the claims the prose can make, and
    /// every path whose existence decides it, so that one git call can answer them all.
    public static func candidates(in prose: String) -> (claims: [ProseClaim], questions: Set<String>) {
        var asked: Set<String> = []
        let claims = extract(from: prose) { asked.insert($0); return true }
        return (claims, asked.union(claims.map(\.path)))
    }

    static func hasKnownExtension(_ path: String) -> Bool {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = last.lastIndex(of: ".") else { return false }
        return knownExtensions.contains(String(last[last.index(after: dot)...]).lowercased())
    }

    enum Token: Equatable {
        case word(String)
        case code(String)
        case clauseBreak
    }

    /// Words that, before a path in its clause, say the path was left alone ("no changes to",
    /// "did not touch", "without modifying", "deliberately skipped").
    static let negators: Set<String> = [
        "no", "not", "never", "without", "nor", "didn't", "didnt", "don't", "doesn't", "haven't", "hasn't", "wasn't",
        "weren't", "won't", "skipped", "skip", "avoided", "avoid", "excluded",
    ]
    /// Words that, right after a path, say it was left alone ("`x` is unchanged", "left `x` untouched").
    static let unchangedWords: Set<String> = ["unchanged", "untouched", "unmodified", "intact", "alone"]

    /// Negation first ("no changes to `x`", "`x` is unchanged"); then the verb nearest before the
    /// path within its clause decides; failing that, the first after.
    static func classify(_ tokens: [Token], at index: Int) -> Kind {
        // "`x` is unchanged", "`x` was not modified", "left `x` untouched": the next few words.
        var ahead = 0
        var j = index + 1
        while j < tokens.count, ahead < 4, case .word(let w) = tokens[j] {
            if unchangedWords.contains(w) { return .untouched }
            if w == "not" || w == "never", j + 1 < tokens.count, case .word(let v) = tokens[j + 1], changeVerbs.contains(v) || v == "touched" {
                return .untouched
            }
            ahead += 1
            j += 1
        }
        var i = index - 1
        while i >= 0 {
            if tokens[i] == .clauseBreak {
                // "No changes to `a`, `b`": a list of paths shares the clause of its first item.
                guard i > 0, case .code = tokens[i - 1], case .code = tokens[i + 1] else { break }
                i -= 1
                continue
            }
            if case .word(let w) = tokens[i] {
                if negators.contains(w) { return .untouched }
                if changeVerbs.contains(w) { return negated(tokens, before: i) ? .untouched : .changed }
                if verifyVerbs.contains(w) { return .verified }
            }
            i -= 1
        }
        // "… and updated `x`": the clause before a conjunction counts as one clause with the path.
        i = index + 1
        while i < tokens.count {
            if tokens[i] == .clauseBreak { break }
            if case .word(let w) = tokens[i] {
                if changeVerbs.contains(w) { return .changed }
                if verifyVerbs.contains(w) { return .verified }
            }
            i += 1
        }
        // No verb in the clause: fall back to the sentence's first verb.
        for token in tokens {
            if case .word(let w) = token {
                if verifyVerbs.contains(w) { return .verified }
                if changeVerbs.contains(w) { return .changed }
            }
        }
        return .mentioned
    }

    /// Whether one of the two words before a change verb negates it ("no changes", "did not update").
    static func negated(_ tokens: [Token], before verb: Int) -> Bool {
        for k in stride(from: verb - 1, through: max(0, verb - 2), by: -1) {
            guard case .word(let w) = tokens[k] else { return false }
            if negators.contains(w) { return true }
        }
        return false
    }

    /// Splits on `.`, `!`, `?`, `;` followed by white space, and on line breaks, never inside code spans.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inCode = false
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if c == "`" { inCode.toggle() }
            if !inCode && (c == "\n" || ((c == "." || c == "!" || c == "?" || c == ";") && (i + 1 == chars.count || chars[i + 1] == " " || chars[i + 1] == "\n"))) {
                if c != "\n" { current.append(c) }
                let s = current.trimming(" \t")
                if !s.isEmpty { result.append(s) }
                current = ""
            } else {
                current.append(c)
            }
        }
        let s = current.trimming(" \t")
        if !s.isEmpty { result.append(s) }
        return result
    }

    static let clauseWords: Set<String> = ["but", "while", "whereas", "although", "which"]

    /// Words (lower-cased), code spans and bare paths, and clause breaks (`,`, `:`, `(`, `)`,
    /// " but ", " while ").
    static func tokenize(_ sentence: String, exists: (String) -> Bool = { _ in false }) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var code: String?
        func flush() {
            if !word.isEmpty {
                let w = word.lowercased()
                tokens.append(clauseWords.contains(w) ? .clauseBreak : .word(w))
                word = ""
            }
        }
        let chars = Array(sentence)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            i += 1
            // A bare path starts a whitespace-delimited chunk outside code spans.
            if code == nil, word.isEmpty, c != "`", i == 1 || chars[i - 2].isWhitespace || "(\"'".contains(chars[i - 2]) {
                var end = i - 1
                while end < chars.count, !chars[end].isWhitespace, chars[end] != "`" { end += 1 }
                let chunk = String(chars[(i - 1)..<end])
                if let path = barePath(chunk, exists: exists) {
                    tokens.append(.code(path))
                    // Punctuation after the path still breaks the clause.
                    if let last = chunk.last, ",:()".contains(last) { tokens.append(.clauseBreak) }
                    i = end
                    continue
                }
            }
            if c == "`" {
                if let span = code {
                    tokens.append(.code(span))
                    code = nil
                } else {
                    flush()
                    code = ""
                }
            } else if code != nil {
                code!.append(c)
            } else if c.isLetter || c == "'" || c == "\u{2019}" || c == "-" {
                word.append(c == "\u{2019}" ? "'" : c)
            } else {
                flush()
                if c == "," || c == ":" || c == "(" || c == ")" { tokens.append(.clauseBreak) }
            }
        }
        flush()
        return tokens
    }

    /// A bare word that names a repository path: surrounding quotes, brackets and sentence
    /// punctuation removed, a slash inside, and a known extension or an existing path.
    static func barePath(_ chunk: String, exists: (String) -> Bool) -> String? {
        var trimmed = Substring(chunk)
        while let f = trimmed.first, "\"'([{<*".contains(f) { trimmed = trimmed.dropFirst() }
        while let l = trimmed.last, "\"')]}>,;:!?.*".contains(l) { trimmed = trimmed.dropLast() }
        guard trimmed.contains("/"), !trimmed.contains("://"), let path = repoPath(String(trimmed)) else { return nil }
        let last = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = last.lastIndex(of: "."), knownExtensions.contains(String(last[last.index(after: dot)...]).lowercased()) {
            return path
        }
        return exists(path) ? path : nil
    }

    static let knownExtensions: Set<String> = [
        "md", "markdown", "go", "rs", "swift", "ts", "tsx", "js", "jsx", "py", "rb", "java", "kt", "c", "h", "cc", "cpp",
        "hpp", "json", "yaml", "yml", "toml", "sql", "sh", "txt", "html", "css", "scss", "proto", "mod", "sum", "lock",
        "xml", "cfg", "ini", "env", "tf", "vue", "svelte", "cs", "php", "ex", "exs", "erl", "hs", "ml", "zig", "lua",
    ]

    /// A code span that names a repository path (`docs/x.md`, `internal/tracking/...`, `Makefile`
    /// with a slash, `main.go`), not a command, route or value.
    static func repoPath(_ span: String) -> String? {
        var s = span.trimming(" ")
        guard !s.isEmpty, !s.contains(" "), !s.hasPrefix("/"), !s.hasPrefix("-"), !s.contains("://"), !s.contains("=")
        else { return nil }
        while s.hasPrefix("./") { s.removeFirst(2) }
        // git's own files and refs are never repository files: `.git/HEAD`, `refs/heads/x`, `root.path/.git/`.
        if s.split(separator: "/").contains(where: { $0 == ".git" }) || s.hasPrefix("refs/") { return nil }
        let allowed = s.unicodeScalars.allSatisfy { c in
            (c.value < 128 && (CharacterClass.isAlnum(c) || "._-/*?[]{}@+".unicodeScalars.contains(c))) || c.value >= 128
        }
        guard allowed else { return nil }
        if s.hasSuffix("/...") { return s }
        let last = s.split(separator: "/").last.map(String.init) ?? s
        if let dot = last.lastIndex(of: "."), knownExtensions.contains(String(last[last.index(after: dot)...]).lowercased()) {
            return s
        }
        // A folder-like path with at least two segments (`internal/tracking/`).
        if s.contains("/"), s.split(separator: "/").count >= 2, !s.contains("("), !s.hasSuffix(".") { return s }
        return nil
    }
}

enum CharacterClass {
    static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
    }
}
