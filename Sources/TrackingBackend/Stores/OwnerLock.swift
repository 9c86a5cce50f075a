import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on `<database>.lock`, held by the one server that writes a SQLite
/// database. A separate file, because closing any other descriptor of the database itself would
/// drop SQLite's own POSIX locks. The kernel releases the lock when the process ends, however it ends.
final class OwnerLock: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var descriptor: Int32

    init(database: String) throws {
        path = database + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw TrackingError.bad("cannot create the lock file \(path): \(reason); check the folder's permissions")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(descriptor)
            if busy {
                throw TrackingError.bad(
                    "another missionctl server is using \(database) (it holds \(path)); stop it first, or run several servers "
                        + "on PostgreSQL (--database postgres://…)")
            }
            throw TrackingError.bad("cannot lock \(path): \(reason)")
        }
    }

    /// Idempotent.
    func release() {
        lock.withLock {
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }
}
