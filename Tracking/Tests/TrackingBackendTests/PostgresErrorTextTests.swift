import Foundation
import Logging
import NIOPosix
import PostgresNIO
import Testing

@testable import TrackingBackend

/// Logs and /readyz say why PostgreSQL failed, not PostgresNIO's generic text.
@Suite struct PostgresErrorTextTests {
    static func connect(_ configuration: PostgresConnection.Configuration) async -> any Error {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var failure: any Error = CancellationError()
        do {
            let connection = try await PostgresConnection.connect(
                on: group.next(), configuration: configuration, id: 1, logger: Logger(label: "test")
            ).get()
            try? await connection.close()
        } catch {
            failure = error
        }
        try? await group.shutdownGracefully()
        return failure
    }

    @Test func aRefusedConnectionNamesTheRefusal() async throws {
        // Port 1 on loopback: nothing listens there.
        let error = await Self.connect(.init(host: "127.0.0.1", port: 1, username: "u", password: nil, database: nil, tls: .disable))
        let text = PostgresErrorText.describe(error)
        #expect(!text.contains("Generic description"), "\(text)")
        #expect(text.lowercased().contains("refused"), "\(text)")
        #expect(PostgresErrorText.cause(error) == "connection refused")
    }

    /// The failure a parallel test run met at the default `max_connections`: now it is named.
    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func tooManyConnectionsIsNamedWithItsState() async throws {
        let url = try #require(StoreKind.postgresURL.flatMap(URLComponents.init(string:)))
        let opened = StandaloneStore(try PostgresStore(url: url.string!, schema: "errortext_test", logger: Logger(label: "test")), logger: Logger(label: "test"))
        let admin = try #require(opened.store as? PostgresStore)
        let role = "limit\(UInt32.random(in: 0...UInt32.max))_test"
        try await admin.client.query("CREATE ROLE \(unescaped: role) LOGIN PASSWORD 'p' CONNECTION LIMIT 0", logger: admin.logger)
        let error = await Self.connect(
            .init(host: url.host!, port: url.port ?? 5432, username: role, password: "p", database: String(url.path.dropFirst()), tls: .disable))
        try await admin.client.query("DROP ROLE \(unescaped: role)", logger: admin.logger)
        try await opened.close()
        let text = PostgresErrorText.describe(error)
        #expect(text.hasPrefix("server: ") && text.contains("too many connections") && text.hasSuffix("(SQLSTATE 53300)"), "\(text)")
        #expect(PostgresErrorText.cause(error) == "too many connections to the server")
    }

    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func aFailedStatementGivesTheServersMessageNotTheQuery() async throws {
        let h = try await Harness(.postgres)
        let store = try #require(h.testStore.store as? PostgresStore)
        var thrown: (any Error)?
        do {
            try await store.client.query("SELECT 1 / 0 AS secret_column", logger: store.logger)
        } catch {
            thrown = error
        }
        try await h.close()
        let text = PostgresErrorText.describe(try #require(thrown))
        #expect(text == "server: division by zero (SQLSTATE 22012)")
        #expect(!text.contains("secret_column"))
    }
}
