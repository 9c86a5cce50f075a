import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// The PostgreSQL store, through PostgresNIO. Every table lives in one schema (`--schema`), and
/// every statement names it explicitly, so no `search_path` can send a query elsewhere; the one
/// exception, `RunningEntriesStatement`, runs only on a connection whose `search_path` is that
/// schema alone.
public final class PostgresStore: TrackingStore, Sendable {
    let client: PostgresClient
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

    // MARK: Accounts

    public func createUser(email: String, fullname: String, timezone: String, passwordHash: String, workspaceName: String, now: Int64)
        async throws -> User
    {
        try await mapErrors {
            try await client.withTransaction(logger: logger) { conn in
                let workspaceID = try await Self.single(
                    conn.query(
                        "INSERT INTO \(unescaped: t("workspaces")) (name, created_at, updated_at) VALUES (\(workspaceName), \(now), \(now)) RETURNING id",
                        logger: logger))
                let userID = try await Self.single(
                    conn.query(
                        """
                        INSERT INTO \(unescaped: t("users")) (email, fullname, timezone, password_hash, default_workspace_id, created_at, updated_at)
                        VALUES (\(email), \(fullname), \(timezone), \(passwordHash), \(workspaceID), \(now), \(now)) RETURNING id
                        """, logger: logger))
                try await conn.query(
                    "INSERT INTO \(unescaped: t("memberships")) (workspace_id, user_id, role) VALUES (\(workspaceID), \(userID), 'admin')",
                    logger: logger)
                return User(
                    id: userID, email: email, fullname: fullname, timezone: timezone, defaultWorkspaceID: workspaceID, createdAt: now,
                    updatedAt: now)
            }
        }
    }

    static func single(_ rows: PostgresRowSequence) async throws -> Int64 {
        for try await id in rows.decode(Int64.self) { return id }
        throw TrackingError(.unavailable, "the database returned no id")
    }

    public func setToken(userID: Int64, tokenHash: String, sealed: String?) async throws {
        try await client.query(
            "UPDATE \(unescaped: t("users")) SET token_hash = \(tokenHash), token_sealed = \(sealed) WHERE id = \(userID)", logger: logger)
    }

    public func preferences(userID: Int64) async throws -> String? {
        var body: String?
        for try await value in try await client.query(
            "SELECT body FROM \(unescaped: t("preferences")) WHERE user_id = \(userID)", logger: logger
        ).decode(String.self) { body = value }
        return body
    }

    public func setPreferences(userID: Int64, body: String) async throws {
        try await client.query(
            """
            INSERT INTO \(unescaped: t("preferences")) (user_id, body) VALUES (\(userID), \(body))
            ON CONFLICT (user_id) DO UPDATE SET body = excluded.body
            """, logger: logger)
    }

    static let userColumns =
        "id, email, fullname, timezone, default_workspace_id, created_at, updated_at, password_hash, beginning_of_week, token_sealed"

    func users(_ query: PostgresQuery) async throws -> StoredUser? {
        let rows = try await client.query(query, logger: logger)
        for try await (id, email, fullname, timezone, wid, created, updated, hash, week, sealed) in rows.decode(
            (Int64, String, String, String, Int64, Int64, Int64, String, Int, String?).self)
        {
            return StoredUser(
                user: User(
                    id: id, email: email, fullname: fullname, timezone: timezone, defaultWorkspaceID: wid, createdAt: created,
                    updatedAt: updated, beginningOfWeek: week), passwordHash: hash, sealedToken: sealed)
        }
        return nil
    }

    public func user(id: Int64) async throws -> StoredUser? {
        try await users("SELECT \(unescaped: Self.userColumns) FROM \(unescaped: t("users")) WHERE id = \(id)")
    }

    public func updateUser(_ u: User) async throws {
        try await mapErrors {
            try await client.query(
                """
                UPDATE \(unescaped: t("users")) SET fullname = \(u.fullname), timezone = \(u.timezone), email = \(u.email),
                    default_workspace_id = \(u.defaultWorkspaceID), beginning_of_week = \(u.beginningOfWeek), updated_at = \(u.updatedAt)
                WHERE id = \(u.id)
                """, logger: logger)
        }
    }

