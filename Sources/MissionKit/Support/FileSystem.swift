import MissionSystem

/// File reading and repository walking, kept in one place so errors read the same everywhere.
public enum FileSystem {
    /// The largest file any command reads (docs, mission files, handoffs): 32 MiB.
    public static let maxFileBytes = 32 * 1024 * 1024

    /// `$TMPDIR` (without a trailing `/`), or `/tmp`.
    public static var temporaryDirectory: String {
        var dir = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        while dir.count > 1, dir.hasSuffix("/") { dir.removeLast() }
        return dir.isEmpty ? "/tmp" : dir
    }

    /// Opens `path` for reading: only a regular file (never blocking on a FIFO, never a device)
    /// of at most `limit` bytes. Returns the descriptor and the size.
    static func openRegular(_ path: String, limit: Int) throws(MissionError) -> (Int32, Int) {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        let fd = open(FileName.cString(path), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw MissionError("\(path): cannot be read (\(String(cString: strerror(errno))))")
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            throw MissionError("\(path): cannot be read")
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            close(fd)
            throw MissionError("\(path): is a folder, expected a file")
        default:
            close(fd)
            throw MissionError("\(path): is not a regular file (a FIFO, device or socket); only regular files are read")
        }
        let size = Int(st.st_size)
        if size > limit {
            close(fd)
            throw MissionError("\(path): is \(size / 1024 / 1024) MiB, over the \(limit / 1024 / 1024) MiB limit for files missionctl reads")
        }
        return (fd, size)
    }

    /// Reads a whole regular file of at most `limit` bytes, or throws a `MissionError` naming it.
    public static func readBytes(_ path: String, limit: Int = maxFileBytes) throws(MissionError) -> [UInt8] {
        // Never nil without a needle.
        try readBytes(path, limit: limit, largerThan: Int.max, mentioning: nil) ?? []
    }

    /// Like `readBytes`, but a file larger than `threshold` is first searched for `needle` (ASCII,
    /// any case) in chunks and read whole only when it mentions it: nil when it does not. One open
    /// and one fstat either way.
    public static func readBytes(
        _ path: String, limit: Int = maxFileBytes, largerThan threshold: Int, mentioning needle: String?
    ) throws(MissionError) -> [UInt8]? {
        // POSIX reads straight into the array: no Data bridge, no second copy.
        let (fd, size) = try openRegular(path, limit: limit)
        defer { close(fd) }
        if let needle, size > threshold {
            guard mentions(fd: fd, needle) else { return nil }
            lseek(fd, 0, SEEK_SET)
        }
        // One byte over the size: the read that finds the end needs room, and growing the array
        // for it doubled every file's memory (a 4 MB contract held 8 MB). The array is read into
        // uninitialised: zeroing it first cost as much as a pass over every doc.
        var filled = 0
        var failure: Int32 = 0
        var result = [UInt8](unsafeUninitializedCapacity: max(0, size) + 1) { buffer, count in
            while filled < buffer.count {
                let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                filled += n
            }
            count = filled
        }
        if failure != 0 { throw MissionError("\(path): read failed (\(String(cString: strerror(failure))))") }
        // Filled to the last byte: the file grew since fstat; read on, still bounded.
        var grew = filled == max(0, size) + 1
        while grew {
            if filled > limit { throw MissionError("\(path): grew over the \(limit / 1024 / 1024) MiB limit while it was read") }
            if filled == result.count { result.append(contentsOf: repeatElement(0, count: max(4096, filled))) }
            let n = result.withUnsafeMutableBytes { buf in read(fd, buf.baseAddress! + filled, buf.count - filled) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw MissionError("\(path): read failed (\(String(cString: strerror(errno))))")
            }
            grew = n > 0
            filled += n
        }
        result.removeSubrange(filled...)
        return result
    }

