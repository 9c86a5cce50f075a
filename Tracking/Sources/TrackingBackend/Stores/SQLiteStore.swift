import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The embedded store: SQLite through GRDB, WAL mode for a file, or in memory for tests.
public final class SQLiteStore: TrackingStore, Sendable {
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

    private let database: any DatabaseWriter
    private struct State {
        var closed = false
        /// Set when a write failed for want of space (SQLITE_FULL), cleared by the next write
        /// that succeeds: `/readyz` answers 503 naming the cause meanwhile, while reads go on working.
        var diskFull: String?
    }
    private let state = Mutex(State())
    /// Readers for a file database; nil in memory, where the one connection serves reads too.
    let readers: SQLiteReaderPool?
    /// Nil with `.accounts` access.
    let runningEntries: RunningEntryCache?
    private let ownerLock: OwnerLock?
    /// The database as errors name it: its path, or "the in-memory database".
    let label: String

    /// The database, or 503 once the store is closed (a closed SQLite handle must never be used).
    var writer: any DatabaseWriter {
        get throws {
            try state.withLock { state in
                if state.closed { throw TrackingError(.unavailable, "the database is closed") }
                return database
            }
        }
    }

    /// Reads run synchronously on the calling thread. WAL readers never wait for the writer and an
    /// indexed read takes microseconds, so this is cheaper than GRDB's async read, which wakes a
    /// dispatch thread and then hops back (two context switches per query). Every read is one
    /// SELECT, which SQLite runs atomically, so GRDB's isolating BEGIN/COMMIT would only add two
    /// statements. Writes stay async: a commit may wait for an fsync or for another writer.
    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        if let readers { return try readers.read(body) }
        return try writer.unsafeRead(body)
    }

    /// Every write of the store: a transaction on the writer. A full disk (or a database at its
    /// `max_page_count`) answers 503 "disk full" instead of a bare 500, and is remembered until a
    /// write succeeds again.
    private func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            let result = try await (try writer).write(body)
            state.withLock { $0.diskFull = nil }
            return result
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            let message = "disk full: \(label) cannot grow; writes fail until space is freed (reads still work)"
            state.withLock { $0.diskFull = message }
            throw TrackingError(.unavailable, message)
        }
    }

    /// `path` nil → an in-memory database (private to this store, so always exclusive).
    public init(path: String?, access: Access = .exclusive) throws {
        label = path ?? "the in-memory database"
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        if let path {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // Locked before the database opens: a second server must not even migrate it.
            ownerLock = access == .exclusive ? try OwnerLock(database: path) : nil
            database = try DatabasePool(path: path, configuration: config)  // WAL mode
            readers = SQLiteReaderPool(path: path, busyTimeout: 10)
        } else {
            ownerLock = nil
            database = try DatabaseQueue(configuration: config)
            readers = nil
        }
        runningEntries = path == nil || access == .exclusive ? RunningEntryCache() : nil
    }

    /// Applies `StoreSchema`'s pending migrations in one transaction (SQLite's DDL is
    /// transactional, so a failed migration leaves the database as it was).
    public func migrate() async throws {
        let name = label
        try await write { db in try Self.migrate(db, name: name) }
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
        _ = try read { db in try Int.fetchOne(db, sql: "SELECT 1") }
        guard state.withLock({ $0.diskFull }) != nil else { return }
        try await write { db in
            try db.execute(sql: "CREATE TABLE readiness_probe (data BLOB)")
            try db.execute(sql: "INSERT INTO readiness_probe (data) VALUES (zeroblob(16384))")
            try db.execute(sql: "DROP TABLE readiness_probe")
        }
    }

    public func close() async throws {
        let alreadyClosed = state.withLock { state in
            defer { state.closed = true }
            return state.closed
        }
        guard !alreadyClosed else { return }
        defer { ownerLock?.release() }
        try readers?.close()
        if let pool = database as? DatabasePool { try pool.close() }
        if let queue = database as? DatabaseQueue { try queue.close() }
    }

    // MARK: Accounts

    public func createUser(email: String, fullname: String, timezone: String, passwordHash: String, workspaceName: String, now: Int64)
        async throws -> User
    {
        try await mapErrors {
            try await write { db in
                try db.execute(
                    sql: "INSERT INTO workspaces (name, created_at, updated_at) VALUES (?, ?, ?)", arguments: [workspaceName, now, now])
                let workspaceID = db.lastInsertedRowID
                try db.execute(
                    sql: """
                        INSERT INTO users (email, fullname, timezone, password_hash, default_workspace_id, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [email, fullname, timezone, passwordHash, workspaceID, now, now])
                let userID = db.lastInsertedRowID
                try db.execute(
                    sql: "INSERT INTO memberships (workspace_id, user_id, role) VALUES (?, ?, 'admin')", arguments: [workspaceID, userID])
                return User(
                    id: userID, email: email, fullname: fullname, timezone: timezone, defaultWorkspaceID: workspaceID, createdAt: now,
                    updatedAt: now)
            }
        }
    }

    public func setToken(userID: Int64, tokenHash: String, sealed: String?) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE users SET token_hash = ?, token_sealed = ? WHERE id = ?", arguments: [tokenHash, sealed, userID])
        }
    }

    public func user(id: Int64) async throws -> StoredUser? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]).map(Self.storedUser) }
    }

    public func updateUser(_ u: User) async throws {
        try await mapErrors {
            try await write { db in
                try db.execute(
                    sql: """
                        UPDATE users SET fullname = ?, timezone = ?, email = ?, default_workspace_id = ?, beginning_of_week = ?,
                            updated_at = ? WHERE id = ?
                        """, arguments: [u.fullname, u.timezone, u.email, u.defaultWorkspaceID, u.beginningOfWeek, u.updatedAt, u.id])
            }
        }
    }

    public func user(email: String) async throws -> StoredUser? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM users WHERE email = ?", arguments: [email]).map(Self.storedUser) }
    }

    public func user(tokenHash: String) async throws -> StoredUser? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE token_hash = ?"), arguments: [tokenHash]).map(Self.storedUser)
        }
    }

    static func storedUser(_ row: Row) -> StoredUser {
        StoredUser(
            user: User(
                id: row["id"], email: row["email"], fullname: row["fullname"], timezone: row["timezone"],
                defaultWorkspaceID: row["default_workspace_id"], createdAt: row["created_at"], updatedAt: row["updated_at"],
                beginningOfWeek: row["beginning_of_week"]),
            passwordHash: row["password_hash"], sealedToken: row["token_sealed"])
    }

    public func preferences(userID: Int64) async throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT body FROM preferences WHERE user_id = ?", arguments: [userID]) }
    }

    public func setPreferences(userID: Int64, body: String) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO preferences (user_id, body) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET body = excluded.body",
                arguments: [userID, body])
        }
    }

    // MARK: Workspaces

    static let membershipSQL = """
        SELECT w.id, w.name, w.created_at, w.updated_at, w.organization_name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
        """

    static func membership(_ row: Row) -> Membership {
        Membership(
            workspace: Workspace(
                id: row["id"], name: row["name"], createdAt: row["created_at"], updatedAt: row["updated_at"],
                organizationName: row["organization_name"]),
            role: row["role"])
    }

    public func memberships(userID: Int64) async throws -> [Membership] {
        try read { db in
            try Row.fetchAll(db, sql: Self.membershipSQL + " WHERE m.user_id = ? ORDER BY w.id", arguments: [userID]).map(Self.membership)
        }
    }

    public func membership(userID: Int64, workspaceID: Int64) async throws -> Membership? {
        try read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: Self.membershipSQL + " WHERE m.user_id = ? AND m.workspace_id = ?"), arguments: [userID, workspaceID])
                .map(Self.membership)
        }
    }

    public func createWorkspace(name: String, organizationName: String?, ownerID: Int64, now: Int64) async throws -> Membership {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO workspaces (name, organization_name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                arguments: [name, organizationName, now, now])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO memberships (workspace_id, user_id, role) VALUES (?, ?, 'admin')", arguments: [id, ownerID])
            return Membership(
                workspace: Workspace(id: id, name: name, createdAt: now, updatedAt: now, organizationName: organizationName), role: "admin")
        }
    }

    public func renameOrganization(workspaceID: Int64, name: String, now: Int64) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE workspaces SET organization_name = ?, updated_at = ? WHERE id = ?", arguments: [name, now, workspaceID])
        }
    }

    public func removeMembership(userID: Int64, workspaceID: Int64) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM memberships WHERE user_id = ? AND workspace_id = ?", arguments: [userID, workspaceID])
        }
    }

    public func renameWorkspace(id: Int64, name: String, now: Int64) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE workspaces SET name = ?, updated_at = ? WHERE id = ?", arguments: [name, now, id])
        }
    }

    public func members(workspaceID: Int64) async throws -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT user_id FROM memberships WHERE workspace_id = ?", arguments: [workspaceID]) }
    }

    // MARK: Catalog

    static func project(_ row: Row) -> Project {
        Project(
            id: row["id"], workspaceID: row["workspace_id"], name: row["name"], active: row["active"], createdAt: row["created_at"],
            clientID: row["client_id"], color: row["color"], isPrivate: row["is_private"], billable: row["billable"],
            estimatedHours: row["estimated_hours"])
    }

    static func client(_ row: Row) -> WorkspaceClient {
        WorkspaceClient(
            id: row["id"], workspaceID: row["workspace_id"], name: row["name"], notes: row["notes"], archived: row["archived"],
            creatorID: row["creator_id"], at: row["at"])
    }

    static func task(_ row: Row) -> TrackingTask {
        TrackingTask(
            id: row["id"], workspaceID: row["workspace_id"], projectID: row["project_id"], name: row["name"], active: row["active"],
            createdAt: row["created_at"], estimatedSeconds: row["estimated_seconds"])
    }

    public func createProject(_ p: Project) async throws -> Project {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO projects (workspace_id, name, active, client_id, created_at, color, is_private, billable, estimated_hours)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [p.workspaceID, p.name, p.active, p.clientID, p.createdAt, p.color, p.isPrivate, p.billable, p.estimatedHours])
            var created = p
            created.id = db.lastInsertedRowID
            return created
        }
    }

    public func projects(workspaceID: Int64) async throws -> [Project] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM projects WHERE workspace_id = ? ORDER BY id", arguments: [workspaceID]).map(Self.project)
        }
    }

    public func project(id: Int64) async throws -> Project? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM projects WHERE id = ?", arguments: [id]).map(Self.project) }
    }

    public func updateProject(_ p: Project) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE projects SET name = ?, active = ?, client_id = ?, color = ?, is_private = ?, billable = ?, estimated_hours = ?
                    WHERE id = ?
                    """,
                arguments: [p.name, p.active, p.clientID, p.color, p.isPrivate, p.billable, p.estimatedHours, p.id])
        }
    }

    public func deleteProject(id: Int64, memberIDs: [Int64], now: Int64) async throws {
        // Entries of the members change (their project goes): the running-entry cache must see it.
        try await writingEntries(of: memberIDs) {
            try await write { db in
                try db.execute(
                    sql: "UPDATE time_entries SET project_id = NULL, task_id = NULL, at = ? WHERE project_id = ?", arguments: [now, id])
                try db.execute(sql: "DELETE FROM tasks WHERE project_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM projects WHERE id = ?", arguments: [id])
            }
        }
    }

    public func tasks(workspaceID: Int64) async throws -> [TrackingTask] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tasks WHERE workspace_id = ? ORDER BY id", arguments: [workspaceID]).map(Self.task)
        }
    }

    static func tag(_ row: Row) -> Tag {
        Tag(id: row["id"], workspaceID: row["workspace_id"], name: row["name"], at: row["created_at"], creatorID: row["creator_id"])
    }

    public func tags(workspaceIDs: [Int64]) async throws -> [Tag] {
        try rowsByName("tags", workspaceIDs: workspaceIDs).map(Self.tag)
    }

    /// The rows of a workspace-owned table (`tags`, `clients`) in these workspaces, by name.
    private func rowsByName(_ table: String, workspaceIDs: [Int64]) throws -> [Row] {
        guard !workspaceIDs.isEmpty else { return [] }
        return try read { db in
            let marks = Array(repeating: "?", count: workspaceIDs.count).joined(separator: ",")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM \(table) WHERE workspace_id IN (\(marks)) ORDER BY name, id", arguments: StatementArguments(workspaceIDs))
        }
    }

    public func tag(id: Int64) async throws -> Tag? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM tags WHERE id = ?", arguments: [id]).map(Self.tag) }
    }

    public func renameTag(id: Int64, name: String, now: Int64) async throws {
        try await mapErrors {
            try await write { db in
                try db.execute(sql: "UPDATE tags SET name = ?, created_at = ? WHERE id = ?", arguments: [name, now, id])
            }
        }
    }

    public func deleteTag(id: Int64) async throws {
        try await write { db in try db.execute(sql: "DELETE FROM tags WHERE id = ?", arguments: [id]) }
    }

    public func createClient(workspaceID: Int64, name: String, notes: String?, creatorID: Int64, now: Int64) async throws -> WorkspaceClient {
        try await mapErrors {
            try await write { db in
                try db.execute(
                    sql: "INSERT INTO clients (workspace_id, name, notes, creator_id, at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [workspaceID, name, notes, creatorID, now])
                return WorkspaceClient(
                    id: db.lastInsertedRowID, workspaceID: workspaceID, name: name, notes: notes, archived: false, creatorID: creatorID, at: now)
            }
        }
    }

    public func clients(workspaceIDs: [Int64]) async throws -> [WorkspaceClient] {
        try rowsByName("clients", workspaceIDs: workspaceIDs).map(Self.client)
    }

    public func client(id: Int64) async throws -> WorkspaceClient? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM clients WHERE id = ?", arguments: [id]).map(Self.client) }
    }

    public func updateClient(_ c: WorkspaceClient) async throws {
        try await mapErrors {
            try await write { db in
                try db.execute(sql: "UPDATE clients SET name = ?, notes = ?, at = ? WHERE id = ?", arguments: [c.name, c.notes, c.at, c.id])
            }
        }
    }

    public func deleteClient(id: Int64) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE projects SET client_id = NULL WHERE client_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM clients WHERE id = ?", arguments: [id])
        }
    }

    public func archiveClient(id: Int64, now: Int64) async throws -> [Int64] {
        try await write { db in
            let projects = try Int64.fetchAll(db, sql: "SELECT id FROM projects WHERE client_id = ? AND active ORDER BY id", arguments: [id])
            try db.execute(sql: "UPDATE projects SET active = 0 WHERE client_id = ?", arguments: [id])
            try db.execute(sql: "UPDATE clients SET archived = 1, at = ? WHERE id = ?", arguments: [now, id])
            return projects
        }
    }

    public func restoreClient(id: Int64, projectIDs: [Int64]?, now: Int64) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE clients SET archived = 0, at = ? WHERE id = ?", arguments: [now, id])
            if let projectIDs {
                for projectID in projectIDs {
                    try db.execute(sql: "UPDATE projects SET active = 1 WHERE client_id = ? AND id = ?", arguments: [id, projectID])
                }
            } else {
                try db.execute(sql: "UPDATE projects SET active = 1 WHERE client_id = ?", arguments: [id])
            }
        }
    }

    public func createTask(_ k: TrackingTask) async throws -> TrackingTask {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO tasks (workspace_id, project_id, name, active, created_at, estimated_seconds) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [k.workspaceID, k.projectID, k.name, k.active, k.createdAt, k.estimatedSeconds])
            var created = k
            created.id = db.lastInsertedRowID
            return created
        }
    }

    public func updateTask(_ k: TrackingTask) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE tasks SET name = ?, active = ?, estimated_seconds = ? WHERE id = ?", arguments: [k.name, k.active, k.estimatedSeconds, k.id])
        }
    }

    public func deleteTask(id: Int64, memberIDs: [Int64], now: Int64) async throws {
        // Entries of the members change (their task goes): the running-entry cache must see it.
        try await writingEntries(of: memberIDs) {
            try await write { db in
                try db.execute(sql: "UPDATE time_entries SET task_id = NULL, at = ? WHERE task_id = ?", arguments: [now, id])
                try db.execute(sql: "DELETE FROM tasks WHERE id = ?", arguments: [id])
            }
        }
    }

    public func tasks(projectID: Int64) async throws -> [TrackingTask] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tasks WHERE project_id = ? ORDER BY id", arguments: [projectID]).map(Self.task)
        }
    }

    public func task(id: Int64) async throws -> TrackingTask? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM tasks WHERE id = ?", arguments: [id]).map(Self.task) }
    }

    public func tagIDs(workspaceID: Int64, names: [String], creatorID: Int64, now: Int64) async throws -> [Int64] {
        guard !names.isEmpty else { return [] }
        return try await write { db in
            var ids: [Int64] = []
            for name in names {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO tags (workspace_id, name, created_at, creator_id) VALUES (?, ?, ?, ?)",
                    arguments: [workspaceID, name, now, creatorID])
                if let id = try Int64.fetchOne(db, sql: "SELECT id FROM tags WHERE workspace_id = ? AND name = ?", arguments: [workspaceID, name]) {
                    ids.append(id)
                }
            }
            return ids
        }
    }

    public func tagNames(ids: [Int64], workspaceID: Int64?) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
            var sql = "SELECT id, name FROM tags WHERE id IN (\(marks))"
            var args = StatementArguments(ids)
            if let workspaceID {
                sql += " AND workspace_id = ?"
                args += [workspaceID]
            }
            var result: [Int64: String] = [:]
            // Cached per id count: preparing (and authorizing) the statement cost more than running it.
            for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: args) { result[row["id"]] = row["name"] }
            return result
        }
    }

    // MARK: Time entries


    /// Runs `statement` (selecting `entryColumns`) and decodes up to `limit` rows through SQLite's
    /// C API: GRDB's `Row` builds a column-name index for every row, which on the hot `current`
    /// path cost more than the query itself.
    static func fetchEntries(
        _ db: Database, _ statement: Statement, _ arguments: StatementArguments, limit: Int = .max
    ) throws -> [TimeEntry] {
        try statement.setArguments(arguments)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }  // ends the implicit read transaction at once
        func int(_ i: Int32) -> Int64 { sqlite3_column_int64(s, i) }
        func optionalInt(_ i: Int32) -> Int64? { sqlite3_column_type(s, i) == SQLITE_NULL ? nil : int(i) }
        func text(_ i: Int32) -> String {
            guard let bytes = sqlite3_column_text(s, i) else { return "" }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(s, i))), as: UTF8.self)
        }
        var result: [TimeEntry] = []
        while result.count < limit {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
            result.append(
                TimeEntry(
                    id: int(0), workspaceID: int(1), userID: int(2), projectID: optionalInt(3), taskID: optionalInt(4),
                    description: text(5), billable: int(6) != 0, start: int(7), stop: optionalInt(8), duronly: int(9) != 0,
                    createdWith: text(10), tagIDs: TagList.decode(text(11)), at: int(12), deletedAt: optionalInt(13)))
        }
        return result
    }

    public func insertEntry(_ e: NewTimeEntry) async throws -> TimeEntry {
        try await writingEntries(of: [e.userID]) {
            try await write { db in
                try db.execute(
                    sql: """
                        INSERT INTO time_entries (workspace_id, user_id, project_id, task_id, description, billable, start, stop, duronly,
                            created_with, tag_ids, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        e.workspaceID, e.userID, e.projectID, e.taskID, e.description, e.billable, e.start, e.stop, e.duronly, e.createdWith,
                        TagList.encode(e.tagIDs), e.at,
                    ])
                return e.stored(id: db.lastInsertedRowID)
            }
        }
    }

    public func entry(id: Int64) async throws -> TimeEntry? {
        try read { db in
            try Self.fetchEntries(db, db.cachedStatement(sql: "SELECT \(StoreSchema.entryColumns) FROM time_entries WHERE id = ?"), [id], limit: 1)
                .first
        }
    }

    public func runningEntry(userID: Int64) async throws -> TimeEntry? {
        guard let runningEntries else { return try runningEntryFromDatabase(userID: userID) }
        return try await runningEntries.runningEntry(userID: userID) { try runningEntryFromDatabase(userID: userID) }
    }

    func runningEntryFromDatabase(userID: Int64) throws -> TimeEntry? {
        try read { db in
            // Prepared once per connection: this is the hot `current` query.
            try Self.fetchEntries(
                db, db.cachedStatement(sql: "SELECT \(StoreSchema.entryColumns) FROM time_entries WHERE user_id = ? AND stop IS NULL AND deleted_at IS NULL"),
                [userID], limit: 1
            ).first
        }
    }

    /// Every write of time entries: refused with `.accounts` access, seen by the cache otherwise.
    func writingEntries<T>(of userIDs: [Int64], _ body: () async throws -> T) async throws -> T {
        guard let runningEntries else {
            throw TrackingError(.unavailable, "this store was opened for accounts only; time entries are written by the server that owns the database")
        }
        return try await runningEntries.writing(userIDs: userIDs) { try await mapErrors(body) }
    }

    public func entries(userID: Int64, workspaceID: Int64?, from: Int64?, to: Int64?, since: Int64?) async throws -> [TimeEntry] {
        try read { db in
            var sql = "SELECT \(StoreSchema.entryColumns) FROM time_entries WHERE user_id = ?"
            var args: StatementArguments = [userID]
            if let workspaceID {
                sql += " AND workspace_id = ?"
                args += [workspaceID]
            }
            if let since {
                sql += " AND at >= ?"
                args += [since]
            } else {
                sql += " AND deleted_at IS NULL"
            }
            if let from {
                sql += " AND start >= ?"
                args += [from]
            }
            if let to {
                sql += " AND start < ?"
                args += [to]
            }
            sql += " ORDER BY start DESC, id DESC"
            return try Self.fetchEntries(db, db.cachedStatement(sql: sql), args)  // sixteen shapes at most
        }
    }

    public func updateEntries(_ entries: [TimeEntry]) async throws {
        try await writingEntries(of: entries.map(\.userID)) {
            try await write { db in
                for e in entries {
                    try db.execute(
                        sql: """
                            UPDATE time_entries SET project_id = ?, task_id = ?, description = ?, billable = ?, start = ?, stop = ?,
                                tag_ids = ?, at = ?, deleted_at = ? WHERE id = ?
                            """,
                        arguments: [
                            e.projectID, e.taskID, e.description, e.billable, e.start, e.stop, TagList.encode(e.tagIDs), e.at, e.deletedAt, e.id,
                        ])
                }
            }
        }
    }

    /// Maps the unique-index violation to the running-timer conflict; the transaction has
    /// already been rolled back by GRDB, so nothing was persisted.
    func mapErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // SQLite names the violated index's table and columns: "UNIQUE constraint failed: time_entries.user_id".
            let table = error.message?.split(separator: ":").last?.split(separator: ".").first.map { $0.trimmingCharacters(in: .whitespaces) }
            if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE { throw StoreSchema.uniqueViolation(on: table) }
            throw TrackingError(.conflict, "conflicting data: \(error.message ?? "constraint violated")")
        }
    }
}

/// Tag ids stored as a compact text list ("1,5,9"), the same in both stores.
enum TagList {
    static func encode(_ ids: [Int64]) -> String { ids.map(String.init).joined(separator: ",") }
    static func decode(_ text: String) -> [Int64] { text.split(separator: ",").compactMap { Int64($0) } }
}
