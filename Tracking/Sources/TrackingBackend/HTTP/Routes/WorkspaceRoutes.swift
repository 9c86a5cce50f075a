import Hummingbird
import MissionJSON

/// Workspaces and their members.
struct WorkspaceRoutes: Sendable {
    typealias Context = AuthenticatedRequestContext
    let service: TrackingService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("me/workspaces", use: list)
            .get("workspaces", use: list)
            .post("workspaces", use: create)
            .get("workspaces/:wid", use: show)
            .put("workspaces/:wid", use: update)
            .get("workspaces/:wid/time_entry_constraints", use: constraints)
            .get("workspaces/:wid/statistics", use: statistics)
            .get("workspaces/:wid/users", use: users)
            .get("workspaces/:wid/workspace_users", use: memberships)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(.array(try await service.workspaces(for: context.user).map(TogglJSON.workspace)))
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
        return JSONResponse.make(TogglJSON.workspace(try await service.createWorkspace(for: context.user, name: name)))
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(TogglJSON.workspace(try await service.requireMember(context.user, try context.id("wid"))))
    }

    /// Admins rename; the other settings are fixed here, so a body without `name` is answered
    /// with the workspace as it is.
    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        let wid = try context.id("wid")
        guard let name = try body.string("name").value else {
            return JSONResponse.make(TogglJSON.workspace(try await service.requireMember(context.user, wid)))
        }
        return JSONResponse.make(TogglJSON.workspace(try await service.renameWorkspace(for: context.user, id: wid, name: name)))
    }

    @Sendable func constraints(_ request: Request, context: Context) async throws -> Response {
        _ = try await service.requireMember(context.user, try context.id("wid"))
        return JSONResponse.make(TogglJSON.timeEntryConstraints)
    }

    @Sendable func statistics(_ request: Request, context: Context) async throws -> Response {
        let (admins, members) = try await service.workspaceStatistics(for: context.user, workspaceID: try context.id("wid"))
        return JSONResponse.make(TogglJSON.statistics(admins: admins, members: members))
    }

    @Sendable func users(_ request: Request, context: Context) async throws -> Response {
        let members = try await service.workspaceUsers(for: context.user, workspaceID: try context.id("wid"))
        return JSONResponse.make(.array(members.map { TogglJSON.workspaceUser($0.0, role: $0.role) }))
    }

    /// Toggl's workspace users; a membership has no id of its own here, so `id` is the user's.
    @Sendable func memberships(_ request: Request, context: Context) async throws -> Response {
        let wid = try context.id("wid")
        let members = try await service.workspaceUsers(for: context.user, workspaceID: wid)
        return JSONResponse.make(.array(members.map { TogglJSON.membership($0.0, role: $0.role, workspaceID: wid) }))
    }
}
