/// A Markdown file and the status blocks found in it.
public struct ScannedDoc: Sendable {
    /// Repo-relative path.
    public var path: String
    public var blocks: [StatusBlock]
    /// Set when the file could not be read.
    public var readError: String?
    /// Whether the file holds a `missionctl-` suppression comment (checked while its bytes are read).
    public var mentionsSuppression = false
    /// Lines that read "Mission status" but are not the header (look-alike characters).
    public var lookalikes: [LookalikeHeader] = []
    /// Set when the file is UTF-16 or UTF-32: its blocks cannot be read.
    public var unsupportedEncoding: String?

    /// Scans a file that is in no closed set: one over 1 MiB is first searched for "Mission status"
    /// in chunks, and read whole only when it mentions it (a huge unlisted file is never held in
    /// memory); one over the size limit is recorded as unreadable without reading a byte.
    /// Look-alike headers are not looked for: only listed docs are judged by them.
    public static func scanIfMentioned(repoRoot: String, path: String) -> ScannedDoc {
        scan(repoRoot: repoRoot, path: path, searchFirstAbove: 1 << 20, lookalikes: false)
    }

    /// Reads and scans one file (a listed doc: look-alike headers too); an unreadable file is
    /// recorded, not thrown.
    public static func scan(repoRoot: String, path: String) -> ScannedDoc {
        scan(repoRoot: repoRoot, path: path, searchFirstAbove: Int.max, lookalikes: true)
    }

    static func scan(repoRoot: String, path: String, searchFirstAbove threshold: Int, lookalikes: Bool) -> ScannedDoc {
        do {
            guard let bytes = try FileSystem.readBytes(repoRoot + "/" + path, largerThan: threshold, mentioning: "mission status")
            else { return ScannedDoc(path: path, blocks: [], readError: nil) }
            if let encoding = TextEncoding.unsupported(bytes) {
                var doc = ScannedDoc(path: path, blocks: [], readError: nil)
                doc.unsupportedEncoding = encoding
                return doc
            }
            let suppressions = Suppressions.mayBeIn(bytes)
            let mentions = SourceText.containsASCIICaseInsensitive(bytes, "mission status")
            // Most docs never mention a block and are ASCII: no line index, no parse. A look-alike
            // header need not hold the ASCII words, but only non-ASCII text can hold one.
            guard mentions || (lookalikes && SourceText.containsNonASCII(bytes)) else {
                return ScannedDoc(path: path, blocks: [], readError: nil, mentionsSuppression: suppressions)
            }
            let text = SourceText(bytes: bytes)
            return ScannedDoc(
                path: path, blocks: mentions ? StatusBlockScanner.scan(text) : [], readError: nil, mentionsSuppression: suppressions,
                lookalikes: lookalikes ? LookalikeHeader.find(in: text) : [])
        } catch {
            return ScannedDoc(path: path, blocks: [], readError: error.message)
        }
    }
}
