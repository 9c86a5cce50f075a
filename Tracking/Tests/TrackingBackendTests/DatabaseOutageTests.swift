import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import Testing

@testable import TrackingBackend

/// When PostgreSQL cannot be reached, every route that needs it answers 503 with a JSON message
/// (retry later), never 500 (a server bug). No PostgreSQL server is needed.
@Suite struct DatabaseOutageTests {
    /// The store's connections are gone: its pool is shut down, and nothing listens on its port.
    /// (A live pool facing a dead port ends the same way, with the pool's circuit-breaker error,
    /// but only after 60 s of retries: too slow for the suite.)
    @Test func routesAnswer503WhenTheDatabaseIsGone() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let store = try PostgresStore(url: Self.unreachableURL, schema: "outage_test", logger: logger)
        let service = TrackingService(store: store, credentials: Credentials(secret: Array(repeating: 7, count: 32), scryptRounds: 2))
        try await store.close()
        let app = BackendServer.application(service: service, host: "127.0.0.1", port: 0, signupEnabled: true, logger: logger)
        let token = "Basic " + Data((String(repeating: "ab", count: 16) + ":api_token").utf8).base64EncodedString()
        let password = "Basic " + Data("someone@example.com:correct horse".utf8).base64EncodedString()
        let requests: [(HTTPRequest.Method, String, String?, String?)] = [
            (.post, "/api/v9/signup", nil, #"{"email": "new@example.com", "password": "correct horse"}"#),  // a transaction
            (.get, "/api/v9/me", password, nil),
            (.get, "/api/v9/me/time_entries/current", token, nil),
            (.get, "/readyz", nil, nil),
        ]
        try await app.test(.router) { client in
            for (method, path, auth, body) in requests {
                var headers = HTTPFields()
                if let auth { headers[.authorization] = auth }
                try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
                    #expect(response.status == .serviceUnavailable, "\(method) \(path)")
                    let text = String(buffer: response.body)
                    #expect(text.contains("unavailable") || text.contains("unreachable"), "\(method) \(path): \(text)")
                }
            }
        }
    }

    /// What counts as the database being unavailable, and what does not.
    @Test func connectionFailuresAreUnavailabilityOtherErrorsAreNot() async throws {
        let store = try PostgresStore(url: Self.unreachableURL, schema: "outage_test", logger: Logger(label: "test"))
        #expect(store.unavailability(of: ConnectionPoolError(base: .connectionCreationCircuitBreakerTripped))?.kind == .unavailable)
        #expect(store.unavailability(of: ConnectionPoolError(base: .poolShutdown))?.kind == .unavailable)
        #expect(store.unavailability(of: ConnectionPoolError(base: .requestCancelled)) == nil)
        #expect(store.unavailability(of: TrackingError.forbidden) == nil)
        #expect(store.unavailability(of: CocoaError(.fileNoSuchFile)) == nil)
        let sqlite = try SQLiteStore(path: nil)
        #expect(sqlite.unavailability(of: ConnectionPoolError(base: .poolShutdown)) == nil)  // SQLite has no connections to lose
        try await store.close()
        try await sqlite.close()
    }

    /// An outage answers waiting requests at once (issue 27, item 15): a request held by the
    /// database gets its 503 the moment the probe finds the database gone, new ones get it without
    /// waiting, and requests run again once it is back. (scripts/fault-postgres drills the real thing.)
    @Test func anOutageAnswersWaitingRequestsAtOnce() async throws {
        let health = DatabaseHealth()
        let release = AsyncStream<Void>.makeStream()
        async let held: Int = health.guarded {
            for await _ in release.stream {}  // a request stuck on the database until the stream ends
            return 1
        }
        try await Task.sleep(for: .milliseconds(50))
        health.markDown("connection refused")
        do {
            _ = try await held
            Issue.record("the held request was not answered when the database went down")
        } catch let error as TrackingError {
            #expect(error.kind == .unavailable && error.message.contains("connection refused"))
        }
        await #expect(throws: TrackingError.self) { try await health.guarded { 2 } }
        health.markUp()
        #expect(try await health.guarded { 3 } == 3)
        release.continuation.finish()
    }

    /// Port 1 (tcpmux): nothing listens on it here.
    /// The store's services are its connection pool and its health probe, and nothing runs
    /// until someone runs them (the server's service group, or `StandaloneStore`).
    @Test func theStoresServicesAreItsPoolAndProbe() throws {
        let store = try PostgresStore(url: Self.unreachableURL, schema: "outage_test", logger: Logger(label: "test"))
        #expect(store.services.count == 2)
        #expect(store.services.contains { $0 is PostgresClient })
        #expect(try SQLiteStore(path: nil).services.isEmpty)
    }

    /// A server whose database cannot be reached stops at start-up with the address and the
    /// cause (a configuration error, exit 2), once the health probe has looked, not when the
    /// pool gives up retrying (its circuit breaker, a minute later).
    @Test func anUnreachableDatabaseStopsStartUpNamingIt() async throws {
        var config = BackendConfiguration()
        config.database = .postgres(Self.unreachableURL)
        config.port = 0
        config.logLevel = .critical
        do {
            try await BackendServer.run(config)
            Issue.record("the server started without its database")
        } catch let error as ConfigurationError {
            #expect(error.message.contains("127.0.0.1:1") && error.message.contains("refused"), "\(error.message)")
        }
        // Outside a server too (`backend user`): the same error, and the store is closed.
        await #expect(throws: ConfigurationError.self) {
            _ = try await BackendServer.openStore(.postgres(Self.unreachableURL), schema: "outage_test", logger: Logger(label: "test"))
        }
    }

    static let unreachableURL = "postgres://postgres:secret@127.0.0.1:1/missionctl"
}

/// The shape of postgres-nio's `ConnectionPoolError` (its module is internal to postgres-nio and
/// not imported): a struct of that name whose description names the case.
struct ConnectionPoolError: Error {
    enum Base { case requestCancelled, poolShutdown, connectionCreationCircuitBreakerTripped }
    let base: Base
}
