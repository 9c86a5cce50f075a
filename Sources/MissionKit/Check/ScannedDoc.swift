/// A Markdown file and the status blocks found in it.
public struct ScannedDoc: Sendable {
    /// Repo-relative path.
    public var path: String
    public var blocks: [StatusBlock]
    /// Set when the file could not be read.
    public var readError: String?

    /// Reads and scans one file; an unreadable file is recorded, not thrown.
    public static func scan(repoRoot: String, path: String) -> ScannedDoc {
        do {
            let bytes = try FileSystem.readBytes(repoRoot + "/" + path)
            return ScannedDoc(path: path, blocks: StatusBlockScanner.scan(SourceText(bytes: bytes)), readError: nil)
        } catch {
            return ScannedDoc(path: path, blocks: [], readError: error.message)
        }
    }
}
