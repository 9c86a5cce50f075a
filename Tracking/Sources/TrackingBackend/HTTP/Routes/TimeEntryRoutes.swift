import Hummingbird
import MissionJSON

/// Time entries: the caller's list, current and single entries; a workspace's create, update,
/// stop, continue, delete and bulk update.
struct TimeEntryRoutes: Sendable {
    typealias Context = AuthenticatedRequestContext
    let service: TrackingService

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("me/time_entries", use: list)
            .get("me/time_entries/current", use: current)
            .get("me/time_entries/:id", use: show)
            .post("workspaces/:wid/time_entries", use: create)
            .put("workspaces/:wid/time_entries/:id", use: update)
            .patch("workspaces/:wid/time_entries/:id/stop", use: stop)
            .post("workspaces/:wid/time_entries/:id/continue", use: continueEntry)
            .delete("workspaces/:wid/time_entries/:id", use: delete)
            // Bulk: `:id` holds a comma-separated id list (one path parameter name per position).
            .patch("workspaces/:wid/time_entries/:id", use: updateMany)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let entries = try await service.list(for: context.user, query: try Self.query(request))
        let meta = try request.flag("meta") ? try await Self.meta(for: context.user, entries, service) : nil
        return JSONResponse.make(utf8: try await Self.bytes(entries, service, meta: meta))
    }

    @Sendable func current(_ request: Request, context: Context) async throws -> Response {
        guard let entry = try await service.current(for: context.user) else { return JSONResponse.make(.null) }
        return try await Self.render(entry, service)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let entry = try await service.entry(for: context.user, id: try context.id("id"))
        guard try request.flag("meta") else { return try await Self.render(entry, service) }
        let names = try await service.tagNames(ids: entry.tagIDs)
        var body: [UInt8] = []
        TogglJSON.writeEntry(entry, tagNames: names, meta: try await Self.meta(for: context.user, [entry], service), into: &body)
        return JSONResponse.make(utf8: body)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        return try await Self.render(try await service.create(for: context.user, workspaceID: try context.id("wid"), input: try body.entryInput()), service)
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let body = try await RequestJSON.read(request, context: context)
        let entry = try await service.update(for: context.user, workspaceID: try context.id("wid"), id: try context.entryID("PUT"), input: try body.entryInput())
        return try await Self.render(entry, service)
    }

    @Sendable func stop(_ request: Request, context: Context) async throws -> Response {
        try await Self.render(try await service.stop(for: context.user, workspaceID: try context.id("wid"), id: try context.id("id")), service)
    }

    @Sendable func continueEntry(_ request: Request, context: Context) async throws -> Response {
        try await Self.render(try await service.continueEntry(for: context.user, workspaceID: try context.id("wid"), id: try context.id("id")), service)
    }

    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        try await service.delete(for: context.user, workspaceID: try context.id("wid"), id: try context.entryID("DELETE"))
        return Response(status: .ok)
    }

    @Sendable func updateMany(_ request: Request, context: Context) async throws -> Response {
        let ids = try context.ids("id", of: "time entry")
        let operations = try await RequestJSON.readArray(request, context: context)
        let outcome = try await service.batch(for: context.user, workspaceID: try context.id("wid"), ids: ids, changes: try BatchPatch.changes(operations))
        return JSONResponse.make(TogglJSON.outcome(outcome))
    }

    static func render(_ entry: TimeEntry, _ service: TrackingService) async throws -> Response {
        let names = try await service.tagNames(ids: entry.tagIDs)
        var body: [UInt8] = []
        body.reserveCapacity(768)
        TogglJSON.writeEntry(entry, tagNames: names, into: &body)
        return JSONResponse.make(utf8: body)
    }

    /// The entries as a JSON array, written straight to bytes.
    static func bytes(_ entries: [TimeEntry], _ service: TrackingService, meta: TogglJSON.EntryMeta?) async throws -> [UInt8] {
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
