/// `check --fix`: the lossless fixes (`StatusBlockEditor.fix`) applied to every Markdown doc of
/// the missions' closed sets, each doc once. A doc that cannot be fixed (it became a folder or a
/// FIFO after the walk, lost its permission, is UTF-16) is a finding, never the end of the run.
public struct ListedDocFixer {
    /// What one run changed and what it could not.
    public struct Outcome: Sendable {
        public var changedDocs = 0
        /// One `unreadable-source-doc` finding per doc that could not be read or written.
        public var findings: [Finding] = []
    }

    public var repo: String
    /// Called with each doc's repo-relative path just before it is read: a test seam that makes
    /// a doc change kind between the walk and the fix, deterministically.
    public var beforeEach: ((String) -> Void)?

    public init(repo: String, beforeEach: ((String) -> Void)? = nil) {
        self.repo = repo
        self.beforeEach = beforeEach
    }

    /// Fixes every doc, handing `say` a `fixed docs/a.md: …` or `not fixed docs/a.md:LINE: …`
    /// line as each is known (a doc of 40,000 blocks has as many lines, not kept for the end).
    public func fix(_ missions: [Mission], say: (String) -> Void) -> Outcome {
        var outcome = Outcome()
        var seen: Set<String> = []
        let files = FileSystem.walk(repo)
        for mission in missions {
            // Fixing a doc without a block changes nothing, so every listed doc can go through fix().
            for doc in MissionChecker.closedSet(mission, files: files).markdown where seen.insert(doc).inserted {
                beforeEach?(doc)
                do {
                    let (changes, skipped): ([String], [String]) = try AtomicFile.update(repo + "/" + doc) { text in
                        let result = StatusBlockEditor.fix(text)
                        return ((result.changes, result.skipped), result.isUnchanged ? nil : result.bytes)
                    }
                    for reason in skipped { say("not fixed \(doc):\(reason)") }
                    guard !changes.isEmpty else { continue }
                    outcome.changedDocs += 1
                    say("fixed \(doc): \(changes.joined(separator: "; "))")
                } catch {
                    let message = (error as? MissionError)?.message ?? "\(error)"
                    say("not fixed \(doc): \(message)")
                    outcome.findings.append(
                        UnreadableSourceDocRule.descriptor.finding(
                            doc, message: "--fix could not update this doc: \(FileSystem.relativePath(message, to: repo))",
                            hint: "List a regular, readable Markdown file, then run check --fix again."))
                }
            }
        }
        return outcome
    }
}
