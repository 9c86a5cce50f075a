import Hummingbird
import MissionJSON

/// Organizations. Each workspace is its own organization here (`organization_id` is the
/// workspace's id).
struct OrganizationRoutes: Sendable {
    typealias Context = AuthenticatedRequestContext
    let service: TrackingService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("me/organizations", use: list)
            .post("organizations", use: create)
            .get("organizations/:oid", use: show)
            .put("organizations/:oid", use: rename)
            .delete("organizations/:oid/users/leave", use: leave)
            .post("organizations/:oid/workspaces", use: createWorkspace)
            .get("organizations/:oid/groups", use: groups)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(.array(try await service.organizations(for: context.user).map { TogglJSON.organization($0.0, userCount: $0.userCount) }))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
        let membership = try await service.createOrganization(for: context.user, name: name, workspaceName: try body.optionalString("workspace_name"))
        return JSONResponse.make(TogglJSON.organization(membership, userCount: 1))
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let (membership, userCount) = try await service.organization(for: context.user, id: try context.id("oid"))
        return JSONResponse.make(TogglJSON.organization(membership, userCount: userCount))
    }

    @Sendable func rename(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
        let oid = try context.id("oid")
        let membership = try await service.renameOrganization(for: context.user, id: oid, name: name)
        return JSONResponse.make(TogglJSON.organization(membership, userCount: try await service.organization(for: context.user, id: oid).userCount))
    }

    @Sendable func leave(_ request: Request, context: Context) async throws -> Response {
        try await service.leaveOrganization(for: context.user, id: try context.id("oid"))
        return Response(status: .ok)
    }

    /// A new workspace is its own organization here, whatever organization the path names (the
    /// caller must belong to that one).
    @Sendable func createWorkspace(_ request: Request, context: Context) async throws -> Response {
        _ = try await service.requireMember(context.user, try context.id("oid"))
        let body = try await RequestJSON.read(request, context: context)
        guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
        return JSONResponse.make(TogglJSON.workspace(try await service.createWorkspace(for: context.user, name: name)))
    }

    /// There are no user groups here.
    @Sendable func groups(_ request: Request, context: Context) async throws -> Response {
        _ = try await service.requireMember(context.user, try context.id("oid"))
        return JSONResponse.make(.array([]))
    }
}