    public func user(email: String) async throws -> StoredUser? {
        try await users("SELECT \(unescaped: Self.userColumns) FROM \(unescaped: t("users")) WHERE email = \(email)")
    }

    public func user(tokenHash: String) async throws -> StoredUser? {
        try await users("SELECT \(unescaped: Self.userColumns) FROM \(unescaped: t("users")) WHERE token_hash = \(tokenHash)")
    }

    // MARK: Workspaces

    func memberships(_ query: PostgresQuery) async throws -> [Membership] {
        try await Self.memberships(client.query(query, logger: logger))
    }

    static func memberships(_ rows: PostgresRowSequence) async throws -> [Membership] {
        var result: [Membership] = []
        for try await (id, name, created, updated, organizationName, role) in rows.decode(
            (Int64, String, Int64, Int64, String?, String).self)
        {
            result.append(
                Membership(
                    workspace: Workspace(id: id, name: name, createdAt: created, updatedAt: updated, organizationName: organizationName), role: role))
        }
        return result
    }

    var membershipSelect: String {
        "SELECT w.id, w.name, w.created_at, w.updated_at, w.organization_name, m.role FROM \(t("memberships")) m JOIN \(t("workspaces")) w ON w.id = m.workspace_id"
    }

    public func memberships(userID: Int64) async throws -> [Membership] {
        try await memberships("\(unescaped: membershipSelect) WHERE m.user_id = \(userID) ORDER BY w.id")
    }

    public func membership(userID: Int64, workspaceID: Int64) async throws -> Membership? {
        // Every workspace route asks this first.
        try await prepared(
            "missionctl_membership", "\(membershipSelect) WHERE m.user_id = $1 AND m.workspace_id = $2", [userID, workspaceID],
            Self.memberships
        ).first
    }

    public func createWorkspace(name: String, organizationName: String?, ownerID: Int64, now: Int64) async throws -> Membership {
        try await client.withTransaction(logger: logger) { conn in
            let id = try await Self.single(
                conn.query(
                    """
                    INSERT INTO \(unescaped: t("workspaces")) (name, organization_name, created_at, updated_at)
                    VALUES (\(name), \(organizationName), \(now), \(now)) RETURNING id
                    """,
                    logger: logger))
            try await conn.query(
                "INSERT INTO \(unescaped: t("memberships")) (workspace_id, user_id, role) VALUES (\(id), \(ownerID), 'admin')", logger: logger)
            return Membership(
                workspace: Workspace(id: id, name: name, createdAt: now, updatedAt: now, organizationName: organizationName), role: "admin")
        }
    }

    public func renameOrganization(workspaceID: Int64, name: String, now: Int64) async throws {
        try await client.query(
            "UPDATE \(unescaped: t("workspaces")) SET organization_name = \(name), updated_at = \(now) WHERE id = \(workspaceID)", logger: logger)
    }

    public func removeMembership(userID: Int64, workspaceID: Int64) async throws {
        try await client.query(
            "DELETE FROM \(unescaped: t("memberships")) WHERE user_id = \(userID) AND workspace_id = \(workspaceID)", logger: logger)
    }

    public func members(workspaceID: Int64) async throws -> [Int64] {
        var ids: [Int64] = []
        for try await id in try await client.query(
            "SELECT user_id FROM \(unescaped: t("memberships")) WHERE workspace_id = \(workspaceID)", logger: logger
        ).decode(Int64.self) {
            ids.append(id)
        }
        return ids
    }

    // MARK: Catalog

    static let projectColumns = "id, workspace_id, name, active, created_at, client_id, color, is_private, billable, estimated_hours"

    func projects(_ query: PostgresQuery) async throws -> [Project] {
        var result: [Project] = []
        for try await (id, wid, name, active, created, clientID, color, isPrivate, billable, hours) in try await client.query(query, logger: logger)
            .decode((Int64, Int64, String, Bool, Int64, Int64?, String?, Bool, Bool?, Int64?).self)
        {
            result.append(
                Project(
                    id: id, workspaceID: wid, name: name, active: active, createdAt: created, clientID: clientID, color: color, isPrivate: isPrivate,
                    billable: billable, estimatedHours: hours))
        }
        return result
    }

