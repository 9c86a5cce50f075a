/// What the two stores share about their tables, written once: the migrations that create them,
/// the columns of a time entry in the order both decode them, and how a write that breaks the
/// one-running-timer rule is told apart from other failures. Each store spells the migrations
/// through its `SQLDialect`.
enum StoreSchema {
    typealias Column = SchemaChange.Column
    typealias Table = SchemaChange.Table
    typealias Index = SchemaChange.Index

    /// The migrations, in order. Version 2 is gone: it created PostgreSQL's `cache_regime`, the
    /// lease by which one server at a time cached running timers; servers are stateless now and
    /// version 3 drops that table where it exists (a no-op on SQLite, which never had it).
    static let migrations: [SchemaMigration] = [
        SchemaMigration(
            version: 1, name: "accounts-and-entries",
            changes: [
                .createTable(
                    Table(
                        name: "users",
                        columns: [
                            Column("id", .key), Column("email", .text, unique: true), Column("fullname", .text), Column("timezone", .text),
                            Column("password_hash", .text), Column("token_hash", .text, nullable: true, unique: true),
                            Column("default_workspace_id", .integer, nullable: true), Column("created_at", .integer),
                            Column("updated_at", .integer),
                        ])),
                .createTable(
                    Table(
                        name: "workspaces",
                        columns: [Column("id", .key), Column("name", .text), Column("created_at", .integer), Column("updated_at", .integer)])),
                .createTable(
                    Table(
                        name: "memberships",
                        columns: [Column("workspace_id", .reference("workspaces")), Column("user_id", .reference("users")), Column("role", .text)],
                        primaryKey: ["workspace_id", "user_id"])),
                .createTable(
                    Table(
                        name: "projects",
                        columns: [
                            Column("id", .key), Column("workspace_id", .reference("workspaces")), Column("name", .text),
                            Column("active", .boolean, default: .boolean(true)), Column("created_at", .integer),
                        ])),
                .createTable(
                    Table(
                        name: "tasks",
                        columns: [
                            Column("id", .key), Column("workspace_id", .reference("workspaces")), Column("project_id", .reference("projects")),
                            Column("name", .text), Column("active", .boolean, default: .boolean(true)), Column("created_at", .integer),
                        ])),
                .createTable(
                    Table(
                        name: "tags",
                        columns: [Column("id", .key), Column("workspace_id", .reference("workspaces")), Column("name", .text), Column("created_at", .integer)],
                        uniqueTogether: [["workspace_id", "name"]])),
                .createTable(
                    Table(
                        name: "time_entries",
                        columns: [
                            Column("id", .key), Column("workspace_id", .reference("workspaces")), Column("user_id", .reference("users")),
                            Column("project_id", .integer, nullable: true), Column("task_id", .integer, nullable: true),
                            Column("description", .text), Column("billable", .boolean), Column("start", .integer),
                            Column("stop", .integer, nullable: true), Column("duronly", .boolean), Column("created_with", .text),
                            Column("tag_ids", .text), Column("at", .integer), Column("deleted_at", .integer, nullable: true),
                        ])),
                // The one-running-timer rule, enforced by the database.
                .createIndex(
                    Index(
                        name: runningTimerIndex, table: "time_entries", columns: ["user_id"], unique: true,
                        predicate: "stop IS NULL AND deleted_at IS NULL")),
                .createIndex(Index(name: "time_entries_by_user", table: "time_entries", columns: ["user_id", "workspace_id", "start"])),
            ]),
        SchemaMigration(version: 3, name: "stateless-servers", changes: [.dropTable("cache_regime")]),
        SchemaMigration(
            version: 4, name: "profiles-and-random-tokens",
            changes: [
                .addColumns(
                    table: "users",
                    [Column("beginning_of_week", .integer, default: .integer(1)), Column("token_sealed", .text, nullable: true)]),
                .createIndex(Index(name: "time_entries_by_user_start", table: "time_entries", columns: ["user_id", "start"])),
                .createIndex(
                    Index(name: "time_entries_by_project", table: "time_entries", columns: ["project_id"], predicate: "project_id IS NOT NULL")),
            ]),
        SchemaMigration(
            version: 5, name: "clients",
            changes: [
                .createTable(
                    Table(
                        name: "clients",
                        columns: [
                            Column("id", .key), Column("workspace_id", .reference("workspaces")), Column("name", .text),
                            Column("notes", .text, nullable: true), Column("archived", .boolean, default: .boolean(false)),
                            Column("creator_id", .reference("users")), Column("at", .integer),
                        ],
                        uniqueTogether: [["workspace_id", "name"]])),
                .addColumns(table: "projects", [Column("client_id", .reference("clients"), nullable: true)]),
            ]),
        SchemaMigration(
            version: 6, name: "project-settings-and-organization-names",
            changes: [
                .addColumns(table: "workspaces", [Column("organization_name", .text, nullable: true)]),
                .addColumns(
                    table: "projects",
                    [
                        Column("color", .text, nullable: true), Column("is_private", .boolean, default: .boolean(false)),
                        Column("billable", .boolean, nullable: true), Column("estimated_hours", .integer, nullable: true),
                    ]),
            ]),
        SchemaMigration(
            version: 7, name: "task-estimates",
            changes: [.addColumns(table: "tasks", [Column("estimated_seconds", .integer, nullable: true)])]),
        SchemaMigration(
            version: 8, name: "preferences",
            changes: [
                .createTable(
                    Table(
                        name: "preferences", columns: [Column("user_id", .reference("users")), Column("body", .text)],
                        primaryKey: ["user_id"]))
            ]),
        SchemaMigration(
            version: 9, name: "tag-creators",
            changes: [.addColumns(table: "tags", [Column("creator_id", .reference("users"), nullable: true)])]),
    ]

