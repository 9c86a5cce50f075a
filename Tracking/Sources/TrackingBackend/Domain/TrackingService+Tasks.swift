/// Tasks: parts of a project that entries can name.
extension TrackingService {
    /// Creates a task of a project from `input` (`name` required; `active` defaults to true).
    public func createTask(for user: User, workspaceID: Int64, projectID: Int64, _ input: TaskInput) async throws -> TrackingTask {
        let project = try await project(for: user, workspaceID: workspaceID, id: projectID)
        guard input.name != nil else { throw TrackingError.bad("name is required") }
        var task = TrackingTask(id: 0, workspaceID: workspaceID, projectID: project.id, name: "", active: true, createdAt: now())
        try input.apply(to: &task)
        return try await store.createTask(task)
    }

    /// One task of a project of the workspace, or 404.
    public func task(for user: User, workspaceID: Int64, projectID: Int64, id: Int64) async throws -> TrackingTask {
        let project = try await project(for: user, workspaceID: workspaceID, id: projectID)
        guard let task = try await store.task(id: id), task.projectID == project.id else {
            throw TrackingError(.notFound, "task not found in this project")
        }
        return task
    }

    /// Changes the fields `input` gives; the others keep their values.
    public func updateTask(for user: User, workspaceID: Int64, projectID: Int64, id: Int64, _ input: TaskInput) async throws -> TrackingTask {
        var task = try await task(for: user, workspaceID: workspaceID, projectID: projectID, id: id)
        try input.apply(to: &task)
        try await store.updateTask(task)
        return task
    }

    /// Deletes a task; its entries keep existing without it (their `at` changes, so `since` syncs see it).
    public func deleteTask(for user: User, workspaceID: Int64, projectID: Int64, id: Int64) async throws {
        let task = try await task(for: user, workspaceID: workspaceID, projectID: projectID, id: id)
        try await store.deleteTask(id: task.id, memberIDs: try await store.members(workspaceID: workspaceID), now: now())
    }

    /// The tasks of every workspace the caller belongs to.
    public func allTasks(for user: User) async throws -> [TrackingTask] {
        var result: [TrackingTask] = []
        for m in try await store.memberships(userID: user.id) { result += try await store.tasks(workspaceID: m.workspace.id) }
        return result
    }
}
