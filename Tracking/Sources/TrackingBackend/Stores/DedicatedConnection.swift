import Foundation
import Logging
import NIOCore
import PostgresNIO

/// One PostgreSQL connection kept for one job (the batched `current` read), opened on first use and reopened after it closes. Leasing from the pool for
/// every batch cost more than the batch's query: pool state changes, and idle timers armed and
/// cancelled on every lease.
final class DedicatedConnection: @unchecked Sendable {
    let configuration: PostgresConnection.Configuration
    private let eventLoop: any EventLoop
    private let logger: Logger
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var opened = 0
    private var closed = false

    init(configuration: PostgresConnection.Configuration, eventLoop: any EventLoop, logger: Logger) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.logger = logger
    }

    /// Connections opened so far (tests).
    var openedCount: Int { lock.withLock { opened } }

    /// Runs `body` on the connection. When the connection died under it, the call answers 503
    /// and the next one reconnects.
    func run<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await open()
        do {
            return try await body(connection)
        } catch {
            // The error can arrive before the channel is inactive (a backend terminated while
            // the query was in flight answers FATAL 57P01 first), so the error counts too.
            guard connection.isClosed || PostgresStore.indicatesUnavailability(error) else { throw error }
            lock.withLock { if self.connection === connection { self.connection = nil } }
            try? await connection.close()
            throw TrackingError(.unavailable, "the database connection was lost; retry the request")
        }
    }

    func close() async {
        let last: PostgresConnection? = lock.withLock {
            closed = true
            defer { connection = nil }
            return connection
        }
        try? await last?.close()
    }

    /// A store dropped without `close()` (a test that threw, say) must not take the process down:
    /// PostgresNIO asserts in debug builds when an open connection is deinitialised, so the
    /// connection is closed here and kept alive until it is.
    deinit {
        guard let connection, !connection.isClosed else { return }
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    private func open() async throws -> PostgresConnection {
        let (current, id): (PostgresConnection?, Int) = try lock.withLock {
            if closed { throw TrackingError(.unavailable, "the database is closed") }
            if let connection, !connection.isClosed { return (connection, 0) }
            opened += 1
            return (nil, opened)
        }
        if let current { return current }
        let fresh: PostgresConnection
        do {
            fresh = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: id, logger: logger).get()
        } catch {
            logger.error("cannot connect to PostgreSQL: \(PostgresErrorText.describe(error))")
            throw TrackingError(.unavailable, "the database is unreachable")
        }
        let kept: Bool = lock.withLock {
            guard !closed else { return false }
            connection = fresh
            return true
        }
        guard kept else {
            try? await fresh.close()
            throw TrackingError(.unavailable, "the database is closed")
        }
        return fresh
    }
}
