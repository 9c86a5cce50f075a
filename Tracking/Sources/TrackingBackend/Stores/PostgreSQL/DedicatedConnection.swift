import Foundation
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// One PostgreSQL connection kept for one job (the batched `current` read), opened on first use and reopened after it closes. Leasing from the pool for
/// every batch cost more than the batch's query: pool state changes, and idle timers armed and
/// cancelled on every lease.
final class DedicatedConnection: Sendable {
    let configuration: PostgresConnection.Configuration
    private let eventLoop: any EventLoop
    private let logger: Logger
    private struct State {
        var connection: PostgresConnection?
        var opened = 0
        var closed = false
    }
    private let state = Mutex(State())

    init(configuration: PostgresConnection.Configuration, eventLoop: any EventLoop, logger: Logger) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.logger = logger
    }

    /// Connections opened so far (tests).
    var openedCount: Int { state.withLock { $0.opened } }

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
            state.withLock { if $0.connection === connection { $0.connection = nil } }
            try? await connection.close()
            throw TrackingError(.unavailable, "the database connection was lost; retry the request")
        }
    }

    func close() async {
        let last: PostgresConnection? = state.withLock { state in
            state.closed = true
            defer { state.connection = nil }
            return state.connection
        }
        try? await last?.close()
    }

    /// A store dropped without `close()` (a test that threw, say) must not take the process down:
    /// PostgresNIO asserts in debug builds when an open connection is deinitialised, so the
    /// connection is closed here and kept alive until it is.
    deinit {
        guard let connection = state.withLock({ $0.connection }), !connection.isClosed else { return }
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    private func open() async throws -> PostgresConnection {
        let (current, id): (PostgresConnection?, Int) = try state.withLock { state in
            if state.closed { throw TrackingError(.unavailable, "the database is closed") }
            if let connection = state.connection, !connection.isClosed { return (connection, 0) }
            state.opened += 1
            return (nil, state.opened)
        }
        if let current { return current }
        let fresh: PostgresConnection
        do {
            fresh = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: id, logger: logger).get()
        } catch {
            logger.error("cannot connect to PostgreSQL: \(PostgresErrorText.describe(error))")
            throw TrackingError(.unavailable, "the database is unreachable")
        }
        let kept: Bool = state.withLock { state in
            guard !state.closed else { return false }
            state.connection = fresh
            return true
        }
        guard kept else {
            try? await fresh.close()
            throw TrackingError(.unavailable, "the database is closed")
        }
        return fresh
    }
}
