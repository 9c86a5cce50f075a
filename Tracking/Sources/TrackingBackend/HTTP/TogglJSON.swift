import MissionJSON

/// Response bodies in Toggl Track v9's shape, so client libraries written for Toggl parse them.
/// Fields without meaning here carry Toggl's neutral defaults.
enum TogglJSON {
    static func t(_ unix: Int64) -> JSONValue { .string(TimeFormat.format(unix)) }
    static func id(_ v: Int64?) -> JSONValue { v.map { .int(Int($0)) } ?? .null }

    /// A time entry, written straight into `out`: entries are in nearly every response, and
    /// building a `JSONValue` tree for each (a boxed value per field) cost more than the rest of
    /// rendering `current`. Same rendering as `JSONValue` (the test pins the bytes).
    static func writeEntry(_ e: TimeEntry, tagNames: [Int64: String], into out: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        var first = true
        func key(_ name: StaticString) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            out.append(quote)
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(quote)
            out.append(UInt8(ascii: ":"))
        }
        func null() { out.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")]) }
        func int(_ name: StaticString, _ value: Int64?) {
            key(name)
            if let value { JSONValue.writeDecimal(Int(value), into: &out) } else { null() }
        }
        func bool(_ name: StaticString, _ value: Bool) {
            key(name)
            out.append(contentsOf: (value ? "true" : "false").utf8)
        }
        func string(_ name: StaticString, _ value: String) {
            key(name)
            JSONValue.escape(value, into: &out)
        }
        func time(_ name: StaticString, _ value: Int64?) {
            key(name)
            if let value { JSONValue.escape(TimeFormat.format(value), into: &out) } else { null() }
        }
        func nulls(_ names: StaticString...) {
            for name in names {
                key(name)
                null()
            }
        }
        int("id", e.id)
        int("workspace_id", e.workspaceID)
        int("wid", e.workspaceID)
        int("user_id", e.userID)
        int("uid", e.userID)
        int("project_id", e.projectID)
        int("pid", e.projectID)
        int("task_id", e.taskID)
        int("tid", e.taskID)
        string("description", e.description)
        bool("billable", e.billable)
        time("start", e.start)
        time("stop", e.stop)
        int("duration", e.duration)
        bool("duronly", e.duronly)
        key("tags")
        out.append(UInt8(ascii: "["))
        var separator = false
        for id in e.tagIDs {
            guard let name = tagNames[id] else { continue }
            if separator { out.append(UInt8(ascii: ",")) }
            separator = true
            JSONValue.escape(name, into: &out)
        }
        out.append(UInt8(ascii: "]"))
        key("tag_ids")
        out.append(UInt8(ascii: "["))
        for (i, id) in e.tagIDs.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.writeDecimal(Int(id), into: &out)
        }
        out.append(UInt8(ascii: "]"))
        time("at", e.at)
        time("server_deleted_at", e.deletedAt)
        string("created_with", e.createdWith)
        nulls("permissions", "shared_with")
        key("expense_ids")
        out.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")])
        nulls(
            "client_name", "project_name", "project_color", "project_active", "project_billable", "task_name", "user_name",
            "user_avatar_url")
        out.append(UInt8(ascii: "}"))
    }

    static func me(_ u: User, token: String) -> JSONValue {
        .object([
            ("id", .int(Int(u.id))), ("email", .string(u.email)), ("fullname", .string(u.fullname)), ("api_token", .string(token)),
            ("default_workspace_id", id(u.defaultWorkspaceID)), ("timezone", .string(u.timezone)), ("beginning_of_week", .int(1)),
            ("image_url", .string("")), ("country_id", .null), ("has_password", .bool(true)), ("openid_enabled", .bool(false)),
            ("openid_email", .null), ("intercom_hash", .null), ("2fa_enabled", .bool(false)),
            ("created_at", t(u.createdAt)), ("updated_at", t(u.updatedAt)), ("at", t(u.updatedAt)),
            ("authorization_updated_at", t(u.updatedAt)),
        ])
    }

    static func workspace(_ m: Membership) -> JSONValue {
        let w = m.workspace
        return .object([
            ("id", .int(Int(w.id))), ("name", .string(w.name)), ("organization_id", .int(Int(w.id))), ("role", .string(m.role)),
            ("admin", .bool(m.isAdmin)), ("premium", .bool(false)), ("business_ws", .bool(false)), ("default_currency", .string("USD")),
            ("default_hourly_rate", .null), ("rounding", .int(1)), ("rounding_minutes", .int(0)),
            ("only_admins_may_create_projects", .bool(false)), ("only_admins_may_create_tags", .bool(false)),
            ("only_admins_see_billable_rates", .bool(false)), ("only_admins_see_team_dashboard", .bool(false)),
            ("projects_billable_by_default", .bool(true)), ("reports_collapse", .bool(true)), ("logo_url", .string("")),
            ("api_token", .null), ("at", t(w.updatedAt)), ("server_deleted_at", .null),
        ])
    }

    static func project(_ p: Project) -> JSONValue {
        .object([
            ("id", .int(Int(p.id))), ("workspace_id", id(p.workspaceID)), ("wid", id(p.workspaceID)), ("client_id", .null),
            ("cid", .null), ("name", .string(p.name)), ("is_private", .bool(false)), ("active", .bool(p.active)),
            ("billable", .null), ("template", .null), ("color", .string("#06aaf5")), ("auto_estimates", .null),
            ("estimated_hours", .null), ("rate", .null), ("currency", .null), ("at", t(p.createdAt)),
            ("created_at", t(p.createdAt)), ("server_deleted_at", .null), ("actual_hours", .null),
        ])
    }

    static func task(_ k: TrackingTask) -> JSONValue {
        .object([
            ("id", .int(Int(k.id))), ("name", .string(k.name)), ("workspace_id", id(k.workspaceID)), ("project_id", id(k.projectID)),
            ("user_id", .null), ("active", .bool(k.active)), ("estimated_seconds", .null), ("tracked_seconds", .int(0)),
            ("at", t(k.createdAt)), ("server_deleted_at", .null),
        ])
    }
}
