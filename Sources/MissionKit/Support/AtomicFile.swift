#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Safe in-place updates of a file: an advisory lock serialises concurrent writers, and the new
/// content is written to a temporary file in the same folder, flushed, and renamed over the old.
public enum AtomicFile {
    /// Reads, transforms and (when the transform asks for it) rewrites `path` under an exclusive
    /// lock. The lock is taken on the file's folder, whose inode, unlike the file's, survives the
    /// rename; every missionctl writer takes the same lock, so no update is lost.
    public static func update<T>(
        _ givenPath: String, _ transform: (SourceText) throws -> (T, [UInt8]?)
    ) throws -> T {
        // A symlinked doc is edited at its target: the link stays a link.
        let path = FileSystem.realPath(givenPath) ?? givenPath
        let folder = FileSystem.folder(of: path)
        let dirFD = open(FileName.cString(folder), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { throw MissionError("\(folder): cannot open the folder (\(errnoText()))") }
        defer { close(dirFD) }
        while flock(dirFD, LOCK_EX) != 0 {
            guard errno == EINTR else { throw MissionError("\(folder): cannot lock (\(errnoText()))") }
        }
        defer { flock(dirFD, LOCK_UN) }
        removeStaleTemporaries(of: path)
        let text = SourceText(bytes: try FileSystem.readBytes(path))
        let (result, newBytes) = try transform(text)
        if let delay = testDelayMicroseconds { usleep(delay) }
        if let newBytes, newBytes != text.bytes {
            try write(newBytes, to: path, folderFD: dirFD)
        }
        return result
    }

    /// Temporary files of `path` left by a writer killed between creating and renaming them.
    /// Called under the folder lock, which every missionctl writer holds while its temporary
    /// exists, so any such file found now is stale.
    static func removeStaleTemporaries(of path: String) {
        let folder = FileSystem.folder(of: path)
        let prefix = "." + (path.split(separator: "/").last.map(String.init) ?? path) + ".missionctl-"
        for name in (try? FileManagerShim.contents(of: folder)) ?? [] where name.hasPrefix(prefix) {
            unlink(FileName.cString(folder + "/" + name))
        }
    }

    /// Writes `bytes` to a temporary file next to `path`, with `path`'s mode, fsyncs it, renames
    /// it over `path` and fsyncs the folder. On any failure the original file is untouched.
    /// A file with several hard links is rewritten in place instead (a rename would cut it off
    /// from its other names).
    static func write(_ bytes: [UInt8], to path: String, folderFD: Int32) throws(MissionError) {
        try write(to: path, folderFD: folderFD) { (put: Put) throws(MissionError) in try put.bytes(bytes) }
    }

    /// Hands each chunk it is given to a file descriptor.
    public struct Put {
        let fd: Int32
        let path: String
        let counter: Counter

        final class Counter { var bytes = 0 }

        public func callAsFunction(_ chunk: UnsafeRawBufferPointer) throws(MissionError) {
            let result = FileSystem.write(chunk, to: fd)
            if result != 0 { throw MissionError("\(path): write failed (\(String(cString: strerror(result))))") }
            counter.bytes += chunk.count
        }

        public func bytes(_ bytes: [UInt8]) throws(MissionError) {
            var failure: MissionError?
            bytes.withUnsafeBytes { buf in
                do throws(MissionError) { try self(buf) } catch { failure = error }
            }
            if let failure { throw failure }
        }

        public func text(_ text: String) throws(MissionError) {
            var text = text
            var failure: MissionError?
            text.withUTF8 { buf in
                do throws(MissionError) { try self(UnsafeRawBufferPointer(buf)) } catch { failure = error }
            }
            if let failure { throw failure }
        }
    }

    /// `write(_:to:folderFD:)` for content produced in chunks: `produce` hands each to `put`.
    static func write(to path: String, folderFD: Int32, _ produce: (Put) throws(MissionError) -> Void) throws(MissionError) {
        var st = stat()
        let hasOriginal = stat(FileName.cString(path), &st) == 0
        if hasOriginal, st.st_nlink > 1, (st.st_mode & S_IFMT) == S_IFREG {
            let fd = open(FileName.cString(path), O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw MissionError("\(path): cannot be opened for writing (\(errnoText()))") }
            defer { close(fd) }
            let put = Put(fd: fd, path: path, counter: Put.Counter())
            try produce(put)
            guard ftruncate(fd, off_t(put.counter.bytes)) == 0, fsync(fd) == 0 else {
                throw MissionError("\(path): write failed (\(errnoText()))")
            }
            return
        }
        let folder = FileSystem.folder(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = FileName.cString("\(folder)/.\(name).missionctl-XXXXXX")
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw MissionError("\(folder): cannot create a temporary file (\(errnoText()))") }
        let tempPath = FileName.decode(template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
        var ok = false
        defer {
            if !ok { unlink(FileName.cString(tempPath)) }
        }
        do throws(MissionError) {
            try produce(Put(fd: fd, path: path, counter: Put.Counter()))
        } catch {
            close(fd)
            throw error
        }
        if hasOriginal {
            fchmod(fd, st.st_mode & 0o7777)
            _ = fchown(fd, st.st_uid, st.st_gid)  // best effort: only root may give files away
        } else {
            // mkstemp creates 0600; a new report (a CI artifact, a page to serve) gets what
            // open(2) would give it: 0666 less the umask.
            fchmod(fd, 0o666 & ~processUmask)
        }
        guard fsync(fd) == 0 else {
            let e = errnoText()
            close(fd)
            throw MissionError("\(path): flush failed (\(e))")
        }
        close(fd)
        guard rename(FileName.cString(tempPath), FileName.cString(path)) == 0 else { throw MissionError("\(path): rename failed (\(errnoText()))") }
        ok = true
        fsync(folderFD)
    }

    /// Writes a report to `path` (`--output`): a new or regular file is replaced atomically; a
    /// symlink is followed and its target written (atomically when it is a regular file); a FIFO
    /// or device (`/dev/stdout`) is written through. Nothing but a regular file is ever replaced,
    /// so `--output /dev/stdout` as root cannot replace the link.
    public static func writeOutput(_ bytes: [UInt8], to path: String) throws(MissionError) {
        try writeOutput(to: path) { (put: Put) throws(MissionError) in try put.bytes(bytes) }
    }

    /// `writeOutput(to:_:)` for text written piece by piece into a `TextOutput`.
    public static func writeText(to path: String, _ produce: (TextOutput) -> Void) throws(MissionError) {
        try writeOutput(to: path) { (put: Put) throws(MissionError) in
            let out = TextOutput { (chunk: String) throws(MissionError) in try put.text(chunk) }
            produce(out)
            try out.finish()
        }
    }

    /// `writeOutput(_:to:)` for content produced in chunks (a report larger than its input):
    /// `produce` hands each chunk to `put`, and no chunk is held after it is written.
    public static func writeOutput(to path: String, _ produce: (Put) throws(MissionError) -> Void) throws(MissionError) {
        var target = path
        var writeThrough = false
        var st = stat()
        if lstat(FileName.cString(path), &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK {
            // /dev/stdout → /proc/self/fd/1 → a pipe has no real path: such a link is written through.
            if let real = FileSystem.realPath(path) { target = real } else { writeThrough = true }
        }
        if stat(FileName.cString(target), &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw MissionError("\(path): is a folder; name a file")
            default: writeThrough = true
            }
        }
        if writeThrough {
            // A FIFO without a reader fails at once (ENXIO) instead of blocking.
            let fd = open(FileName.cString(target), O_WRONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { throw MissionError("\(path): cannot be opened for writing (\(errnoText()))") }
            defer { close(fd) }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            try produce(Put(fd: fd, path: path, counter: Put.Counter()))
            return
        }
        let folder = FileSystem.folder(of: target)
        let dirFD = open(FileName.cString(folder), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { throw MissionError("\(path): cannot open the folder \(folder) (\(errnoText()))") }
        defer { close(dirFD) }
        try write(to: target, folderFD: dirFD, produce)
    }

    /// `MISSIONCTL_TEST_WRITE_DELAY_MS`: widens the read-to-write window so tests can show that
    /// concurrent writers are serialised (without the lock they lose updates). Tests only.
    static let testDelayMicroseconds: UInt32? = getenv("MISSIONCTL_TEST_WRITE_DELAY_MS")
        .flatMap { UInt32(String(cString: $0)) }
        .map { $0 * 1000 }

    /// The process's umask, read once at start (umask(2) can only be read by setting it).
    static let processUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