    /// Whether the file open at `fd` mentions `needle` (ASCII, any case), read in 1 MiB chunks so
    /// that a huge file is never held in memory.
    static func mentions(fd: Int32, _ needle: String) -> Bool {
        let overlap = needle.utf8.count - 1
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var kept = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + kept, $0.count - kept) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return false
            }
            if n == 0 { return false }
            let filled = kept + n
            if SourceText.containsASCIICaseInsensitive(Array(buffer[..<filled]), needle) { return true }
            kept = min(overlap, filled)
            if kept > 0 { buffer.replaceSubrange(0..<kept, with: buffer[(filled - kept)..<filled]) }
        }
    }

    /// The real path of the repository root, resolved once per root for containment checks.
    /// The last `count` bytes of the regular file at `path` (all of a shorter one), or nil when
    /// it cannot be read: a log's tail without reading gigabytes.
    public static func readTail(_ path: String, count: Int) -> [UInt8]? {
        guard let (fd, size) = try? openRegular(path, limit: Int.max) else { return nil }
        defer { close(fd) }
        let start = max(0, size - count)
        var bytes = [UInt8](repeating: 0, count: size - start)
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(start + filled)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            filled += n
        }
        return Array(bytes.prefix(filled))
    }

    /// The folder part of `path`: `a/b` for `a/b/c`, `/` for `/c`, `.` for `c`.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Standard input, read whole up to `limit` bytes (a larger input is refused, not buffered).
    public static func readStandardInput(limit: Int = maxFileBytes, name: String) throws(MissionError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw MissionError("\(name): cannot be read (\(String(cString: strerror(errno))))") }
            if n == 0 { return bytes }
            bytes += chunk[0..<n]
            if bytes.count > limit {
                throw MissionError("\(name): is over the \(limit / 1024 / 1024) MiB limit for input missionctl reads")
            }
        }
    }

    /// Writes all of `bytes` to `fd`, retrying short and interrupted writes: 0, or the errno of
    /// the write that failed (never a trap, as FileHandle's write on a closed pipe).
    public static func write(_ bytes: [UInt8], to fd: Int32) -> Int32 {
        bytes.withUnsafeBytes { write($0, to: fd) }
    }

    /// Writes all of `buf` to `fd`: 0, or the errno of the failure.
    public static func write(_ buf: UnsafeRawBufferPointer, to fd: Int32) -> Int32 {
        var written = 0
        while written < buf.count {
            let n = systemWrite(fd, buf.baseAddress! + written, buf.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += n
        }
        return 0
    }

    /// Appends `bytes` to the file at `path`, created (0644 before the umask) when missing.
    public static func append(_ bytes: [UInt8], to path: String) throws(MissionError) {
        let fd = open(FileName.cString(path), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw MissionError("\(path): cannot be opened for appending (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        let result = write(bytes, to: fd)
        if result != 0 { throw MissionError("\(path): write failed (\(String(cString: strerror(result))))") }
    }

    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(FileName.cString(path), nil) else { return nil }
        defer { free(resolved) }
        return FileName.decode(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
    }

    /// Whether `path` (an existing file or folder) lies inside `root` once symlinks and `..` are
    /// resolved. A path that does not exist counts as inside when its text has no `..` segment.
    public static func isInside(_ path: String, root: String) -> Bool {
        guard let realRoot = realPath(root) else { return false }
        guard let real = realPath(path) else {
            return !path.split(separator: "/").contains("..")
        }
        return real == realRoot || real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }

    /// Why a path that may exist cannot be read (`Permission denied`), or nil when it can be, or
    /// does not exist. A folder must open for listing, a file for reading.
    public static func unreadableReason(_ path: String) -> String? {
        let c = FileName.cString(path)
        var st = stat()
        guard stat(c, &st) == 0 else { return errno == ENOENT || errno == ENOTDIR ? nil : String(cString: strerror(errno)) }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            guard let dir = opendir(c) else { return String(cString: strerror(errno)) }
            closedir(dir)
            return nil
        }
        let fd = open(c, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        close(fd)
        return nil
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(FileName.cString(path), &st) == 0
    }

    /// Whether `path` is a regular file (after following symlinks): never a FIFO, device or folder.
    public static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(FileName.cString(path), &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(FileName.cString(path), &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` is a folder itself, not a symlink to one.
    public static func isRealDirectory(_ path: String) -> Bool {
        var st = stat()
        return lstat(FileName.cString(path), &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Folder names never descended into when looking for Markdown files.
    static let skippedFolders: Set<String> = [".git", ".build", "node_modules", ".swiftpm", ".hg", ".svn"]

    /// All regular files below `root`, as paths relative to it, sorted.
    ///
    /// Skips VCS folders, build folders (`.build`, `.build-*`), `node_modules`, the runtime
    /// state folder `.factory/run`, and nested projects: a subfolder with its own `.git` or
    /// `.factory` (a vendored repository, a test fixture) belongs to that project, not this one.
    /// Names that are not UTF-8 are kept by their bytes (`FileName`).
    public static func walk(_ root: String) -> [String] {
        var unopened: [String] = []
        return walk(root, unopened: &unopened)
    }

    /// `walk`, also giving the folders that could not be opened (no permission), repo-relative
    /// with the reason: `docs/private/ (Permission denied)`.
    public static func walk(_ root: String, unopened: inout [String]) -> [String] {
        var result: [String] = []
        walk(root: root, relative: "", into: &result, unopened: &unopened)
        unopened.sort()
        return result.sorted()
    }

    private static func walk(root: String, relative: String, into result: inout [String], unopened: inout [String]) {
        let dirPath = relative.isEmpty ? root : root + "/" + relative
        guard let dir = opendir(FileName.cString(dirPath)) else {
            unopened.append((relative.isEmpty ? "." : relative) + "/ (" + String(cString: strerror(errno)) + ")")
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { FileName.decode($0.prefix { $0 != 0 }) }
            if name == "." || name == ".." { continue }
            let rel = relative.isEmpty ? name : relative + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var st = stat()
                guard stat(FileName.cString(root + "/" + rel), &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: type = UInt8(DT_DIR)
                case S_IFREG: type = UInt8(DT_REG)
                default: continue  // FIFOs, devices, sockets are never read
                }
                if entry.pointee.d_type == UInt8(DT_LNK) {
                    if type == UInt8(DT_DIR) { continue }  // no link loops, no folders elsewhere
                    // A link to a file outside the repository is never read for content.
                    if !isInside(root + "/" + rel, root: root) { continue }
                }
            }
            if type == UInt8(DT_DIR) {
                if skippedFolders.contains(name) || name.hasPrefix(".build-") || name.hasPrefix(".build_") {
                    continue
                }
                if rel == ".factory/run" { continue }
                let sub = root + "/" + rel
                if exists(sub + "/.git") || isDirectory(sub + "/.factory") { continue }
                walk(root: root, relative: rel, into: &result, unopened: &unopened)
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

/// write(2), named apart from `FileSystem.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
