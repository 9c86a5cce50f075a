import Hummingbird
import MissionJSON

/// Tasks of a project, of a workspace, and the caller's.
struct TaskRoutes: Sendable {
    typealias Context = AuthenticatedRequestContext
    let service: TrackingService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("workspaces/:wid/tasks", use: workspaceTasks)
            .get("me/tasks", use: mine)
            .get("workspaces/:wid/projects/:pid/tasks", use: list)
            .post("workspaces/:wid/projects/:pid/tasks", use: create)
            .get("workspaces/:wid/projects/:pid/tasks/:tid", use: show)
            .put("workspaces/:wid/projects/:pid/tasks/:tid", use: update)
            .delete("workspaces/:wid/projects/:pid/tasks/:tid", use: delete)
    }

    /// Toggl's paginated object: `data` and how it was cut; `active` (true, false, both; default
    /// both), `since`, `project_id`, `page`/`per_page` (default 50), `sort_field` (name,
    /// created_at), `sort_order` (ASC, DESC).
    @Sendable func workspaceTasks(_ request: Request, context: Context) async throws -> Response {
        let list = try ListQuery(request, defaultActive: nil)
        let q = request.uri.queryParameters
        var tasks = try await service.workspaceTasks(for: context.user, workspaceID: try context.id("wid"))
        if let active = list.active { tasks = tasks.filter { $0.active == active } }
        if let since = list.since { tasks = tasks.filter { $0.createdAt >= since } }
        if let raw = q.get("project_id") {
            guard let pid = Int64(raw), pid > 0 else { throw TrackingError.bad("project_id must be a project id") }
            tasks = tasks.filter { $0.projectID == pid }
        }
        let field = q.get("sort_field") ?? "name"
        let order = (q.get("sort_order") ?? "ASC").uppercased()
        guard field == "name" || field == "created_at" else { throw TrackingError.bad("sort_field must be name or created_at") }
        guard order == "ASC" || order == "DESC" else { throw TrackingError.bad("sort_order must be ASC or DESC") }
        // Each task's key is made once, not in every comparison.
        let keyed = tasks.map { task in (name: field == "name" ? task.name.lowercased() : "", task: task) }
        tasks = keyed.sorted { a, b in
            let ascending =
                field == "name" ? (a.name, a.task.id) < (b.name, b.task.id) : (a.task.createdAt, a.task.id) < (b.task.createdAt, b.task.id)
            return order == "ASC" ? ascending : !ascending
        }.map(\.task)
        let perPage = list.perPage ?? 50
        return JSONResponse.make(
            .object([
                ("data", .array(list.page(of: tasks, defaultPerPage: perPage).map(TogglJSON.task))), ("page", .int(list.page)),
                ("per_page", .int(perPage)), ("sort_field", .string(field)), ("sort_order", .string(order)), ("total_count", .int(tasks.count)),
            ]))
    }

    /// The caller's tasks in every workspace; `include_not_active=true` adds inactive ones.
    @Sendable func mine(_ request: Request, context: Context) async throws -> Response {
        let all = try request.flag("include_not_active")
        let since = try ListQuery(request, defaultActive: nil).since
        let tasks = try await service.allTasks(for: context.user).filter { (all || $0.active) && $0.createdAt >= (since ?? 0) }
        return JSONResponse.make(.array(tasks.map(TogglJSON.task)))
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let tasks = try await service.tasks(for: context.user, workspaceID: try context.id("wid"), projectID: try context.id("pid"))
        return JSONResponse.make(.array(tasks.map(TogglJSON.task)))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        let task = try await service.createTask(for: context.user, workspaceID: try context.id("wid"), projectID: try context.id("pid"), try Self.input(body))
        return JSONResponse.make(TogglJSON.task(task))
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let task = try await service.task(
            for: context.user, workspaceID: try context.id("wid"), projectID: try context.id("pid"), id: try context.id("tid"))
        return JSONResponse.make(TogglJSON.task(task))
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        let task = try await service.updateTask(
            for: context.user, workspaceID: try context.id("wid"), projectID: try context.id("pid"), id: try context.id("tid"), try Self.input(body))
        return JSONResponse.make(TogglJSON.task(task))
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        try await service.deleteTask(for: context.user, workspaceID: try context.id("wid"), projectID: try context.id("pid"), id: try context.id("tid"))
        return Response(status: .ok)
    }

    /// A task create or update body.
    static func input(_ body: RequestJSON) throws -> TaskInput {
        TaskInput(name: try body.optionalString("name"), active: try body.optionalBool("active"), estimatedSeconds: try body.integer("estimated_seconds"))
    }
}