    public func createProject(_ p: Project) async throws -> Project {
        let id = try await Self.single(
            client.query(
                """
                INSERT INTO \(unescaped: t("projects")) (workspace_id, name, active, client_id, created_at, color, is_private, billable, estimated_hours)
                VALUES (\(p.workspaceID), \(p.name), \(p.active), \(p.clientID), \(p.createdAt), \(p.color), \(p.isPrivate), \(p.billable), \(p.estimatedHours))
                RETURNING id
                """,
                logger: logger))
        var created = p
        created.id = id
        return created
    }

    public func projects(workspaceID: Int64) async throws -> [Project] {
        try await projects(
            "SELECT \(unescaped: Self.projectColumns) FROM \(unescaped: t("projects")) WHERE workspace_id = \(workspaceID) ORDER BY id")
    }

    public func project(id: Int64) async throws -> Project? {
        try await projects("SELECT \(unescaped: Self.projectColumns) FROM \(unescaped: t("projects")) WHERE id = \(id)").first
    }

    public func updateProject(_ p: Project) async throws {
        try await client.query(
            """
            UPDATE \(unescaped: t("projects")) SET name = \(p.name), active = \(p.active), client_id = \(p.clientID), color = \(p.color),
            is_private = \(p.isPrivate), billable = \(p.billable), estimated_hours = \(p.estimatedHours) WHERE id = \(p.id)
            """,
            logger: logger)
    }

    // MARK: Clients

    static let clientColumns = "id, workspace_id, name, notes, archived, creator_id, at"

    func clients(_ query: PostgresQuery) async throws -> [WorkspaceClient] {
        var result: [WorkspaceClient] = []
        for try await (id, wid, name, notes, archived, creator, at) in try await client.query(query, logger: logger).decode(
            (Int64, Int64, String, String?, Bool, Int64, Int64).self)
        {
            result.append(WorkspaceClient(id: id, workspaceID: wid, name: name, notes: notes, archived: archived, creatorID: creator, at: at))
        }
        return result
    }

    public func createClient(workspaceID: Int64, name: String, notes: String?, creatorID: Int64, now: Int64) async throws -> WorkspaceClient {
        try await mapErrors {
            let id = try await Self.single(
                client.query(
                    """
                    INSERT INTO \(unescaped: t("clients")) (workspace_id, name, notes, creator_id, at)
                    VALUES (\(workspaceID), \(name), \(notes), \(creatorID), \(now)) RETURNING id
                    """, logger: logger))
            return WorkspaceClient(id: id, workspaceID: workspaceID, name: name, notes: notes, archived: false, creatorID: creatorID, at: now)
        }
    }

    public func clients(workspaceIDs: [Int64]) async throws -> [WorkspaceClient] {
        guard !workspaceIDs.isEmpty else { return [] }
        return try await clients(
            "SELECT \(unescaped: Self.clientColumns) FROM \(unescaped: t("clients")) WHERE workspace_id = ANY(\(workspaceIDs)) ORDER BY name, id")
    }

    public func client(id: Int64) async throws -> WorkspaceClient? {
        try await clients("SELECT \(unescaped: Self.clientColumns) FROM \(unescaped: t("clients")) WHERE id = \(id)").first
    }

    public func updateClient(_ c: WorkspaceClient) async throws {
        try await mapErrors {
            try await client.query(
                "UPDATE \(unescaped: t("clients")) SET name = \(c.name), notes = \(c.notes), at = \(c.at) WHERE id = \(c.id)", logger: logger)
        }
    }

    public func deleteClient(id: Int64) async throws {
        try await client.withTransaction(logger: logger) { conn in
            try await conn.query("UPDATE \(unescaped: t("projects")) SET client_id = NULL WHERE client_id = \(id)", logger: logger)
            try await conn.query("DELETE FROM \(unescaped: t("clients")) WHERE id = \(id)", logger: logger)
        }
    }

    public func archiveClient(id: Int64, now: Int64) async throws -> [Int64] {
        try await client.withTransaction(logger: logger) { conn in
            var projects: [Int64] = []
            let rows = try await conn.query(
                "UPDATE \(unescaped: t("projects")) SET active = FALSE WHERE client_id = \(id) AND active RETURNING id", logger: logger)
            for try await projectID in rows.decode(Int64.self) { projects.append(projectID) }
            try await conn.query("UPDATE \(unescaped: t("clients")) SET archived = TRUE, at = \(now) WHERE id = \(id)", logger: logger)
            return projects.sorted()
        }
    }

