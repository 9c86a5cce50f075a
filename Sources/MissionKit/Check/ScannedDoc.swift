#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Markdown file and the status blocks found in it.
public struct ScannedDoc: Sendable {
    /// Repo-relative path.
    public var path: String
    public var blocks: [StatusBlock]
    /// Set when the file could not be read.
    public var readError: String?

    /// Scans a file that is in no closed set: one over 1 MiB is first searched for "Mission status"
    /// in chunks, and read whole only when it mentions it (a huge unlisted file is never held in
    /// memory); one over the size limit is recorded as unreadable without reading a byte.
    public static func scanIfMentioned(repoRoot: String, path: String) -> ScannedDoc {
        var st = stat()
        let absolute = repoRoot + "/" + path
        if stat(absolute, &st) == 0 {
            let size = Int(st.st_size)
            if size > FileSystem.maxFileBytes {
                return ScannedDoc(path: path, blocks: [], readError: "\(absolute): is \(size / 1024 / 1024) MiB, over the \(FileSystem.maxFileBytes / 1024 / 1024) MiB limit for files missionctl reads")
            }
            if size > 1 << 20, !FileSystem.mentions(absolute, "mission status") {
                return ScannedDoc(path: path, blocks: [], readError: nil)
            }
        }
        return scan(repoRoot: repoRoot, path: path)
    }

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
