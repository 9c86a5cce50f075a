/// A model read from a row of `columns`, in that order: each written once for both stores.
protocol SQLRowDecodable: Sendable {
    /// The columns `init(row:)` reads, in order, as a SELECT list.
    static var columns: String { get }
    init<Row: SQLRow>(row: inout Row) throws
}

extension StoredUser: SQLRowDecodable {
    static let columns =
        "id, email, fullname, timezone, default_workspace_id, created_at, updated_at, beginning_of_week, password_hash, token_sealed"
    init<Row: SQLRow>(row: inout Row) throws {
        self.init(
            user: User(
                id: try row.int(), email: try row.text(), fullname: try row.text(), timezone: try row.text(),
                defaultWorkspaceID: try row.int(), createdAt: try row.int(), updatedAt: try row.int(),
                beginningOfWeek: Int(try row.int())),
            passwordHash: try row.text(), sealedToken: try row.optionalText())
    }
}

extension Membership: SQLRowDecodable {
    /// From `memberships m JOIN workspaces w`.
    static let columns = "w.id, w.name, w.created_at, w.updated_at, w.organization_name, m.role"
    init<Row: SQLRow>(row: inout Row) throws {
        self.init(
            workspace: Workspace(
                id: try row.int(), name: try row.text(), createdAt: try row.int(), updatedAt: try row.int(),
                organizationName: try row.optionalText()),
            role: try row.text())
    }
}

extension Project: SQLRowDecodable {
    static let columns = "id, workspace_id, name, active, created_at, client_id, color, is_private, billable, estimated_hours"
    init<Row: SQLRow>(row: inout Row) throws {
        self.init(
            id: try row.int(), workspaceID: try row.int(), name: try row.text(), active: try row.bool(), createdAt: try row.int(),
            clientID: try row.optionalInt(), color: try row.optionalText(), isPrivate: try row.bool(), billable: try row.optionalBool(),
            estimatedHours: try row.optionalInt())
    }
}

extension WorkspaceClient: SQLRowDecodable {
    static let columns = "id, workspace_id, name, notes, archived, creator_id, at"
    init<Row: SQLRow>(row: inout Row) throws {
        self.init(
            id: try row.int(), workspaceID: try row.int(), name: try row.text(), notes: try row.optionalText(), archived: try row.bool(),
            creatorID: try row.int(), at: try row.int())
    }
}

extension TrackingTask: SQLRowDecodable {
    static let columns = "id, workspace_id, project_id, name, active, created_at, estimated_seconds"
    init<Row: SQLRow>(row: inout Row) throws {
        self.init(
            id: try row.int(), workspaceID: try row.int(), projectID: try row.int(), name: try row.text(), active: try row.bool(),
            createdAt: try row.int(), estimatedSeconds: try row.optionalInt())
    }
}

extension Tag: SQLRowDecodable {
    static let columns = "id, workspace_id, name, created_at, creator_id"
    init<Row: SQLRow>(row: inout Row) throws {
        self.init(id: try row.int(), workspaceID: try row.int(), name: try row.text(), at: try row.int(), creatorID: try row.optionalInt())
    }
}

extension TimeEntry: SQLRowDecodable {
    static var columns: String { StoreSchema.entryColumns }
    init<Row: SQLRow>(row: inout Row) throws {
        self.init(
            id: try row.int(), workspaceID: try row.int(), userID: try row.int(), projectID: try row.optionalInt(),
            taskID: try row.optionalInt(), description: try row.text(), billable: try row.bool(), start: try row.int(),
            stop: try row.optionalInt(), duronly: try row.bool(), createdWith: try row.text(), tagIDs: TagList.decode(try row.text()),
            at: try row.int(), deletedAt: try row.optionalInt())
    }
}