    public func restoreClient(id: Int64, projectIDs: [Int64]?, now: Int64) async throws {
        try await client.withTransaction(logger: logger) { conn in
            try await conn.query("UPDATE \(unescaped: t("clients")) SET archived = FALSE, at = \(now) WHERE id = \(id)", logger: logger)
            if let projectIDs {
                try await conn.query(
                    "UPDATE \(unescaped: t("projects")) SET active = TRUE WHERE client_id = \(id) AND id = ANY(\(projectIDs))", logger: logger)
            } else {
                try await conn.query("UPDATE \(unescaped: t("projects")) SET active = TRUE WHERE client_id = \(id)", logger: logger)
            }
        }
    }

    public func deleteProject(id: Int64, memberIDs: [Int64], now: Int64) async throws {
        try await client.withTransaction(logger: logger) { conn in
            try await conn.query(
                "UPDATE \(unescaped: t("time_entries")) SET project_id = NULL, task_id = NULL, at = \(now) WHERE project_id = \(id)",
                logger: logger)
            try await conn.query("DELETE FROM \(unescaped: t("tasks")) WHERE project_id = \(id)", logger: logger)
            try await conn.query("DELETE FROM \(unescaped: t("projects")) WHERE id = \(id)", logger: logger)
        }
    }

    public func tasks(workspaceID: Int64) async throws -> [TrackingTask] {
        try await tasks(
            "SELECT \(unescaped: Self.taskColumns) FROM \(unescaped: t("tasks")) WHERE workspace_id = \(workspaceID) ORDER BY id")
    }

    func tags(_ query: PostgresQuery) async throws -> [Tag] {
        var result: [Tag] = []
        for try await (id, wid, name, at, creator) in try await client.query(query, logger: logger).decode((Int64, Int64, String, Int64, Int64?).self) {
            result.append(Tag(id: id, workspaceID: wid, name: name, at: at, creatorID: creator))
        }
        return result
    }

    public func tags(workspaceIDs: [Int64]) async throws -> [Tag] {
        guard !workspaceIDs.isEmpty else { return [] }
        return try await tags(
            "SELECT id, workspace_id, name, created_at, creator_id FROM \(unescaped: t("tags")) WHERE workspace_id = ANY(\(workspaceIDs)) ORDER BY name, id")
    }

    public func tag(id: Int64) async throws -> Tag? {
        try await tags("SELECT id, workspace_id, name, created_at, creator_id FROM \(unescaped: t("tags")) WHERE id = \(id)").first
    }

    public func renameWorkspace(id: Int64, name: String, now: Int64) async throws {
        try await client.query("UPDATE \(unescaped: t("workspaces")) SET name = \(name), updated_at = \(now) WHERE id = \(id)", logger: logger)
    }

    public func renameTag(id: Int64, name: String, now: Int64) async throws {
        try await mapErrors {
            try await client.query("UPDATE \(unescaped: t("tags")) SET name = \(name), created_at = \(now) WHERE id = \(id)", logger: logger)
        }
    }

    public func deleteTag(id: Int64) async throws {
        try await client.query("DELETE FROM \(unescaped: t("tags")) WHERE id = \(id)", logger: logger)
    }

    static let taskColumns = "id, workspace_id, project_id, name, active, created_at, estimated_seconds"

    func tasks(_ query: PostgresQuery) async throws -> [TrackingTask] {
        var result: [TrackingTask] = []
        for try await (id, wid, pid, name, active, created, estimate) in try await client.query(query, logger: logger).decode(
            (Int64, Int64, Int64, String, Bool, Int64, Int64?).self)
        {
            result.append(TrackingTask(id: id, workspaceID: wid, projectID: pid, name: name, active: active, createdAt: created, estimatedSeconds: estimate))
        }
        return result
    }

    public func createTask(_ k: TrackingTask) async throws -> TrackingTask {
        let id = try await Self.single(
            client.query(
                """
                INSERT INTO \(unescaped: t("tasks")) (workspace_id, project_id, name, active, created_at, estimated_seconds)
                VALUES (\(k.workspaceID), \(k.projectID), \(k.name), \(k.active), \(k.createdAt), \(k.estimatedSeconds)) RETURNING id
                """,
                logger: logger))
        var created = k
        created.id = id
        return created
    }

