import Foundation
import GRDB

/// Read-only connections to one SQLite file in WAL mode, one per reading thread at a time.
///
/// GRDB's `DatabasePool` guards its readers with a semaphore, a dispatch group and barrier
/// queues; under load those made threads wait on each other and halved the server's `current`
/// throughput. Here a reader is taken and returned under a plain lock, and since callers read
/// synchronously the pool never holds more connections than there are threads reading at once.
final class SQLiteReaderPool: @unchecked Sendable {
    private let path: String
    private let configuration: Configuration
    private let lock = NSLock()
    private var idle: [DatabaseQueue] = []
    private var opened = 0
    private var closed = false

    init(path: String, busyTimeout: TimeInterval) {
        self.path = path
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "missionctl.reader"
        configuration = config
    }

    /// Runs `body` on an idle reader (opened on first need) without a transaction: callers issue
    /// one statement, which SQLite runs atomically.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        let reader = try checkOut()
        defer { checkIn(reader) }
        return try reader.unsafeRead(body)
    }

    /// Closes every reader; later reads fail, and readers in use close when returned.
    func close() throws {
        let readers = lock.withLock {
            closed = true
            defer { idle.removeAll() }
            return idle
        }
        for reader in readers { try reader.close() }
    }

    private func checkOut() throws -> DatabaseQueue {
        let reused: DatabaseQueue? = try lock.withLock {
            if closed { throw TrackingError(.unavailable, "the database is closed") }
            return idle.popLast()
        }
        if let reused { return reused }
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        lock.withLock { opened += 1 }
        return reader
    }

    private func checkIn(_ reader: DatabaseQueue) {
        let keep = lock.withLock {
            if !closed { idle.append(reader) }
            return !closed
        }
        if !keep { try? reader.close() }
    }

    /// How many connections were opened (for tests: the pool must stay small).
    var openedCount: Int { lock.withLock { opened } }
}
