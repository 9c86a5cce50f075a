// MARK: Projects, clients, tasks and tags

extension CatalogStore {
    public func createProject(_ p: Project) async throws -> Project {
        var created = p
        created.id = try await executor.insert(
            """
            INSERT INTO \(table: "projects") (workspace_id, name, active, client_id, created_at, color, is_private, billable, estimated_hours)
            VALUES (\(p.workspaceID), \(p.name), \(p.active), \(p.clientID), \(p.createdAt), \(p.color), \(p.isPrivate), \(p.billable),
                \(p.estimatedHours))
            RETURNING id
            """)
        return created
    }

    public func projects(workspaceID: Int64) async throws -> [Project] {
        try await executor.read("SELECT \(raw: Project.columns) FROM \(table: "projects") WHERE workspace_id = \(workspaceID) ORDER BY id")
    }

    public func project(id: Int64) async throws -> Project? {
        try await executor.read("SELECT \(raw: Project.columns) FROM \(table: "projects") WHERE id = \(id)", as: Project.self).first
    }

    public func updateProject(_ p: Project) async throws {
        try await executor.write(
            """
            UPDATE \(table: "projects") SET name = \(p.name), active = \(p.active), client_id = \(p.clientID), color = \(p.color),
                is_private = \(p.isPrivate), billable = \(p.billable), estimated_hours = \(p.estimatedHours)
            WHERE id = \(p.id)
            """)
    }

    public func deleteProject(id: Int64, memberIDs: [Int64], now: Int64) async throws {
        // The members' entries change (their project goes).
        try await writingEntries(of: memberIDs) {
            try await executor.transaction { session in
                try await session.execute(
                    "UPDATE \(table: "time_entries") SET project_id = NULL, task_id = NULL, at = \(now) WHERE project_id = \(id)")
                try await session.execute("DELETE FROM \(table: "tasks") WHERE project_id = \(id)")
                try await session.execute("DELETE FROM \(table: "projects") WHERE id = \(id)")
            }
        }
    }

    public func createClient(workspaceID: Int64, name: String, notes: String?, creatorID: Int64, now: Int64) async throws -> WorkspaceClient {
        let id = try await executor.insert(
            """
            INSERT INTO \(table: "clients") (workspace_id, name, notes, creator_id, at)
            VALUES (\(workspaceID), \(name), \(notes), \(creatorID), \(now)) RETURNING id
            """)
        return WorkspaceClient(id: id, workspaceID: workspaceID, name: name, notes: notes, archived: false, creatorID: creatorID, at: now)
    }

    public func clients(workspaceIDs: [Int64]) async throws -> [WorkspaceClient] {
        guard !workspaceIDs.isEmpty else { return [] }
        return try await executor.read(
            "SELECT \(raw: WorkspaceClient.columns) FROM \(table: "clients") WHERE workspace_id \(anyOf: workspaceIDs) ORDER BY name, id")
    }

    public func client(id: Int64) async throws -> WorkspaceClient? {
        try await executor.read("SELECT \(raw: WorkspaceClient.columns) FROM \(table: "clients") WHERE id = \(id)", as: WorkspaceClient.self)
            .first
    }

    public func updateClient(_ c: WorkspaceClient) async throws {
        try await executor.write("UPDATE \(table: "clients") SET name = \(c.name), notes = \(c.notes), at = \(c.at) WHERE id = \(c.id)")
    }

    public func deleteClient(id: Int64) async throws {
        try await executor.transaction { session in
            try await session.execute("UPDATE \(table: "projects") SET client_id = NULL WHERE client_id = \(id)")
            try await session.execute("DELETE FROM \(table: "clients") WHERE id = \(id)")
        }
    }

    public func archiveClient(id: Int64, now: Int64) async throws -> [Int64] {
        try await executor.transaction { session in
            let projects = try await session.rows(
                "UPDATE \(table: "projects") SET active = \(false) WHERE client_id = \(id) AND active RETURNING id"
            ) { try $0.int() }
            try await session.execute("UPDATE \(table: "clients") SET archived = \(true), at = \(now) WHERE id = \(id)")
            return projects.sorted()
        }
    }

