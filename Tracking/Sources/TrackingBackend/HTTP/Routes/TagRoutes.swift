import Hummingbird
import MissionJSON

/// Tags of a workspace, and the caller's across workspaces.
struct TagRoutes: Sendable {
    typealias Context = AuthenticatedRequestContext
    let service: TrackingService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("me/tags", use: mine)
            .get("workspaces/:wid/tags", use: list)
            .post("workspaces/:wid/tags", use: create)
            .put("workspaces/:wid/tags/:tid", use: rename)
            .delete("workspaces/:wid/tags/:tid", use: delete)
    }

    @Sendable func mine(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(.array(try await service.tags(for: context.user, workspaceID: nil).map(TogglJSON.tag)))
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(.array(try await service.tags(for: context.user, workspaceID: try context.id("wid")).map(TogglJSON.tag)))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
        return JSONResponse.make(TogglJSON.tag(try await service.createTag(for: context.user, workspaceID: try context.id("wid"), name: name)))
    }

    @Sendable func rename(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
        let tag = try await service.renameTag(for: context.user, workspaceID: try context.id("wid"), id: try context.id("tid"), name: name)
        return JSONResponse.make(TogglJSON.tag(tag))
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        try await service.deleteTag(for: context.user, workspaceID: try context.id("wid"), id: try context.id("tid"))
        return Response(status: .ok)
    }
}
