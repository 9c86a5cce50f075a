import Foundation
import GRDB
import Synchronization

/// Read-only connections to one SQLite file in WAL mode, one per reading thread at a time.
///
/// GRDB's `DatabasePool` guards its readers with a semaphore, a dispatch group and barrier
/// queues; under load those made threads wait on each other and halved the server's `current`
/// throughput. Here a reader is taken and returned under a mutex, and since callers read
/// synchronously the pool never holds more connections than there are threads reading at once.
final class SQLiteReaderPool: Sendable {
    private let path: String
    private let configuration: Configuration
    private struct State {
        var idle: [DatabaseQueue] = []
        var opened = 0
        var closed = false
    }
    private let state = Mutex(State())

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
        let readers = state.withLock { state in
            state.closed = true
            defer { state.idle.removeAll() }
            return state.idle
        }
        for reader in readers { try reader.close() }
    }

    private func checkOut() throws -> DatabaseQueue {
        let reused: DatabaseQueue? = try state.withLock { state in
            if state.closed { throw TrackingError(.unavailable, "the database is closed") }
            return state.idle.popLast()
        }
        if let reused { return reused }
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        state.withLock { $0.opened += 1 }
        return reader
    }

    private func checkIn(_ reader: DatabaseQueue) {
        let keep = state.withLock { state in
            if !state.closed { state.idle.append(reader) }
            return !state.closed
        }
        if !keep { try? reader.close() }
    }

    /// How many connections were opened (for tests: the pool must stay small).
    var openedCount: Int { state.withLock { $0.opened } }
}