    /// Where each store records the versions it applied. Created if missing (PostgreSQL schemas
    /// made before migrations were shared already have it).
    static let migrationsTable = Table(
        name: "schema_migrations",
        columns: [Column("version", .integer), Column("name", .text), Column("applied_at", .timestamp, default: .now)],
        primaryKey: ["version"], ifNotExists: true)

    /// The migrations not yet applied, in order. `database` names the database in the error
    /// thrown when a newer missionctl migrated it (its tables may not be what this one expects).
    static func pending(applied: Set<Int>, database: String) throws -> [SchemaMigration] {
        let known = migrations.last?.version ?? 0
        if let newest = applied.max(), newest > known {
            throw ConfigurationError(
                "\(database) has schema version \(newest), from a newer missionctl (this one knows up to \(known)): run that version, or use another database")
        }
        return migrations.filter { !applied.contains($0.version) }
    }

    /// SQLite databases made before the stores shared their migrations recorded them in GRDB's
    /// `grdb_migrations`, under these identifiers; they map to the shared versions they applied.
    static let legacySQLiteMigrations: [String: [Int]] = [
        "v1-accounts-and-entries": [1],
        "v2-profiles-and-random-tokens": [3, 4],
    ]

    /// Time-entry columns, in the order `TimeEntry.init(row:)` reads them.
    static let entryColumns =
        "id, workspace_id, user_id, project_id, task_id, description, billable, start, stop, duronly, created_with, tag_ids, at, deleted_at"

    /// The unique index over running entries per user.
    static let runningTimerIndex = "one_running_timer_per_user"

    /// The error a unique-constraint violation on `table` stands for, decided from the table the
    /// database names, the same way in both stores. Each of these tables has one unique rule a
    /// request can break (a generated key or a random token hash cannot collide), so the
    /// constraint itself answers, without a read before the write.
    static func uniqueViolation(on table: String?) -> TrackingError {
        switch table {
        // The unique index over running entries per user.
        case "time_entries": TrackingError.runningConflict
        case "users": TrackingError(.conflict, "a user with this email already exists")
        case "tags": TrackingError(.conflict, "a tag with this name already exists in the workspace")
        case "clients": TrackingError(.conflict, "a client with this name already exists in the workspace")
        default: TrackingError(.conflict, "conflicting data")
        }
    }
}
