import Hummingbird
import MissionJSON

/// The caller's own account: profile, token, preferences, features.
struct MeRoutes: Sendable {
    typealias Context = AuthenticatedRequestContext
    let service: TrackingService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("me", use: profile)
            .put("me", use: updateProfile)
            .post("me/reset_token", use: resetToken)
            .get("me/logged", use: logged)
            .get("me/preferences", use: preferences)
            .post("me/preferences", use: setPreferences)
            .get("me/features", use: features)
    }

    /// `with_related_data=true` adds the caller's clients, projects, tags, workspaces and entries.
    @Sendable func profile(_ request: Request, context: Context) async throws -> Response {
        let (current, token) = try await service.profile(of: context.user)
        let me = TogglJSON.me(current, token: token, accountID: service.credentials.accountID(userID: current.id))
        guard try request.flag("with_related_data"), case .object(var fields) = me else { return JSONResponse.make(me) }
        fields += [
            ("clients", .array(try await service.clients(for: current, workspaceID: nil, status: .both).map(TogglJSON.client))),
            ("projects", .array(try await ProjectRoutes.objects(service.allProjects(for: current), of: current, service))),
            ("tags", .array(try await service.tags(for: current, workspaceID: nil).map(TogglJSON.tag))),
            ("workspaces", .array(try await service.workspaces(for: current).map(TogglJSON.workspace))),
        ]
        // The entries are rendered as bytes (as everywhere), so they are spliced in last.
        var body = JSONValue.object(fields).utf8()
        body.removeLast()  // `}`
        body += Array(",\"time_entries\":".utf8)
        body += try await TimeEntryRoutes.bytes(try await service.list(for: current, query: EntryQuery()), service, meta: nil)
        body.append(UInt8(ascii: "}"))
        return JSONResponse.make(utf8: body)
    }

    @Sendable func updateProfile(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        if body.has("current_password") || body.has("password") {
            throw TrackingError.bad("password changes are not supported by this server (use `missionctl backend user`)")
        }
        if body.has("country_id") { throw TrackingError.bad("country_id is not kept by this server; leave it out") }
        var change = TrackingService.ProfileChange()
        change.fullname = try body.optionalString("fullname")
        change.email = try body.optionalString("email")
        change.timezone = try body.optionalString("timezone")
        change.defaultWorkspaceID = try body.optionalInteger("default_workspace_id")
        change.beginningOfWeek = try body.optionalInteger("beginning_of_week").map { Int(clamping: $0) }
        let (updated, token) = try await service.updateProfile(of: context.user, change)
        return JSONResponse.make(TogglJSON.me(updated, token: token, accountID: service.credentials.accountID(userID: updated.id)))
    }

    @Sendable func resetToken(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(.string(try await service.resetToken(for: context.user)))
    }

    /// Toggl's way to check that credentials work: 200, or the authentication error.
    @Sendable func logged(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(.object([]))
    }

    @Sendable func preferences(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(utf8: Array(try await service.preferences(for: context.user).json.utf8))
    }

    @Sendable func setPreferences(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        var preferences = try await service.preferences(for: context.user)
        try preferences.apply(body.object)
        try await service.setPreferences(for: context.user, preferences)
        return JSONResponse.make(utf8: Array(preferences.json.utf8))
    }

    /// Toggl's features come with paid plans: none are enabled here, in any workspace.
    @Sendable func features(_ request: Request, context: Context) async throws -> Response {
        JSONResponse.make(
            .array(
                try await service.workspaces(for: context.user).map {
                    .object([("workspace_id", .int(Int($0.workspace.id))), ("features", .array([]))])
                }))
    }
}
