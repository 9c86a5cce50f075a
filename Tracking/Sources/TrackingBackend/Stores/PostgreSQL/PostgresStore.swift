import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// The PostgreSQL store, through PostgresNIO. Every table lives in one schema (`--schema`), and
/// every statement names it explicitly, so no `search_path` can send a query elsewhere; the one
/// exception, `RunningEntriesStatement`, runs only on a connection whose `search_path` is that
/// schema alone.
public final class PostgresStore: CatalogStore, Sendable {
    let client: PostgresClient
    /// Runs the catalog's statements on `client`.
    let executor: PostgresExecutor
    let schema: String
    let logger: Logger
    /// `host:port`, for messages.
    let address: String
    private let eventLoopGroup: MultiThreadedEventLoopGroup
    /// The batched `current` read's own connection (see `DedicatedConnection`).
    let hotConnection: DedicatedConnection
    /// Coalesces concurrent `current` reads (see `BatchedReader`).
    let currentReads: BatchedReader<Int64, TimeEntry>
    /// What the health probe last saw of the database (see `PostgresHealthProbe`).
    public var health: DatabaseHealth? { databaseHealth }
    private let databaseHealth = DatabaseHealth()
    private let probe: PostgresHealthProbe
    /// The connection pool and the health probe: run by the server's service group, or by
    /// `StandaloneStore` (see `TrackingStore.services`). The store starts no task of its own.
    public var services: [any Service] { [client, probe] }
    /// `url`: `postgres://user:password@host:port/database`. The store keeps no state that other
    /// servers could change under it: any number of servers may share one schema, and every read
    /// goes to PostgreSQL.
    public init(url: String, schema: String, logger: Logger) throws {
        guard Self.isValidSchema(schema) else {
            throw ConfigurationError("schema `\(schema)` must be a lowercase SQL identifier ([a-z_][a-z0-9_]*, at most 63 characters)")
        }
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""), let host = parts.host,
            let user = parts.user
        else {
            throw ConfigurationError("database URL must look like postgres://user:password@host:5432/database")
        }
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        let (port, database) = (parts.port ?? 5432, path.isEmpty ? nil : path)
        address = "\(host):\(port)"
        let config = PostgresClient.Configuration(
            host: host, port: port, username: user, password: parts.password, database: database, tls: .disable)
        // Its own thread: on the HTTP server's event loops, PostgreSQL's socket I/O waited behind
        // request work, and a batch of `current` reads took ~2 ms from query to answer.
        let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.eventLoopGroup = eventLoopGroup
        client = PostgresClient(configuration: config, eventLoopGroup: eventLoopGroup, backgroundLogger: logger)
        var hotConfiguration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: parts.password, database: database, tls: .disable)
        // The schema alone (a validated identifier): `RunningEntriesStatement`'s static SQL
        // names its table unqualified, and finds it in this schema only.
        hotConfiguration.options.additionalStartupParameters = [("search_path", "\"\(schema)\"")]
        let hot = DedicatedConnection(configuration: hotConfiguration, eventLoop: eventLoopGroup.next(), logger: logger)
        probe = PostgresHealthProbe(configuration: hotConfiguration, eventLoop: eventLoopGroup.next(), logger: logger, health: databaseHealth)
        hotConnection = hot
        self.schema = schema
        self.logger = logger
        executor = PostgresExecutor(client: client, dialect: .postgres(schema: schema), logger: logger)
        // One batch at a time: under load each query answers every request that arrived during
        // the previous one (two at a time were slower on the 2-core benchmark machine). Batches
        // are sent and answered on PostgreSQL's thread: its rows are decoded where they arrive,
        // and the next batch leaves without waiting for a turn on the cooperative pool.
        currentReads = BatchedReader(limit: 1, executor: EventLoopTaskExecutor(eventLoopGroup.next())) { userIDs in
            let entries = try await hot.run { conn in
                var entries: [TimeEntry] = []
                for try await entry in try await conn.execute(RunningEntriesStatement(userIDs: userIDs), logger: logger) {
                    entries.append(entry)
                }
                return entries
            }
            var result: [Int64: TimeEntry] = [:]
            for entry in entries { result[entry.userID] = entry }
            return result
        }
    }

    public static func isValidSchema(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, s.unicodeScalars.count <= 63, first == "_" || ("a"..."z").contains(first) else {
            return false
        }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// A schema-qualified table name.
    func t(_ table: String) -> String { SQLDialect.postgres(schema: schema).table(table) }

    // MARK: Migrations

    /// Applies `StoreSchema`'s pending migrations inside one transaction under an advisory lock,
    /// so concurrent servers starting together migrate once.
    /// A database that cannot be reached fails as soon as the health probe finds so (about a
    /// second), naming the address and the cause, instead of when the pool gives up (a minute).
    public func migrate() async throws {
        do {
            try await databaseHealth.guarded { try await self.migrateInTransaction() }
        } catch let error as PostgresTransactionError {
            // The migration's own error (say, a newer schema) is the one to report.
            throw error.closureError ?? error
        } catch let error as TrackingError where error.kind == .unavailable {
            let cause = databaseHealth.unavailableReason ?? "no answer"
            throw ConfigurationError("cannot reach PostgreSQL at \(address) (\(cause)); check --database and that the database server is running")
        }
    }

    private func migrateInTransaction() async throws {
        let dialect = SQLDialect.postgres(schema: schema)
        try await client.withTransaction(logger: logger) { conn in
            try await conn.query("SELECT pg_advisory_xact_lock(\(Int64(0x6D_6973_7369_6F6E)))", logger: logger)
            try await conn.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: "\"\(schema)\"")", logger: logger)
            for sql in dialect.statements(.createTable(StoreSchema.migrationsTable)) {
                try await conn.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            }
            var applied: Set<Int> = []
            for try await version in try await conn.query("SELECT version FROM \(unescaped: t("schema_migrations"))", logger: logger)
                .decode(Int.self)
            {
                applied.insert(version)
            }
            for migration in try StoreSchema.pending(applied: applied, database: "PostgreSQL schema `\(schema)`") {
                for sql in dialect.statements(migration) { try await conn.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
                try await conn.query(
                    "INSERT INTO \(unescaped: t("schema_migrations")) (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
            }
        }
    }

    /// Answers from the health probe's last look (at most a quarter second old), so that /readyz
    /// answers at once in an outage too.
    public func ping() async throws {
        if let reason = databaseHealth.unavailableReason { throw DatabaseHealth.unavailable(reason) }
    }

    /// After the services have ended (their group shut down, or never started).
    public func close() async throws {
        databaseHealth.markDown("the store is closed")
        await hotConnection.close()
        try await eventLoopGroup.shutdownGracefully()
    }

    /// Drops the whole schema (test harnesses only; they refuse names not ending in `_test`).
    public func dropSchema() async throws {
        try await client.query("DROP SCHEMA IF EXISTS \(unescaped: "\"\(schema)\"") CASCADE", logger: logger)
    }

    // MARK: What only this store does around the catalog

    /// Concurrent calls share queries (`currentReads`): `current` is the most frequent request.
    public func runningEntry(userID: Int64) async throws -> TimeEntry? {
        try await currentReads.read(userID)
    }

    /// Servers share the schema, so nothing here keeps entries to keep coherent.
    func writingEntries<T>(of userIDs: [Int64], _ body: () async throws -> T) async throws -> T {
        try await body()
    }

    /// Connection failures, wherever they happen (pool, transaction, query), answer 503, so that
    /// a client retries instead of reporting a server bug; SQL errors stay what they are.
    public func unavailability(of error: any Error) -> TrackingError? {
        Self.indicatesUnavailability(error) ? TrackingError(.unavailable, "the database is unavailable; retry the request") : nil
    }

    /// PostgresClient's pool throws its own `ConnectionPoolError` when it gave up creating
    /// connections (the circuit breaker) or was shut down. That type lives in postgres-nio's
    /// internal module, which is not imported: it is recognised by its name and case.
    static func isPoolConnectionFailure(_ error: any Error) -> Bool {
        guard String(describing: type(of: error)) == "ConnectionPoolError" else { return false }
        let text = String(describing: error)
        return text.contains("connectionCreationCircuitBreakerTripped") || text.contains("poolShutdown")
    }

    /// Whether `error` says the database or the connection is gone, rather than that a statement failed.
    static func indicatesUnavailability(_ error: any Error) -> Bool {
        if let transaction = error as? PostgresTransactionError {
            return [transaction.beginError, transaction.closureError, transaction.commitError].contains {
                $0.map(indicatesUnavailability) ?? false
            }
        }
        if isPoolConnectionFailure(error) { return true }
        guard let psql = error as? PSQLError else { return false }
        if let state = psql.serverInfo?[.sqlState] {
            // 08: connection exception; 53: insufficient resources (too many connections, disk
            // full); 57P: operator intervention (shutdown, crash recovery, not yet accepting).
            return state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57P")
        }
        switch psql.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed: return true
        default: return false
        }
    }
}
