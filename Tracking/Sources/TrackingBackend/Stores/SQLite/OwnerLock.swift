import Foundation
import Synchronization

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
final class OwnerLock: Sendable {
    let path: String
    private let descriptor: Mutex<Int32>

    /// The descriptor is stored only once the lock is held: an initializer that throws after
    /// initializing every property runs `deinit`, which would close the number a second time —
    /// by then possibly another thread's newly opened file (another store's SQLite file in CI).
    init(database: String) throws {
        path = database + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw TrackingError.bad("cannot create the lock file \(path): \(reason); check the folder's permissions")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(fd)
            if busy {
                throw TrackingError.bad(
                    "another missionctl server is using \(database) (it holds \(path)); stop it first, or run several servers "
                        + "on PostgreSQL (--database postgres://…)")
            }
            throw TrackingError.bad("cannot lock \(path): \(reason)")
        }
        descriptor = Mutex(fd)
    }

    /// Idempotent.
    func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }
}
