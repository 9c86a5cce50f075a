import Foundation

/// File reading and repository walking, kept in one place so errors read the same everywhere.
public enum FileSystem {
    /// Reads a whole file, or throws a `MissionError` naming it.
    public static func readBytes(_ path: String) throws(MissionError) -> [UInt8] {
        // POSIX reads straight into the array: no Data bridge, no second copy.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw MissionError("\(path): cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw MissionError("\(path): cannot be read") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw MissionError("\(path): is a folder, expected a file") }
        var result = [UInt8](repeating: 0, count: max(0, Int(st.st_size)))
        var filled = 0
        while true {
            if filled == result.count { result.append(contentsOf: repeatElement(0, count: max(4096, filled))) }
            let n = result.withUnsafeMutableBytes { buf in read(fd, buf.baseAddress! + filled, buf.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw MissionError("\(path): read failed (\(String(cString: strerror(errno))))")
            }
            if n == 0 { break }
            filled += n
        }
        result.removeSubrange(filled...)
        return result
    }

    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Whether `path` is a regular file (after following symlinks): never a FIFO, device or folder.
    public static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Folder names never descended into when looking for Markdown files.
    static let skippedFolders: Set<String> = [".git", ".build", "node_modules", ".swiftpm", ".hg", ".svn"]

    /// All regular files below `root`, as paths relative to it, sorted.
    ///
    /// Skips VCS folders, build folders (`.build`, `.build-*`), `node_modules`, the runtime
    /// state folder `.factory/run`, and nested projects: a subfolder with its own `.git` or
    /// `.factory` (a vendored repository, a test fixture) belongs to that project, not this one.
    public static func walk(_ root: String) -> [String] {
        var result: [String] = []
        walk(root: root, relative: "", into: &result)
        return result.sorted()
    }

    private static func walk(root: String, relative: String, into result: inout [String]) {
        let dirPath = relative.isEmpty ? root : root + "/" + relative
        guard let dir = opendir(dirPath) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let rel = relative.isEmpty ? name : relative + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var st = stat()
                if stat(root + "/" + rel, &st) == 0 {
                    type = (st.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if entry.pointee.d_type == UInt8(DT_LNK), type == UInt8(DT_DIR) { continue }  // no link loops
            }
            if type == UInt8(DT_DIR) {
                if skippedFolders.contains(name) || name.hasPrefix(".build-") || name.hasPrefix(".build_") {
                    continue
                }
                if rel == ".factory/run" { continue }
                let sub = root + "/" + rel
                if exists(sub + "/.git") || isDirectory(sub + "/.factory") { continue }
                walk(root: root, relative: rel, into: &result)
            } else if type == UInt8(DT_REG) {
                result.append(rel)
            }
        }
    }

    /// `path` relative to `base` when it lies below it, else `path` unchanged.
    public static func relativePath(_ path: String, to base: String) -> String {
        let b = base.hasSuffix("/") ? base : base + "/"
        if path.hasPrefix(b) { return String(path.dropFirst(b.count)) }
        if path == base { return "." }
        return path
    }

    /// An absolute, standardized path (relative ones resolve against the working directory).
    public static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.standardizedFileURL.path
    }

    public static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }
}
