import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The embedded store: SQLite through GRDB, WAL mode for a file, or in memory for tests.
public final class SQLiteStore: CatalogStore, Sendable {
    /// How this process uses a database file that other processes may open too.
    public enum Access: Sendable {
        /// The server's store: the only process writing time entries. It holds an exclusive lock
        /// (`<database>.lock`) until closed, so a second server on the same file fails to start,
        /// and keeps each user's running entry in memory (`RunningEntryCache`).
        case exclusive
        /// Administration beside a running server (`backend user`): accounts only. Writing
        /// time entries fails, since the server's cache would not see them.
        case accounts
    }

    let executor: SQLiteExecutor
    /// Readers for a file database; nil in memory, where the one connection serves reads too.
    var readers: SQLiteReaderPool? { executor.readers }
    /// Nil with `.accounts` access.
    let runningEntries: RunningEntryCache?
    private let ownerLock: OwnerLock?
    /// The database as errors name it: its path, or "the in-memory database".
    var label: String { executor.label }

    /// The database, or 503 once the store is closed (a closed SQLite handle must never be used).
    var writer: any DatabaseWriter { get throws { try executor.writer } }

    /// `path` nil → an in-memory database (private to this store, so always exclusive).
    public init(path: String?, access: Access = .exclusive) throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        // A catalog transaction spans several accesses to the writer (`SQLiteExecutor.transaction`).
        config.allowsUnsafeTransactions = true
        if let path {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // Locked before the database opens: a second server must not even migrate it.
            ownerLock = access == .exclusive ? try OwnerLock(database: path) : nil
            executor = SQLiteExecutor(
                database: try DatabasePool(path: path, configuration: config),  // WAL mode
                readers: SQLiteReaderPool(path: path, busyTimeout: 10), label: path)
        } else {
            ownerLock = nil
            executor = SQLiteExecutor(database: try DatabaseQueue(configuration: config), readers: nil, label: "the in-memory database")
        }
        runningEntries = path == nil || access == .exclusive ? RunningEntryCache() : nil
    }

    /// Applies `StoreSchema`'s pending migrations in one transaction (SQLite's DDL is
    /// transactional, so a failed migration leaves the database as it was).
    public func migrate() async throws {
        let name = label
        try await executor.inTransaction { db in try Self.migrate(db, name: name) }
    }

    /// `name`: the database as errors name it.
    static func migrate(_ db: Database, name: String) throws {
        let dialect = SQLDialect.sqlite
        for sql in dialect.statements(.createTable(StoreSchema.migrationsTable)) { try db.execute(sql: sql) }
        var applied = Set(try Int.fetchAll(db, sql: "SELECT version FROM schema_migrations"))
        if applied.isEmpty, try db.tableExists("grdb_migrations") {
            // A database from before the stores shared their migrations: adopt what it applied.
            for identifier in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") {
                guard let versions = StoreSchema.legacySQLiteMigrations[identifier] else {
                    throw ConfigurationError(
                        "\(name): migration `\(identifier)` comes from a newer or unknown missionctl: run that version, or use another database file")
                }
                for version in versions {
                    let name = StoreSchema.migrations.first { $0.version == version }?.name ?? identifier
                    try db.execute(sql: "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", arguments: [version, name])
                    applied.insert(version)
                }
            }
        }
        for migration in try StoreSchema.pending(applied: applied, database: name) {
            for sql in dialect.statements(migration) { try db.execute(sql: sql) }
            try db.execute(
                sql: "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", arguments: [migration.version, migration.name])
        }
    }

    /// Reads must work; after a write failed for want of space, a write must work again too: a
    /// table that needs new pages, created and dropped in one transaction, tells whether it would.
    public func ping() async throws {
        _ = try await executor.read("SELECT 1") { try $0.int() }
        guard executor.diskFull != nil else { return }
        try await executor.inTransaction { db in
            try db.execute(sql: "CREATE TABLE readiness_probe (data BLOB)")
            try db.execute(sql: "INSERT INTO readiness_probe (data) VALUES (zeroblob(16384))")
            try db.execute(sql: "DROP TABLE readiness_probe")
        }
    }

    public func close() async throws {
        guard executor.markClosed() else { return }
        defer { ownerLock?.release() }
        try readers?.close()
        let database = executor.writerIgnoringClosed
        if let pool = database as? DatabasePool { try pool.close() }
        if let queue = database as? DatabaseQueue { try queue.close() }
    }

    // MARK: What only this store does around the catalog

    public func runningEntry(userID: Int64) async throws -> TimeEntry? {
        guard let runningEntries else { return try await runningEntryFromDatabase(userID: userID) }
        return try await runningEntries.runningEntry(userID: userID) { try await runningEntryFromDatabase(userID: userID) }
    }

    /// Every write of time entries: refused with `.accounts` access, seen by the cache otherwise.
    func writingEntries<T>(of userIDs: [Int64], _ body: () async throws -> T) async throws -> T {
        guard let runningEntries else {
            throw TrackingError(.unavailable, "this store was opened for accounts only; time entries are written by the server that owns the database")
        }
        return try await runningEntries.writing(userIDs: userIDs, body)
    }
}
