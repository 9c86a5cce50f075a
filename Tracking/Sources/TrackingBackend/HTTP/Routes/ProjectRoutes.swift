import Hummingbird
import MissionJSON

/// Projects of a workspace, and the caller's across workspaces.
struct ProjectRoutes: Sendable {
    typealias Context = AuthenticatedRequestContext
    let service: TrackingService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("me/projects", use: mine)
            .post("workspaces/:wid/projects", use: create)
            .get("workspaces/:wid/projects", use: list)
            .get("workspaces/:wid/projects/:pid", use: show)
            .put("workspaces/:wid/projects/:pid", use: update)
            .patch("workspaces/:wid/projects/:pid", use: updateMany)
            .delete("workspaces/:wid/projects/:pid", use: delete)
            .get("workspaces/:wid/project_users", use: projectUsers)
    }

    @Sendable func mine(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(.array(try await Self.objects(service.allProjects(for: context.user), of: context.user, service)))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        let project = try await service.createProject(for: context.user, workspaceID: try context.id("wid"), try Self.input(body))
        return JSONResponse.make(try await Self.objects([project], of: context.user, service)[0])
    }

    /// Toggl's filters: `active` (true, false, both; default both), `name` (a part of it, any
    /// case), `since` (made since), `client_ids` (comma-separated), `page`/`per_page`.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let list = try ListQuery(request, defaultActive: nil)
        var projects = try await service.projects(for: context.user, workspaceID: try context.id("wid"))
        if let active = list.active { projects = projects.filter { $0.active == active } }
        if let since = list.since { projects = projects.filter { $0.createdAt >= since } }
        if let name = request.uri.queryParameters.get("name"), !name.isEmpty {
            let part = name.lowercased()
            projects = projects.filter { $0.name.lowercased().contains(part) }
        }
        if let raw = request.uri.queryParameters.get("client_ids") {
            let ids = Set(
                try raw.split(separator: ",").map { part -> Int64 in
                    guard let id = Int64(part), id > 0 else { throw TrackingError.bad("client_ids must be a comma-separated list of client ids") }
                    return id
                })
            projects = projects.filter { $0.clientID.map(ids.contains) ?? false }
        }
        // Each project of the list carries its `total_count` (before paging), as Toggl's do.
        return JSONResponse.make(.array(try await Self.objects(Array(list.page(of: projects)), of: context.user, service, totalCount: projects.count)))
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let project = try await service.project(for: context.user, workspaceID: try context.id("wid"), id: try context.id("pid"))
        return JSONResponse.make(try await Self.objects([project], of: context.user, service)[0])
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        let project = try await service.updateProject(for: context.user, workspaceID: try context.id("wid"), id: try context.id("pid"), try Self.input(body))
        return JSONResponse.make(try await Self.objects([project], of: context.user, service)[0])
    }

    /// Bulk: `:pid` holds a comma-separated id list.
    @Sendable func updateMany(_ request: Request, context: Context) async throws -> Response {
        let ids = try context.ids("pid", of: "project")
        let operations = try await RequestJSON.readArray(request, context: context)
        let outcome = try await service.updateProjects(for: context.user, workspaceID: try context.id("wid"), ids: ids, try BatchPatch.projectInput(operations))
        return JSONResponse.make(TogglJSON.outcome(outcome))
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        try await service.deleteProject(for: context.user, workspaceID: try context.id("wid"), id: try context.id("pid"))
        return Response(status: .ok)
    }

    /// Projects here are open to every member of their workspace: no project has per-user
    /// assignments, so the list is honest and empty.
    @Sendable func projectUsers(_ request: Request, context: Context) async throws -> Response {
        _ = try await service.requireMember(context.user, try context.id("wid"))
        return JSONResponse.make(.array([]))
    }

    /// Projects as Toggl shows them, each with its client's name, looked up once for the lot (in
    /// their workspace when they share one); `totalCount` goes on each, as on Toggl's list items.
    static func objects(_ projects: [Project], of user: User, _ service: TrackingService, totalCount: Int? = nil) async throws -> [JSONValue] {
        var names: [Int64: String] = [:]
        if projects.contains(where: { $0.clientID != nil }) {
            let workspaces = Set(projects.map(\.workspaceID))
            let clients = try await service.clients(for: user, workspaceID: workspaces.count == 1 ? workspaces.first : nil, status: .both)
            for client in clients { names[client.id] = client.name }
        }
        return projects.map { TogglJSON.project($0, clientName: $0.clientID.flatMap { names[$0] }, totalCount: totalCount) }
    }

    /// A project create or update body: Toggl's names for each setting; the client is
    /// `client_id`, or `cid` as older clients send it (null removes it).
    static func input(_ body: RequestJSON) throws -> ProjectInput {
        let (client, legacyClient) = (try body.integer("client_id"), try body.integer("cid"))
        var input = ProjectInput(
            name: try body.optionalString("name"), active: try body.optionalBool("active"), clientID: client.isPresent ? client : legacyClient)
        input.color = try body.optionalString("color")
        input.isPrivate = try body.optionalBool("is_private")
        input.billable = try body.bool("billable")
        input.estimatedHours = try body.integer("estimated_hours")
        return input
    }
}