    public func restoreClient(id: Int64, projectIDs: [Int64]?, now: Int64) async throws {
        try await executor.transaction { session in
            try await session.execute("UPDATE \(table: "clients") SET archived = \(false), at = \(now) WHERE id = \(id)")
            var reactivate: SQLStatement = "UPDATE \(table: "projects") SET active = \(true) WHERE client_id = \(id)"
            if let projectIDs { reactivate += " AND id \(anyOf: projectIDs)" }
            try await session.execute(reactivate)
        }
    }

    public func createTask(_ k: TrackingTask) async throws -> TrackingTask {
        var created = k
        created.id = try await executor.insert(
            """
            INSERT INTO \(table: "tasks") (workspace_id, project_id, name, active, created_at, estimated_seconds)
            VALUES (\(k.workspaceID), \(k.projectID), \(k.name), \(k.active), \(k.createdAt), \(k.estimatedSeconds)) RETURNING id
            """)
        return created
    }

    public func updateTask(_ k: TrackingTask) async throws {
        try await executor.write(
            "UPDATE \(table: "tasks") SET name = \(k.name), active = \(k.active), estimated_seconds = \(k.estimatedSeconds) WHERE id = \(k.id)")
    }

    public func deleteTask(id: Int64, memberIDs: [Int64], now: Int64) async throws {
        // The members' entries change (their task goes).
        try await writingEntries(of: memberIDs) {
            try await executor.transaction { session in
                try await session.execute("UPDATE \(table: "time_entries") SET task_id = NULL, at = \(now) WHERE task_id = \(id)")
                try await session.execute("DELETE FROM \(table: "tasks") WHERE id = \(id)")
            }
        }
    }

    public func tasks(projectID: Int64) async throws -> [TrackingTask] {
        try await executor.read("SELECT \(raw: TrackingTask.columns) FROM \(table: "tasks") WHERE project_id = \(projectID) ORDER BY id")
    }

    public func tasks(workspaceID: Int64) async throws -> [TrackingTask] {
        try await executor.read("SELECT \(raw: TrackingTask.columns) FROM \(table: "tasks") WHERE workspace_id = \(workspaceID) ORDER BY id")
    }

    public func task(id: Int64) async throws -> TrackingTask? {
        try await executor.read("SELECT \(raw: TrackingTask.columns) FROM \(table: "tasks") WHERE id = \(id)", as: TrackingTask.self).first
    }

    public func tags(workspaceIDs: [Int64]) async throws -> [Tag] {
        guard !workspaceIDs.isEmpty else { return [] }
        return try await executor.read(
            "SELECT \(raw: Tag.columns) FROM \(table: "tags") WHERE workspace_id \(anyOf: workspaceIDs) ORDER BY name, id")
    }

    public func tag(id: Int64) async throws -> Tag? {
        try await executor.read("SELECT \(raw: Tag.columns) FROM \(table: "tags") WHERE id = \(id)", as: Tag.self).first
    }

    public func renameTag(id: Int64, name: String, now: Int64) async throws {
        try await executor.write("UPDATE \(table: "tags") SET name = \(name), created_at = \(now) WHERE id = \(id)")
    }

    public func deleteTag(id: Int64) async throws {
        try await executor.write("DELETE FROM \(table: "tags") WHERE id = \(id)")
    }

    public func tagIDs(workspaceID: Int64, names: [String], creatorID: Int64, now: Int64) async throws -> [Int64] {
        guard !names.isEmpty else { return [] }
        return try await executor.transaction { session in
            var ids: [Int64] = []
            for name in names {
                try await session.execute(
                    """
                    INSERT INTO \(table: "tags") (workspace_id, name, created_at, creator_id) VALUES (\(workspaceID), \(name), \(now), \(creatorID))
                    ON CONFLICT DO NOTHING
                    """)
                ids += try await session.rows("SELECT id FROM \(table: "tags") WHERE workspace_id = \(workspaceID) AND name = \(name)") {
                    try $0.int()
                }
            }
            return ids
        }
    }

    public func tagNames(ids: [Int64], workspaceID: Int64?) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var select: SQLStatement = "SELECT id, name FROM \(table: "tags") WHERE id \(anyOf: ids)"
        if let workspaceID { select += " AND workspace_id = \(workspaceID)" }
        let pairs = try await executor.read(select) { (try $0.int(), try $0.text()) }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }
}