    public func updateTask(_ k: TrackingTask) async throws {
        try await client.query(
            "UPDATE \(unescaped: t("tasks")) SET name = \(k.name), active = \(k.active), estimated_seconds = \(k.estimatedSeconds) WHERE id = \(k.id)",
            logger: logger)
    }

    public func deleteTask(id: Int64, memberIDs: [Int64], now: Int64) async throws {
        try await client.withTransaction(logger: logger) { conn in
            try await conn.query(
                "UPDATE \(unescaped: t("time_entries")) SET task_id = NULL, at = \(now) WHERE task_id = \(id)", logger: logger)
            try await conn.query("DELETE FROM \(unescaped: t("tasks")) WHERE id = \(id)", logger: logger)
        }
    }

    public func tasks(projectID: Int64) async throws -> [TrackingTask] {
        try await tasks(
            "SELECT \(unescaped: Self.taskColumns) FROM \(unescaped: t("tasks")) WHERE project_id = \(projectID) ORDER BY id")
    }

    public func task(id: Int64) async throws -> TrackingTask? {
        try await tasks("SELECT \(unescaped: Self.taskColumns) FROM \(unescaped: t("tasks")) WHERE id = \(id)").first
    }

    public func tagIDs(workspaceID: Int64, names: [String], creatorID: Int64, now: Int64) async throws -> [Int64] {
        guard !names.isEmpty else { return [] }
        var ids: [Int64] = []
        for name in names {
            try await client.query(
                """
                INSERT INTO \(unescaped: t("tags")) (workspace_id, name, created_at, creator_id) VALUES (\(workspaceID), \(name), \(now), \(creatorID))
                ON CONFLICT DO NOTHING
                """,
                logger: logger)
            ids.append(
                try await Self.single(
                    client.query("SELECT id FROM \(unescaped: t("tags")) WHERE workspace_id = \(workspaceID) AND name = \(name)", logger: logger)))
        }
        return ids
    }

