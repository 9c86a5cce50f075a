import Foundation
import HTTPTypes
import Hummingbird
import MissionJSON
import NIOCore

/// The HTTP API: `/healthz`, `/readyz` and the Toggl v9-style routes under `/api/v9`.
/// Handlers parse, call `TrackingService`, and render; rules live in the service.
public struct TrackingAPI: Sendable {
    public let service: TrackingService
    public let signupEnabled: Bool

    public init(service: TrackingService, signupEnabled: Bool = true) {
        self.service = service
        self.signupEnabled = signupEnabled
    }

    typealias Context = TrackingRequestContext
    typealias Handler = @Sendable (inout Request, Context, User) async throws -> Response

    /// The `Authorization` value; two of them read as one invalid value, as HTTP would join them.
    /// (Not `headers[.authorization]`, which joins even a single value into a new String.)
    static func authorization(_ headers: HTTPFields) -> String? {
        var value: String?
        for field in headers where field.name == .authorization {
            guard value == nil else { return "" }
            value = field.value
        }
        return value
    }

    public func router() -> Router<TrackingRequestContext> { router(table: RouteTable()) }

    /// The router, registering every route in `table` too (tests compare it with the OpenAPI spec).
    func router(table: RouteTable) -> Router<TrackingRequestContext> {
        let router = Router(context: TrackingRequestContext.self)
        let service = self.service

        router.add(middleware: RequestLogMiddleware())
        let store = service.store
        router.add(middleware: ErrorMiddleware(routes: table, unavailability: { store.unavailability(of: $0) }))
        func route(_ method: HTTPRequest.Method, _ path: String, auth: Bool = true, _ handler: @escaping Handler) {
            table.add(method, path)
            router.on(RouterPath(path), method: method) { request, context in
                var request = request
                // `?=x`: a parameter without a name is a malformed query, not one to ignore.
                if let query = request.uri.query, Self.hasNamelessParameter(query) {
                    throw TrackingError.bad("the query has a parameter without a name")
                }
                let run: @Sendable (Request) async throws -> Response = { request in
                    var request = request
                    let user: User
                    if auth {
                        user = try await service.authenticate(authorization: Self.authorization(request.headers), address: context.remoteAddress)
                    } else {
                        user = User(id: 0, email: "", fullname: "", timezone: "UTC", defaultWorkspaceID: 0, createdAt: 0, updatedAt: 0)
                    }
                    return try await handler(&request, context, user)
                }
                guard let health = store.health else { return try await run(request) }
                // In an outage the answer may leave before the handler ends, so the handler must
                // not read the body from the connection then: it is read first.
                if request.headers[.contentLength] != nil || request.headers[.transferEncoding] != nil {
                    _ = try await RequestJSON.body(&request, context: context)
                }
                let ready = request
                return try await health.guarded { try await run(ready) }
            }
        }

        // Plain text, no auth, no database: liveness only (and the benchmark's baseline route).
        route(.get, "/healthz", auth: false) { _, _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        route(.get, "/readyz", auth: false) { _, _, _ in
            do {
                try await service.store.ping()
                return JSONResponse.make(.object([("status", .string("ready"))]))
            } catch {
                // The cause when the store names one (a full disk), else the database is unreachable.
                let cause = (error as? TrackingError).map(\.message) ?? "database unreachable"
                return JSONResponse.make(.object([("status", .string("unavailable")), ("message", .string(cause))]), status: .serviceUnavailable)
            }
        }

        let v9 = "/api/v9"
        let signupEnabled = self.signupEnabled
        route(.post, v9 + "/signup", auth: false) { request, context, _ in
            guard signupEnabled else { throw TrackingError(.forbidden, "signup is disabled on this server") }
            let body = try await RequestJSON.read(&request, context: context)
            guard let email = try body.string("email").value else { throw TrackingError.bad("email is required") }
            guard let password = try body.string("password").value else { throw TrackingError.bad("password is required") }
            let (user, token) = try await service.signup(
                email: email, password: password, fullname: try body.optionalString("fullname"), timezone: try body.optionalString("timezone"))
            return JSONResponse.make(TogglJSON.me(user, token: token, accountID: service.credentials.accountID(userID: user.id)))
        }
        route(.get, v9 + "/me") { request, _, user in
            let (current, token) = try await service.profile(of: user)
            let me = TogglJSON.me(current, token: token, accountID: service.credentials.accountID(userID: user.id))
            guard try Self.flag(request, "with_related_data"), case .object(var fields) = me else { return JSONResponse.make(me) }
            fields += [
                ("clients", .array(try await service.clients(for: current, workspaceID: nil, status: .both).map(TogglJSON.client))), ("projects", .array(try await Self.projectObjects(service.allProjects(for: current), of: current, service))),
                ("tags", .array(try await service.tags(for: current, workspaceID: nil).map(TogglJSON.tag))),
                ("workspaces", .array(try await service.workspaces(for: current).map(TogglJSON.workspace))),
            ]
            // The entries are rendered as bytes (as everywhere), so they are spliced in last.
            var body = JSONValue.object(fields).utf8()
            body.removeLast()  // `}`
            body += Array(",\"time_entries\":".utf8)
            body += try await Self.entriesBytes(try await service.list(for: current, query: EntryQuery()), service, meta: nil)
            body.append(UInt8(ascii: "}"))
            return JSONResponse.make(utf8: body)
        }
        route(.put, v9 + "/me") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
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
            let (updated, token) = try await service.updateProfile(of: user, change)
            return JSONResponse.make(TogglJSON.me(updated, token: token, accountID: service.credentials.accountID(userID: user.id)))
        }
        route(.post, v9 + "/me/reset_token") { _, _, user in
            JSONResponse.make(.string(try await service.resetToken(for: user)))
        }
        // Toggl's way to check that credentials work: 200, or the authentication error.
        route(.get, v9 + "/me/logged") { _, _, _ in
            JSONResponse.make(.object([]))
        }
        route(.get, v9 + "/me/preferences") { _, _, user in
            JSONResponse.make(utf8: Array(try await service.preferences(for: user).json.utf8))
        }
        route(.post, v9 + "/me/preferences") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            var preferences = try await service.preferences(for: user)
            try preferences.apply(body.object)
            try await service.setPreferences(for: user, preferences)
            return JSONResponse.make(utf8: Array(preferences.json.utf8))
        }
        // Toggl's features come with paid plans: none are enabled here, in any workspace.
        route(.get, v9 + "/me/features") { _, _, user in
            JSONResponse.make(
                .array(try await service.workspaces(for: user).map { .object([("workspace_id", .int(Int($0.workspace.id))), ("features", .array([]))]) }))
        }
        route(.get, v9 + "/me/organizations") { _, _, user in
            JSONResponse.make(.array(try await service.organizations(for: user).map { TogglJSON.organization($0.0, userCount: $0.userCount) }))
        }
        route(.get, v9 + "/me/workspaces") { _, _, user in
            JSONResponse.make(.array(try await service.workspaces(for: user).map(TogglJSON.workspace)))
        }
        route(.get, v9 + "/workspaces") { _, _, user in
            JSONResponse.make(.array(try await service.workspaces(for: user).map(TogglJSON.workspace)))
        }
        route(.get, v9 + "/workspaces/:wid") { _, context, user in
            JSONResponse.make(TogglJSON.workspace(try await service.requireMember(user, try Self.param(context, "wid"))))
        }
        route(.put, v9 + "/workspaces/:wid") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            let wid: Int64 = try Self.param(context, "wid")
            guard let name = try body.string("name").value else {
                // Only the name can change here; the other settings are fixed, so the workspace is answered as it is.
                return JSONResponse.make(TogglJSON.workspace(try await service.requireMember(user, wid)))
            }
            return JSONResponse.make(TogglJSON.workspace(try await service.renameWorkspace(for: user, id: wid, name: name)))
        }
        route(.get, v9 + "/workspaces/:wid/time_entry_constraints") { _, context, user in
            _ = try await service.requireMember(user, try Self.param(context, "wid"))
            return JSONResponse.make(TogglJSON.timeEntryConstraints)
        }
        route(.get, v9 + "/workspaces/:wid/statistics") { _, context, user in
            let (admins, members) = try await service.workspaceStatistics(for: user, workspaceID: try Self.param(context, "wid"))
            return JSONResponse.make(TogglJSON.statistics(admins: admins, members: members))
        }
        route(.post, v9 + "/organizations") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
            let membership = try await service.createOrganization(for: user, name: name, workspaceName: try body.optionalString("workspace_name"))
            return JSONResponse.make(TogglJSON.organization(membership, userCount: 1))
        }
        route(.put, v9 + "/organizations/:oid") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
            let oid: Int64 = try Self.param(context, "oid")
            let membership = try await service.renameOrganization(for: user, id: oid, name: name)
            return JSONResponse.make(TogglJSON.organization(membership, userCount: try await service.organization(for: user, id: oid).userCount))
        }
        route(.delete, v9 + "/organizations/:oid/users/leave") { _, context, user in
            try await service.leaveOrganization(for: user, id: try Self.param(context, "oid"))
            return Response(status: .ok)
        }
        // A new workspace is its own organization here, whatever organization the path names
        // (the caller must belong to that one).
        route(.post, v9 + "/organizations/:oid/workspaces") { request, context, user in
            _ = try await service.requireMember(user, try Self.param(context, "oid"))
            let body = try await RequestJSON.read(&request, context: context)
            guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
            return JSONResponse.make(TogglJSON.workspace(try await service.createWorkspace(for: user, name: name)))
        }
        route(.get, v9 + "/me/projects") { _, _, user in
            JSONResponse.make(.array(try await Self.projectObjects(service.allProjects(for: user), of: user, service)))
        }
        route(.get, v9 + "/me/tags") { _, _, user in
            JSONResponse.make(.array(try await service.tags(for: user, workspaceID: nil).map(TogglJSON.tag)))
        }
        route(.get, v9 + "/me/clients") { _, _, user in
            JSONResponse.make(.array(try await service.clients(for: user, workspaceID: nil, status: .both).map(TogglJSON.client)))
        }
        route(.post, v9 + "/workspaces") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
            return JSONResponse.make(TogglJSON.workspace(try await service.createWorkspace(for: user, name: name)))
        }

        // Catalog
        route(.post, v9 + "/workspaces/:wid/projects") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            let project = try await service.createProject(for: user, workspaceID: try Self.param(context, "wid"), try Self.projectInput(body))
            return JSONResponse.make(try await Self.projectObjects([project], of: user, service)[0])
        }
        // Toggl's filters: `active` (true, false, both; default both), `name` (a part of it, any
        // case), `since` (made since), `client_ids` (comma-separated), `page`/`per_page`.
        route(.get, v9 + "/workspaces/:wid/projects") { request, context, user in
            let list = try ListQuery(request, defaultActive: nil)
            var projects = try await service.projects(for: user, workspaceID: try Self.param(context, "wid"))
            if let active = list.active { projects = projects.filter { $0.active == active } }
            if let since = list.since { projects = projects.filter { $0.createdAt >= since } }
            if let name = request.uri.queryParameters.get("name"), !name.isEmpty {
                projects = projects.filter { $0.name.lowercased().contains(name.lowercased()) }
            }
            if let raw = request.uri.queryParameters.get("client_ids") {
                let ids = try raw.split(separator: ",").map { part -> Int64 in
                    guard let id = Int64(part), id > 0 else {
                        throw TrackingError.bad("client_ids must be a comma-separated list of client ids")
                    }
                    return id
                }
                projects = projects.filter { $0.clientID.map(Set(ids).contains) ?? false }
            }
            // Each project of the list carries its `total_count` (before paging), as Toggl's do.
            return JSONResponse.make(.array(try await Self.projectObjects(Array(list.page(of: projects)), of: user, service, totalCount: projects.count)))
        }
        route(.get, v9 + "/workspaces/:wid/projects/:pid") { _, context, user in
            JSONResponse.make(
                try await Self.projectObjects(
                    [service.project(for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "pid"))], of: user, service)[0])
        }
        route(.put, v9 + "/workspaces/:wid/projects/:pid") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            let project = try await service.updateProject(
                for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "pid"), try Self.projectInput(body))
            return JSONResponse.make(try await Self.projectObjects([project], of: user, service)[0])
        }
        route(.patch, v9 + "/workspaces/:wid/projects/:pid") { request, context, user in
            let ids = try Self.idList(try context.parameters.require("pid"), "project")
            let operations = try await RequestJSON.readArray(&request, context: context)
            let outcome = try await service.updateProjects(
                for: user, workspaceID: try Self.param(context, "wid"), ids: ids, try BatchPatch.projectInput(operations))
            return JSONResponse.make(Self.outcome(outcome))
        }
        route(.delete, v9 + "/workspaces/:wid/projects/:pid") { _, context, user in
            try await service.deleteProject(for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "pid"))
            return Response(status: .ok)
        }
        // Toggl's paginated object: `data` and how it was cut; `active` (true, false, both; default
        // both), `since`, `project_id`, `page`/`per_page` (default 50), `sort_field` (name,
        // created_at), `sort_order` (ASC, DESC).
        route(.get, v9 + "/workspaces/:wid/tasks") { request, context, user in
            let list = try ListQuery(request, defaultActive: nil)
            let q = request.uri.queryParameters
            var tasks = try await service.workspaceTasks(for: user, workspaceID: try Self.param(context, "wid"))
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
            tasks.sort { a, b in
                let ascending = field == "name" ? (a.name.lowercased(), a.id) < (b.name.lowercased(), b.id) : (a.createdAt, a.id) < (b.createdAt, b.id)
                return order == "ASC" ? ascending : !ascending
            }
            let perPage = list.perPage ?? 50
            return JSONResponse.make(
                .object([
                    ("data", .array(list.page(of: tasks, defaultPerPage: perPage).map(TogglJSON.task))), ("page", .int(list.page)),
                    ("per_page", .int(perPage)), ("sort_field", .string(field)), ("sort_order", .string(order)), ("total_count", .int(tasks.count)),
                ]))
        }
        // The caller's tasks in every workspace; `include_not_active=true` adds inactive ones.
        route(.get, v9 + "/me/tasks") { request, _, user in
            let all = try Self.flag(request, "include_not_active")
            let since = try ListQuery(request, defaultActive: nil).since
            let tasks = try await service.allTasks(for: user).filter { (all || $0.active) && $0.createdAt >= (since ?? 0) }
            return JSONResponse.make(.array(tasks.map(TogglJSON.task)))
        }

        // Clients
        route(.get, v9 + "/workspaces/:wid/clients") { request, context, user in
            let statusText = request.uri.queryParameters.get("status") ?? "active"
            guard let status = TrackingService.ClientStatus(rawValue: statusText) else {
                throw TrackingError.bad("status must be active, archived or both")
            }
            let clients = try await service.clients(
                for: user, workspaceID: try Self.param(context, "wid"), status: status, name: request.uri.queryParameters.get("name"))
            return JSONResponse.make(.array(clients.map(TogglJSON.client)))
        }
        route(.post, v9 + "/workspaces/:wid/clients") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
            let client = try await service.createClient(
                for: user, workspaceID: try Self.param(context, "wid"), name: name, notes: try body.string("notes").value)
            return JSONResponse.make(TogglJSON.client(client))
        }
        route(.get, v9 + "/workspaces/:wid/clients/:cid") { _, context, user in
            JSONResponse.make(
                TogglJSON.client(try await service.client(for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "cid"))))
        }
        route(.put, v9 + "/workspaces/:wid/clients/:cid") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            let client = try await service.updateClient(
                for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "cid"), name: try body.optionalString("name"),
                notes: try body.string("notes"))
            return JSONResponse.make(TogglJSON.client(client))
        }
        route(.delete, v9 + "/workspaces/:wid/clients/:cid") { _, context, user in
            try await service.deleteClient(for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "cid"))
            return Response(status: .ok)
        }
        route(.post, v9 + "/workspaces/:wid/clients/:cid/archive") { _, context, user in
            let projects = try await service.archiveClient(
                for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "cid"))
            return JSONResponse.make(.array(projects.map { .int(Int($0)) }))
        }
        route(.post, v9 + "/workspaces/:wid/clients/:cid/restore") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context, emptyIsObject: true)
            let client = try await service.restoreClient(
                for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "cid"),
                projectIDs: try Self.ids(body, "projects", limit: 1000), allProjects: try body.optionalBool("restore_all_projects") ?? false)
            return JSONResponse.make(TogglJSON.client(client))
        }

        // Each workspace is its own organization here (`organization_id` is the workspace's id).
        route(.get, v9 + "/organizations/:oid") { _, context, user in
            let (membership, userCount) = try await service.organization(for: user, id: try Self.param(context, "oid"))
            return JSONResponse.make(TogglJSON.organization(membership, userCount: userCount))
        }

        // Members
        route(.get, v9 + "/workspaces/:wid/users") { _, context, user in
            let members = try await service.workspaceUsers(for: user, workspaceID: try Self.param(context, "wid"))
            return JSONResponse.make(.array(members.map { TogglJSON.workspaceUser($0.0, role: $0.role) }))
        }
        // Projects here are open to every member of their workspace: no project has per-user
        // assignments, so the list is honest and empty.
        // Toggl's workspace users; a membership has no id of its own here, so `id` is the user's.
        route(.get, v9 + "/workspaces/:wid/workspace_users") { _, context, user in
            let wid: Int64 = try Self.param(context, "wid")
            let members = try await service.workspaceUsers(for: user, workspaceID: wid)
            return JSONResponse.make(.array(members.map { TogglJSON.membership($0.0, role: $0.role, workspaceID: wid) }))
        }
        // There are no user groups here.
        route(.get, v9 + "/organizations/:oid/groups") { _, context, user in
            _ = try await service.requireMember(user, try Self.param(context, "oid"))
            return JSONResponse.make(.array([]))
        }
        route(.get, v9 + "/workspaces/:wid/project_users") { _, context, user in
            _ = try await service.requireMember(user, try Self.param(context, "wid"))
            return JSONResponse.make(.array([]))
        }

        // Tags
        route(.get, v9 + "/workspaces/:wid/tags") { _, context, user in
            JSONResponse.make(.array(try await service.tags(for: user, workspaceID: try Self.param(context, "wid")).map(TogglJSON.tag)))
        }
        route(.post, v9 + "/workspaces/:wid/tags") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
            return JSONResponse.make(TogglJSON.tag(try await service.createTag(for: user, workspaceID: try Self.param(context, "wid"), name: name)))
        }
        route(.put, v9 + "/workspaces/:wid/tags/:tid") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            guard let name = try body.string("name").value else { throw TrackingError.bad("name is required") }
            let tag = try await service.renameTag(for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "tid"), name: name)
            return JSONResponse.make(TogglJSON.tag(tag))
        }
        route(.delete, v9 + "/workspaces/:wid/tags/:tid") { _, context, user in
            try await service.deleteTag(for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "tid"))
            return Response(status: .ok)
        }
        route(.get, v9 + "/workspaces/:wid/projects/:pid/tasks/:tid") { _, context, user in
            JSONResponse.make(
                TogglJSON.task(
                    try await service.task(
                        for: user, workspaceID: try Self.param(context, "wid"), projectID: try Self.param(context, "pid"), id: try Self.param(context, "tid"))))
        }
        route(.put, v9 + "/workspaces/:wid/projects/:pid/tasks/:tid") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            let task = try await service.updateTask(
                for: user, workspaceID: try Self.param(context, "wid"), projectID: try Self.param(context, "pid"), id: try Self.param(context, "tid"),
                try Self.taskInput(body))
            return JSONResponse.make(TogglJSON.task(task))
        }
        route(.delete, v9 + "/workspaces/:wid/projects/:pid/tasks/:tid") { _, context, user in
            try await service.deleteTask(
                for: user, workspaceID: try Self.param(context, "wid"), projectID: try Self.param(context, "pid"), id: try Self.param(context, "tid"))
            return Response(status: .ok)
        }
        route(.post, v9 + "/workspaces/:wid/projects/:pid/tasks") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            let task = try await service.createTask(
                for: user, workspaceID: try Self.param(context, "wid"), projectID: try Self.param(context, "pid"), try Self.taskInput(body))
            return JSONResponse.make(TogglJSON.task(task))
        }
        route(.get, v9 + "/workspaces/:wid/projects/:pid/tasks") { _, context, user in
            let tasks = try await service.tasks(for: user, workspaceID: try Self.param(context, "wid"), projectID: try Self.param(context, "pid"))
            return JSONResponse.make(.array(tasks.map(TogglJSON.task)))
        }

        // Time entries
        route(.get, v9 + "/me/time_entries") { request, _, user in
            let entries = try await service.list(for: user, query: try Self.query(request))
            let meta = try Self.flag(request, "meta") ? try await Self.meta(for: user, entries, service) : nil
            return JSONResponse.make(utf8: try await Self.entriesBytes(entries, service, meta: meta))
        }
        route(.get, v9 + "/me/time_entries/current") { _, _, user in
            guard let entry = try await service.current(for: user) else { return JSONResponse.make(.null) }
            return try await Self.render(entry, service)
        }
        route(.get, v9 + "/me/time_entries/:id") { request, context, user in
            let entry = try await service.entry(for: user, id: try Self.param(context, "id"))
            guard try Self.flag(request, "meta") else { return try await Self.render(entry, service) }
            let names = try await service.tagNames(ids: entry.tagIDs)
            var body: [UInt8] = []
            TogglJSON.writeEntry(entry, tagNames: names, meta: try await Self.meta(for: user, [entry], service), into: &body)
            return JSONResponse.make(utf8: body)
        }
        route(.post, v9 + "/workspaces/:wid/time_entries") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            return try await Self.render(
                try await service.create(for: user, workspaceID: try Self.param(context, "wid"), input: try body.entryInput()), service)
        }
        route(.put, v9 + "/workspaces/:wid/time_entries/:id") { request, context, user in
            let body = try await RequestJSON.read(&request, context: context)
            let entry = try await service.update(
                for: user, workspaceID: try Self.param(context, "wid"), id: try Self.entryID(context, "PUT"), input: try body.entryInput())
            return try await Self.render(entry, service)
        }
        route(.patch, v9 + "/workspaces/:wid/time_entries/:id/stop") { _, context, user in
            try await Self.render(
                try await service.stop(for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "id")), service)
        }
        route(.post, v9 + "/workspaces/:wid/time_entries/:id/continue") { _, context, user in
            try await Self.render(
                try await service.continueEntry(for: user, workspaceID: try Self.param(context, "wid"), id: try Self.param(context, "id")),
                service)
        }
        route(.delete, v9 + "/workspaces/:wid/time_entries/:id") { _, context, user in
            try await service.delete(for: user, workspaceID: try Self.param(context, "wid"), id: try Self.entryID(context, "DELETE"))
            return Response(status: .ok)
        }
        // Batch: `:id` holds a comma-separated id list (one path parameter name per position).
        route(.patch, v9 + "/workspaces/:wid/time_entries/:id") { request, context, user in
            let ids = try Self.idList(try context.parameters.require("id"), "time entry")
            let operations = try await RequestJSON.readArray(&request, context: context)
            let outcome = try await service.batch(
                for: user, workspaceID: try Self.param(context, "wid"), ids: ids, changes: try BatchPatch.changes(operations))
            return JSONResponse.make(Self.outcome(outcome))
        }

        return router
    }

    static func hasNamelessParameter(_ query: String) -> Bool {
        query.split(separator: "&", omittingEmptySubsequences: false).contains { $0.hasPrefix("=") }
    }

    static func render(_ entry: TimeEntry, _ service: TrackingService) async throws -> Response {
        let names = try await service.tagNames(ids: entry.tagIDs)
        var body: [UInt8] = []
        body.reserveCapacity(768)
        TogglJSON.writeEntry(entry, tagNames: names, into: &body)
        return JSONResponse.make(utf8: body)
    }

    static func entriesBytes(_ entries: [TimeEntry], _ service: TrackingService, meta: TogglJSON.EntryMeta?) async throws -> [UInt8] {
        let names = try await service.tagNames(ids: Array(Set(entries.flatMap(\.tagIDs))))
        var body: [UInt8] = [UInt8(ascii: "[")]
        body.reserveCapacity(entries.count * 640 + 2)
        for (i, entry) in entries.enumerated() {
            if i > 0 { body.append(UInt8(ascii: ",")) }
            TogglJSON.writeEntry(entry, tagNames: names, meta: meta, into: &body)
        }
        body.append(UInt8(ascii: "]"))
        return body
    }

    /// Names for `meta=true`: the caller's, and those of the projects and tasks the entries name.
    static func meta(for user: User, _ entries: [TimeEntry], _ service: TrackingService) async throws -> TogglJSON.EntryMeta {
        var projects: [Int64: Project] = [:]
        var tasks: [Int64: String] = [:]
        for id in Set(entries.compactMap(\.projectID)) {
            if let p = try await service.store.project(id: id) { projects[id] = p }
        }
        for id in Set(entries.compactMap(\.taskID)) {
            if let t = try await service.store.task(id: id) { tasks[id] = t.name }
        }
        var clients: [Int64: String] = [:]
        for id in Set(projects.values.compactMap(\.clientID)) {
            if let c = try await service.store.client(id: id) { clients[id] = c.name }
        }
        return TogglJSON.EntryMeta(userName: user.fullname, projects: projects, tasks: tasks, clients: clients)
    }

    /// A list of ids (absent or null: none), at most `limit` of them, each a valid id.
    static func ids(_ body: RequestJSON, _ key: String, limit: Int) throws -> [Int64] {
        let ids = try body.integers(key).value ?? []
        guard ids.count <= limit, ids.allSatisfy({ (1...8_999_999_999_999_999).contains($0) }) else {
            throw TrackingError.bad("\(key) must be at most \(limit) ids, each a positive integer")
        }
        return ids
    }

    /// A project's client: `client_id`, or `cid` as older clients send it; null removes it.
    /// Projects as Toggl shows them, each with its client's name, looked up once for the lot (in
    /// their workspace when they share one); `totalCount` goes on each, as on Toggl's list items.
    static func projectObjects(_ projects: [Project], of user: User, _ service: TrackingService, totalCount: Int? = nil) async throws
        -> [JSONValue]
    {
        var names: [Int64: String] = [:]
        if projects.contains(where: { $0.clientID != nil }) {
            let workspaces = Set(projects.map(\.workspaceID))
            let clients = try await service.clients(for: user, workspaceID: workspaces.count == 1 ? workspaces.first : nil, status: .both)
            for client in clients { names[client.id] = client.name }
        }
        return projects.map { TogglJSON.project($0, clientName: $0.clientID.flatMap { names[$0] }, totalCount: totalCount) }
    }

    /// `12,13,14` (commas also as `%2C`) → the ids; anything else is a 400.
    static func idList(_ raw: String, _ what: String) throws -> [Int64] {
        let ids = (raw.removingPercentEncoding ?? raw).split(separator: ",", omittingEmptySubsequences: false).map { Int64($0.trimmingCharacters(in: .whitespaces)) }
        guard !ids.isEmpty, ids.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw TrackingError.bad("\(what) ids must be a comma-separated list of integers")
        }
        return ids.compactMap { $0 }
    }

    /// Toggl's answer to a bulk PATCH: the ids changed and those that were not, with why.
    static func outcome(_ outcome: BatchOutcome) -> JSONValue {
        .object([
            ("success", .array(outcome.succeeded.map { .int(Int($0)) })),
            ("failure", .array(outcome.failed.map { .object([("id", .int(Int($0.id))), ("message", .string($0.message))]) })),
        ])
    }

    /// A task create or update body.
    static func taskInput(_ body: RequestJSON) throws -> TaskInput {
        TaskInput(name: try body.optionalString("name"), active: try body.optionalBool("active"), estimatedSeconds: try body.integer("estimated_seconds"))
    }

    /// A project create or update body: Toggl's names for each setting.
    static func projectInput(_ body: RequestJSON) throws -> ProjectInput {
        var input = ProjectInput(name: try body.optionalString("name"), active: try body.optionalBool("active"), clientID: try clientField(body))
        input.color = try body.optionalString("color")
        input.isPrivate = try body.optionalBool("is_private")
        input.billable = try body.bool("billable")
        input.estimatedHours = try body.integer("estimated_hours")
        return input
    }

    static func clientField(_ body: RequestJSON) throws -> Field<Int64> {
        let (field, legacy) = (try body.integer("client_id"), try body.integer("cid"))
        return field.isPresent ? field : legacy
    }

    /// A boolean query flag: `true`/`false` (any case; Python clients send `True`), `1`/`0`;
    /// anything else is a 400 naming the parameter.
    static func flag(_ request: Request, _ name: String) throws -> Bool {
        let values = request.uri.queryParameters.getAll(name)
        guard let raw = values.first else { return false }
        switch (raw.lowercased(), values.count) {
        case ("true", 1), ("1", 1): return true
        case ("false", 1), ("0", 1): return false
        default: throw TrackingError.bad("\(name) must be true or false, given once")
        }
    }

    /// The `:id` of a route on one time entry. A comma-separated list (the batch PATCH's form) is
    /// 400 saying that the route takes one id, not 404 as an unknown id would be.
    static func entryID(_ context: TrackingRequestContext, _ method: String) throws -> Int64 {
        if let raw = context.parameters.get("id"), raw.contains(","),
            raw.split(separator: ",", omittingEmptySubsequences: false).allSatisfy({ Int64($0).map { $0 > 0 } ?? false })
        {
            throw TrackingError.bad("\(method) …/time_entries/{id} takes one id, not the list \(raw); only PATCH takes several")
        }
        return try param(context, "id")
    }

    static func param(_ context: TrackingRequestContext, _ name: String) throws -> Int64 {
        guard let raw = context.parameters.get(name), let value = Int64(raw), value > 0 else {
            throw TrackingError(.notFound, "\(name) must be a positive integer id")
        }
        return value
    }

    /// `start_date`+`end_date` (both or neither), `since` (Unix seconds), `before`, `workspace_id`.
    static func query(_ request: Request) throws -> EntryQuery {
        let q = request.uri.queryParameters
        var query = EntryQuery()
        // A parameter given empty (`start_date=`) is a mistake, not an absence.
        for key in ["start_date", "end_date", "before", "since", "workspace_id"] where q[Substring(key)]?.isEmpty == true {
            throw TrackingError.bad("\(key) must not be empty")
        }
        func time(_ key: String) throws -> Int64? {
            guard let raw = q[Substring(key)].map(String.init), !raw.isEmpty else { return nil }
            guard let t = TimeFormat.parse(raw) else { throw TrackingError.bad("\(key) must be an RFC 3339 time or a date (YYYY-MM-DD)") }
            try TimeFormat.checkRange(raw, key)
            return t
        }
        query.from = try time("start_date")
        query.to = try time("end_date")
        if (query.from == nil) != (query.to == nil) { throw TrackingError.bad("start_date and end_date must be given together") }
        if let from = query.from, let to = query.to, to < from { throw TrackingError.bad("end_date must not be before start_date") }
        query.before = try time("before")
        if let raw = q["since"].map(String.init), !raw.isEmpty {
            guard let since = Int64(raw), since >= 0, since < TimeFormat.latest else { throw TrackingError.bad("since must be a Unix timestamp") }
            query.since = since
        }
        if let raw = q["workspace_id"].map(String.init), !raw.isEmpty {
            guard let id = Int64(raw), id > 0 else { throw TrackingError.bad("workspace_id must be an integer") }
            query.workspaceID = id
        }
        return query
    }
}
