import Foundation
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle

/// Keeps `DatabaseHealth` current for the PostgreSQL store: every `interval` it runs `SELECT 1`
/// on a connection of its own (never the pool's, whose lease queue is what stalls in an outage),
/// with `timeout` for connecting and for the answer. A failure marks the database down at once; the
/// first success after it marks it up. So /readyz flips within about interval + timeout of a loss,
/// and within about interval of the return.
final class PostgresHealthProbe: Service {
    let configuration: PostgresConnection.Configuration
    let eventLoop: any EventLoop
    let logger: Logger
    let health: DatabaseHealth
    let interval: Duration
    let timeout: TimeAmount

    init(
        configuration: PostgresConnection.Configuration, eventLoop: any EventLoop, logger: Logger, health: DatabaseHealth,
        interval: Duration = .milliseconds(250), timeout: TimeAmount = .seconds(1)
    ) {
        var configuration = configuration
        configuration.options.connectTimeout = timeout
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.logger = logger
        self.health = health
        self.interval = interval
        self.timeout = timeout
    }

    /// Probes until cancelled or the service group shuts down.
    func run() async {
        await cancelWhenGracefulShutdown { await self.probe() }
    }

    private func probe() async {
        var connection: PostgresConnection?
        var id = 0
        while !Task.isCancelled {
            do {
                if connection == nil || connection?.isClosed == true {
                    id += 1
                    connection = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: id, logger: logger).get()
                }
                try await answer(connection!)
                if health.unavailableReason != nil { logger.notice("database reachable again") }
                health.markUp()
            } catch {
                if let connection { try? await connection.close() }
                connection = nil
                if health.unavailableReason == nil { logger.error("database unreachable: \(PostgresErrorText.describe(error))") }
                health.markDown(PostgresErrorText.cause(error))
            }
            try? await Task.sleep(for: interval)
        }
        if let connection { try? await connection.close() }
    }

    /// `SELECT 1`, with the connection closed when no answer comes within the timeout (a query in
    /// flight is not cancellable; closing its connection fails it at once).
    private func answer(_ connection: PostgresConnection) async throws {
        let timer = eventLoop.scheduleTask(in: timeout) { connection.close().whenComplete { _ in } }
        defer { timer.cancel() }
        try await connection.query("SELECT 1", logger: logger)
    }
}
