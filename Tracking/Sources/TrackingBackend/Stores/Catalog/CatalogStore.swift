/// A `TrackingStore` whose operations are the statement catalog below, written once and run by
/// either database's `SQLExecutor`. A store supplies its executor and what only it does around
/// the statements: `SQLiteStore` keeps running entries in memory, `PostgresStore` batches
/// `current` reads; both override `runningEntry(userID:)`.
protocol CatalogStore: TrackingStore {
    associatedtype Executor: SQLExecutor
    /// Throws once the store is closed.
    var executor: Executor { get throws }
    /// Runs a write of time entries of `userIDs` (entries' own or ones a deletion changes).
    func writingEntries<T>(of userIDs: [Int64], _ body: () async throws -> T) async throws -> T
}

// MARK: Accounts and workspaces

extension CatalogStore {
    public func createUser(email: String, fullname: String, timezone: String, passwordHash: String, workspaceName: String, now: Int64)
        async throws -> User
    {
        try await executor.transaction { session in
            let workspaceID = try await session.insert(
                "INSERT INTO \(table: "workspaces") (name, created_at, updated_at) VALUES (\(workspaceName), \(now), \(now)) RETURNING id")
            let userID = try await session.insert(
                """
                INSERT INTO \(table: "users") (email, fullname, timezone, password_hash, default_workspace_id, created_at, updated_at)
                VALUES (\(email), \(fullname), \(timezone), \(passwordHash), \(workspaceID), \(now), \(now)) RETURNING id
                """)
            try await session.execute(
                "INSERT INTO \(table: "memberships") (workspace_id, user_id, role) VALUES (\(workspaceID), \(userID), 'admin')")
            return User(
                id: userID, email: email, fullname: fullname, timezone: timezone, defaultWorkspaceID: workspaceID, createdAt: now, updatedAt: now)
        }
    }

    public func setToken(userID: Int64, tokenHash: String, sealed: String?) async throws {
        try await executor.write("UPDATE \(table: "users") SET token_hash = \(tokenHash), token_sealed = \(sealed) WHERE id = \(userID)")
    }

    public func user(id: Int64) async throws -> StoredUser? {
        try await executor.read("SELECT \(raw: StoredUser.columns) FROM \(table: "users") WHERE id = \(id)", as: StoredUser.self).first
    }

    public func user(email: String) async throws -> StoredUser? {
        try await executor.read("SELECT \(raw: StoredUser.columns) FROM \(table: "users") WHERE email = \(email)", as: StoredUser.self).first
    }

    public func user(tokenHash: String) async throws -> StoredUser? {
        // Every authenticated request asks this first.
        try await executor.read(
            "SELECT \(raw: StoredUser.columns) FROM \(table: "users") WHERE token_hash = \(tokenHash)", as: StoredUser.self
        ).first
    }

    public func updateUser(_ u: User) async throws {
        try await executor.write(
            """
            UPDATE \(table: "users") SET fullname = \(u.fullname), timezone = \(u.timezone), email = \(u.email),
                default_workspace_id = \(u.defaultWorkspaceID), beginning_of_week = \(u.beginningOfWeek), updated_at = \(u.updatedAt)
            WHERE id = \(u.id)
            """)
    }

    public func preferences(userID: Int64) async throws -> String? {
        try await executor.read("SELECT body FROM \(table: "preferences") WHERE user_id = \(userID)") { try $0.text() }.first
    }

    public func setPreferences(userID: Int64, body: String) async throws {
        try await executor.write(
            """
            INSERT INTO \(table: "preferences") (user_id, body) VALUES (\(userID), \(body))
            ON CONFLICT (user_id) DO UPDATE SET body = excluded.body
            """)
    }

    private var membershipSelect: SQLStatement {
        "SELECT \(raw: Membership.columns) FROM \(table: "memberships") m JOIN \(table: "workspaces") w ON w.id = m.workspace_id"
    }

    public func memberships(userID: Int64) async throws -> [Membership] {
        try await executor.read(membershipSelect + " WHERE m.user_id = \(userID) ORDER BY w.id")
    }

    public func membership(userID: Int64, workspaceID: Int64) async throws -> Membership? {
        // Every workspace route asks this first.
        try await executor.read(
            (membershipSelect + " WHERE m.user_id = \(userID) AND m.workspace_id = \(workspaceID)").prepared(as: "missionctl_membership"),
            as: Membership.self
        ).first
    }

    public func createWorkspace(name: String, organizationName: String?, ownerID: Int64, now: Int64) async throws -> Membership {
        try await executor.transaction { session in
            let id = try await session.insert(
                """
                INSERT INTO \(table: "workspaces") (name, organization_name, created_at, updated_at)
                VALUES (\(name), \(organizationName), \(now), \(now)) RETURNING id
                """)
            try await session.execute("INSERT INTO \(table: "memberships") (workspace_id, user_id, role) VALUES (\(id), \(ownerID), 'admin')")
            return Membership(
                workspace: Workspace(id: id, name: name, createdAt: now, updatedAt: now, organizationName: organizationName), role: "admin")
        }
    }

    public func renameOrganization(workspaceID: Int64, name: String, now: Int64) async throws {
        try await executor.write("UPDATE \(table: "workspaces") SET organization_name = \(name), updated_at = \(now) WHERE id = \(workspaceID)")
    }

    public func renameWorkspace(id: Int64, name: String, now: Int64) async throws {
        try await executor.write("UPDATE \(table: "workspaces") SET name = \(name), updated_at = \(now) WHERE id = \(id)")
    }

    public func removeMembership(userID: Int64, workspaceID: Int64) async throws {
        try await executor.write("DELETE FROM \(table: "memberships") WHERE user_id = \(userID) AND workspace_id = \(workspaceID)")
    }

    public func members(workspaceID: Int64) async throws -> [Int64] {
        try await executor.read("SELECT user_id FROM \(table: "memberships") WHERE workspace_id = \(workspaceID)") { try $0.int() }
    }
}
