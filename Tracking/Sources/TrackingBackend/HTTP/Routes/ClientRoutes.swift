import Hummingbird
import MissionJSON

/// Clients of a workspace, and the caller's across workspaces.
struct ClientRoutes: Sendable {
    typealias Context = AuthenticatedRequestContext
    let service: TrackingService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("me/clients", use: mine)
            .get("workspaces/:wid/clients", use: list)
            .post("workspaces/:wid/clients", use: create)
            .get("workspaces/:wid/clients/:cid", use: show)
            .put("workspaces/:wid/clients/:cid", use: update)
            .delete("workspaces/:wid/clients/:cid", use: delete)
            .post("workspaces/:wid/clients/:cid/archive", use: archive)
            .post("workspaces/:wid/clients/:cid/restore", use: restore)
    }

    @Sendable func mine(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(.array(try await service.clients(for: context.user, workspaceID: nil, status: .both).map(TogglJSON.client)))
    }

    /// `status`: active (the default), archived or both; `name`: a part of it, any case.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let statusText = request.uri.queryParameters.get("status") ?? "active"
        guard let status = TrackingService.ClientStatus(rawValue: statusText) else { throw TrackingError.bad("status must be active, archived or both") }
        let clients = try await service.clients(
            for: context.user, workspaceID: try context.id("wid"), status: status, name: request.uri.queryParameters.get("name"))
        return JSONResponse.make(.array(clients.map(TogglJSON.client)))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
        let client = try await service.createClient(for: context.user, workspaceID: try context.id("wid"), name: name, notes: try body.string("notes").value)
        return JSONResponse.make(TogglJSON.client(client))
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(TogglJSON.client(try await service.client(for: context.user, workspaceID: try context.id("wid"), id: try context.id("cid"))))
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        let client = try await service.updateClient(
            for: context.user, workspaceID: try context.id("wid"), id: try context.id("cid"), name: try body.optionalString("name"),
            notes: try body.string("notes"))
        return JSONResponse.make(TogglJSON.client(client))
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        try await service.deleteClient(for: context.user, workspaceID: try context.id("wid"), id: try context.id("cid"))
        return Response(status: .ok)
    }

    /// Archives the client and its projects; answers the ids of the projects archived.
    @Sendable func archive(_ request: Request, context: Context) async throws -> Response {
        let projects = try await service.archiveClient(for: context.user, workspaceID: try context.id("wid"), id: try context.id("cid"))
        return JSONResponse.make(.array(projects.map { .int(Int($0)) }))
    }

    /// `projects` (at most 1,000 ids) or `restore_all_projects` come back with the client.
    @Sendable func restore(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context, emptyIsObject: true)
        let projectIDs = try body.integers("projects").value ?? []
        guard projectIDs.count <= 1000, projectIDs.allSatisfy({ (1...8_999_999_999_999_999).contains($0) }) else {
            throw TrackingError.bad("projects must be at most 1000 ids, each a positive integer")
        }
        let client = try await service.restoreClient(
            for: context.user, workspaceID: try context.id("wid"), id: try context.id("cid"), projectIDs: projectIDs,
            allProjects: try body.optionalBool("restore_all_projects") ?? false)
        return JSONResponse.make(TogglJSON.client(client))
    }
}