    public func tagNames(ids: [Int64], workspaceID: Int64?) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let rows: PostgresRowSequence
        if let workspaceID {
            rows = try await client.query(
                "SELECT id, name FROM \(unescaped: t("tags")) WHERE id = ANY(\(ids)) AND workspace_id = \(workspaceID)", logger: logger)
        } else {
            rows = try await client.query("SELECT id, name FROM \(unescaped: t("tags")) WHERE id = ANY(\(ids))", logger: logger)
        }
        var result: [Int64: String] = [:]
        for try await (id, name) in rows.decode((Int64, String).self) { result[id] = name }
        return result
    }

    // MARK: Time entries


    func entries(_ query: PostgresQuery) async throws -> [TimeEntry] {
        try await Self.entries(client.query(query, logger: logger))
    }

    static func entries(_ rows: PostgresRowSequence) async throws -> [TimeEntry] {
        var result: [TimeEntry] = []
        for try await row in rows { result.append(try entry(row)) }
        return result
    }

    /// Decoded cell by cell: decoding the 14 columns as one tuple instantiated generic tuple
    /// metadata for every row, a tenth of the server's time on `current`.
    static func entry(_ row: PostgresRow) throws -> TimeEntry {
        var cells = row.makeIterator()
        func cell() throws -> PostgresCell {
            guard let cell = cells.next() else { throw TrackingError(.unavailable, "the database returned a time entry row with too few columns") }
            return cell
        }
        func int() throws -> Int64 { try cell().decode(Int64.self) }
        func optionalInt() throws -> Int64? { try cell().decode(Int64?.self) }
        func text() throws -> String { try cell().decode(String.self) }
        func bool() throws -> Bool { try cell().decode(Bool.self) }
        // In `entryColumns` order.
        return TimeEntry(
            id: try int(), workspaceID: try int(), userID: try int(), projectID: try optionalInt(), taskID: try optionalInt(),
            description: try text(), billable: try bool(), start: try int(), stop: try optionalInt(), duronly: try bool(),
            createdWith: try text(), tagIDs: TagList.decode(try text()), at: try int(), deletedAt: try optionalInt())
    }

    public func insertEntry(_ e: NewTimeEntry) async throws -> TimeEntry {
        try await mapErrors {
            let id = try await Self.single(
                client.query(
                    """
                    INSERT INTO \(unescaped: t("time_entries")) (workspace_id, user_id, project_id, task_id, description, billable, start,
                        stop, duronly, created_with, tag_ids, at)
                    VALUES (\(e.workspaceID), \(e.userID), \(e.projectID), \(e.taskID), \(e.description), \(e.billable), \(e.start),
                        \(e.stop), \(e.duronly), \(e.createdWith), \(TagList.encode(e.tagIDs)), \(e.at)) RETURNING id
                    """, logger: logger))
            return e.stored(id: id)
        }
    }

    public func entry(id: Int64) async throws -> TimeEntry? {
        try await prepared("missionctl_entry", "SELECT \(StoreSchema.entryColumns) FROM \(t("time_entries")) WHERE id = $1", [id], Self.entries)
            .first
    }

    /// Concurrent calls share queries (`currentReads`): `current` is the most frequent request.
    public func runningEntry(userID: Int64) async throws -> TimeEntry? {
        try await currentReads.read(userID)
    }

    /// A hot read as a session-level prepared statement: `PREPARE` once per connection (when
    /// `EXECUTE` says it is missing), then `EXECUTE name(ids)`. PostgreSQL then skips parsing and
    /// planning, which were most of its CPU per `current` request, and the statement stays
    /// schema-qualified. `select` takes the ids as bigint `$1`, `$2`, …; they are inlined into
    /// `EXECUTE` as integer literals, so nothing user-supplied reaches the SQL text. Like any
    /// prepared statement, this needs session-level connections (no transaction-pooling proxy).
    func prepared<T>(
        _ name: String, _ select: String, _ ids: [Int64], _ decode: (PostgresRowSequence) async throws -> T
    ) async throws -> T {
        try await client.withConnection { conn in
            let execute = PostgresQuery(unsafeSQL: "EXECUTE \(name)(\(ids.map(String.init).joined(separator: ", ")))")
            do {
                return try await decode(conn.query(execute, logger: logger))
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "26000" {  // invalid_sql_statement_name
                let types = Array(repeating: "bigint", count: ids.count).joined(separator: ", ")
                try await conn.query(PostgresQuery(unsafeSQL: "PREPARE \(name)(\(types)) AS \(select)"), logger: logger)
                return try await decode(conn.query(execute, logger: logger))
            }
        }
    }

    public func entries(userID: Int64, workspaceID: Int64?, from: Int64?, to: Int64?, since: Int64?) async throws -> [TimeEntry] {
        let deletedFilter = since == nil ? " AND deleted_at IS NULL" : ""
        return try await entries(
            """
            SELECT \(unescaped: StoreSchema.entryColumns) FROM \(unescaped: t("time_entries"))
            WHERE user_id = \(userID) AND (\(workspaceID)::BIGINT IS NULL OR workspace_id = \(workspaceID))\(unescaped: deletedFilter)
              AND (\(since)::BIGINT IS NULL OR at >= \(since)) AND (\(from)::BIGINT IS NULL OR start >= \(from))
              AND (\(to)::BIGINT IS NULL OR start < \(to))
            ORDER BY start DESC, id DESC
            """)
    }

    public func updateEntries(_ entries: [TimeEntry]) async throws {
        try await mapErrors {
            try await client.withTransaction(logger: logger) { conn in
                for e in entries {
                    try await conn.query(
                        """
                        UPDATE \(unescaped: t("time_entries")) SET project_id = \(e.projectID), task_id = \(e.taskID),
                            description = \(e.description), billable = \(e.billable), start = \(e.start), stop = \(e.stop),
                            tag_ids = \(TagList.encode(e.tagIDs)), at = \(e.at), deleted_at = \(e.deletedAt)
                        WHERE id = \(e.id)
                        """, logger: logger)
                }
            }
        }
    }

    /// Maps the running-timer index violation to 409; the transaction was rolled back.
    func mapErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            // withTransaction wraps what the closure threw.
            let inner = (error as? PostgresTransactionError)?.closureError ?? error
            if let psql = inner as? PSQLError, psql.serverInfo?[.sqlState] == "23505" {
                throw StoreSchema.uniqueViolation(on: psql.serverInfo?[.tableName])
            }
            throw inner
        }
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
