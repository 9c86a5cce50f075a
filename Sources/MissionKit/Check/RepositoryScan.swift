/// The repository's files, walked once, and its Markdown files scanned for status blocks once:
/// shared by every mission of a run, whose closed sets differ but whose repository does not.
public struct RepositoryScan: Sendable {
    public var root: String
    /// Every file of the repository (as `FileSystem.walk` lists them).
    public var files: [String]
    /// Every Markdown file of `files`, scanned (a large one only when it mentions "Mission status").
    public var docs: [String: ScannedDoc]

    /// Scans the Markdown files of `files` (a walk of `root`) in parallel; `listed` (the closed
    /// sets' docs) are also searched for look-alike headers.
    public init(root: String, files: [String], listed: Set<String> = []) {
        self.root = root
        self.files = files
        let markdown = files.filter(FileSystem.isMarkdown)
        let scanned = Parallel.map(markdown) { path in
            listed.contains(path) ? ScannedDoc.scan(repoRoot: root, path: path) : ScannedDoc.scanIfMentioned(repoRoot: root, path: path)
        }
        docs = Dictionary(scanned.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }


    /// The scanned doc at `path`, scanning it now when the walk did not reach it (a listed doc
    /// inside a nested project folder).
    public func doc(_ path: String) -> ScannedDoc {
        docs[path] ?? ScannedDoc.scan(repoRoot: root, path: path)
    }
}
