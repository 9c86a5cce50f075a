import Foundation
import GRDB
import PostgresNIO
import Testing

@testable import TrackingBackend

/// The one schema definition: both stores, once migrated, have exactly the tables, columns,
/// nullability and indexes `StoreSchema.migrations` describes; migrations are recorded the same
/// way; databases from earlier versions are adopted and ones from newer versions refused.
@Suite struct StoreSchemaTests {
    /// Column name → nullable, per table, as the migrations leave them.
    static var expectedColumns: [String: [String: Bool]] {
        var tables: [String: [String: Bool]] = [:]
        for migration in StoreSchema.migrations {
            for change in migration.changes {
                switch change {
                case .createTable(let t):
                    tables[t.name] = Dictionary(uniqueKeysWithValues: t.columns.map { ($0.name, $0.nullable) })
                case .addColumns(let table, let columns):
                    for c in columns { tables[table, default: [:]][c.name] = c.nullable }
                case .dropTable(let name): tables[name] = nil
                case .createIndex: break
                }
            }
        }
        return tables
    }

    static var expectedIndexes: Set<String> {
        var names: Set<String> = []
        for case .createIndex(let index) in StoreSchema.migrations.flatMap(\.changes) { names.insert(index.name) }
        return names
    }

    /// What the database holds: columns with nullability, and the names of the indexes this
    /// schema created (not the ones the database makes for keys and UNIQUE).
    static func introspect(_ store: any TrackingStore) async throws -> (columns: [String: [String: Bool]], indexes: Set<String>) {
        var columns: [String: [String: Bool]] = [:]
        var indexes: Set<String> = []
        if let sqlite = store as? SQLiteStore {
            (columns, indexes) = try await (try sqlite.writer).read { db in
                var columns: [String: [String: Bool]] = [:]
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_migrations', 'grdb_migrations')")
                for table in tables {
                    for row in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))") {
                        // A key column is never NULL, whatever its declaration says.
                        columns[table, default: [:]][row["name"]] = !(row["notnull"] as Bool) && (row["pk"] as Int) == 0
                    }
                }
                let indexes = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
                return (columns, indexes)
            }
        } else if let pg = store as? PostgresStore {
            let rows = try await pg.client.query(
                """
                SELECT table_name, column_name, is_nullable FROM information_schema.columns
                WHERE table_schema = \(pg.schema) AND table_name != 'schema_migrations'
                """, logger: pg.logger)
            for try await (table, column, nullable) in rows.decode((String, String, String).self) {
                columns[table, default: [:]][column] = nullable == "YES"
            }
            let indexRows = try await pg.client.query(
                "SELECT indexname FROM pg_indexes WHERE schemaname = \(pg.schema) AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'",
                logger: pg.logger)
            for try await name in indexRows.decode(String.self) { indexes.insert(name) }
        }
        return (columns, indexes)
    }

    static func appliedVersions(_ store: any TrackingStore) async throws -> [Int] {
        if let sqlite = store as? SQLiteStore {
            return try await (try sqlite.writer).read { db in try Int.fetchAll(db, sql: "SELECT version FROM schema_migrations ORDER BY version") }
        }
        let pg = try #require(store as? PostgresStore)
        var versions: [Int] = []
        for try await v in try await pg.client.query("SELECT version FROM \(unescaped: pg.t("schema_migrations")) ORDER BY version", logger: pg.logger)
            .decode(Int.self)
        {
            versions.append(v)
        }
        return versions
    }

    @Test(arguments: StoreKind.available)
    func migratedStoreMatchesTheOneDefinition(_ kind: StoreKind) async throws {
        let h = try await Harness(kind)
        defer { Task { try? await h.close() } }
        let found = try await Self.introspect(h.testStore.store)
        #expect(found.columns == Self.expectedColumns)
        #expect(found.indexes == Self.expectedIndexes)
        #expect(try await Self.appliedVersions(h.testStore.store) == StoreSchema.migrations.map(\.version))
    }

    @Test(arguments: StoreKind.available)
    func databaseFromANewerVersionIsRefused(_ kind: StoreKind) async throws {
        let h = try await Harness(kind)
        defer { Task { try? await h.close() } }
        let store = h.testStore.store
        if let sqlite = store as? SQLiteStore {
            try await (try sqlite.writer).write { db in try db.execute(sql: "INSERT INTO schema_migrations (version, name) VALUES (99, 'future')") }
        } else if let pg = store as? PostgresStore {
            try await pg.client.query("INSERT INTO \(unescaped: pg.t("schema_migrations")) (version, name) VALUES (99, 'future')", logger: pg.logger)
        }
        let error = try await #require(throws: ConfigurationError.self) { try await store.migrate() }
        #expect(error.message.contains("schema version 99"))
    }

    /// A database from before the shared migrations: GRDB's `grdb_migrations` with the old
    /// identifiers, tables as the old migrations made them.
    static func legacySQLite(identifiers: [String]) throws -> String {
        let folder = NSTemporaryDirectory() + "missionctl-legacy-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for identifier in identifiers {
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
                for version in StoreSchema.legacySQLiteMigrations[identifier] ?? [] {
                    let migration = try #require(StoreSchema.migrations.first { $0.version == version })
                    for sql in SQLDialect.sqlite.statements(migration) { try db.execute(sql: sql) }
                }
            }
        }
        try queue.close()
        return path
    }

    /// `grdb_migrations` stays: an older missionctl can still open the database it made.
    @Test func legacySQLiteDatabaseIsAdoptedNotRemigrated() async throws {
        for identifiers in [["v1-accounts-and-entries"], ["v1-accounts-and-entries", "v2-profiles-and-random-tokens"]] {
            let path = try Self.legacySQLite(identifiers: identifiers)
            defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            #expect(try await Self.appliedVersions(store) == StoreSchema.migrations.map(\.version), "\(identifiers)")
            #expect(try await Self.introspect(store).columns == Self.expectedColumns, "\(identifiers)")
            try await store.close()
        }
    }

    @Test func unknownLegacyMigrationIsRefusedWithTheFile() async throws {
        let path = try Self.legacySQLite(identifiers: ["v1-accounts-and-entries", "v3-something-newer"])
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let store = try SQLiteStore(path: path)
        let error = try await #require(throws: ConfigurationError.self) { try await store.migrate() }
        #expect(error.message.contains(path) && error.message.contains("v3-something-newer"))
        try await store.close()
    }

    @Test func dialectsSpellTheSameChange() {
        let index = SchemaChange.createIndex(
            SchemaChange.Index(name: "i", table: "t", columns: ["a"], unique: true, predicate: "b IS NULL"))
        #expect(SQLDialect.sqlite.statements(index) == ["CREATE UNIQUE INDEX i ON t (a) WHERE b IS NULL"])
        #expect(SQLDialect.postgres(schema: "s").statements(index) == ["CREATE UNIQUE INDEX i ON \"s\".t (a) WHERE b IS NULL"])
        let add = SchemaChange.addColumns(table: "t", [.init("flag", .boolean, default: .boolean(true)), .init("n", .text, nullable: true)])
        #expect(SQLDialect.sqlite.statements(add) == ["ALTER TABLE t ADD COLUMN flag INTEGER NOT NULL DEFAULT 1", "ALTER TABLE t ADD COLUMN n TEXT"])
        #expect(
            SQLDialect.postgres(schema: "s").statements(add)
                == ["ALTER TABLE \"s\".t ADD COLUMN flag BOOLEAN NOT NULL DEFAULT TRUE", "ALTER TABLE \"s\".t ADD COLUMN n TEXT"])
    }
}
