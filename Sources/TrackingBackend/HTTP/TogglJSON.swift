import MissionJSON

/// Response bodies in Toggl Track v9's shape, so client libraries written for Toggl parse them.
/// Fields without meaning here carry Toggl's neutral defaults.
enum TogglJSON {
    static func t(_ unix: Int64) -> JSONValue { .string(TimeFormat.format(unix)) }
    static func id(_ v: Int64?) -> JSONValue { v.map { .int(Int($0)) } ?? .null }

    static func entry(_ e: TimeEntry, tagNames: [Int64: String]) -> JSONValue {
        .object([
            ("id", .int(Int(e.id))), ("workspace_id", id(e.workspaceID)), ("wid", id(e.workspaceID)), ("user_id", id(e.userID)),
            ("uid", id(e.userID)), ("project_id", id(e.projectID)), ("pid", id(e.projectID)), ("task_id", id(e.taskID)),
            ("tid", id(e.taskID)), ("description", .string(e.description)), ("billable", .bool(e.billable)),
            ("start", t(e.start)), ("stop", e.stop.map(t) ?? .null), ("duration", .int(Int(e.duration))), ("duronly", .bool(e.duronly)),
            ("tags", .array(e.tagIDs.compactMap { tagNames[$0] }.map(JSONValue.string))),
            ("tag_ids", .array(e.tagIDs.map { .int(Int($0)) })), ("at", t(e.at)),
            ("server_deleted_at", e.deletedAt.map(t) ?? .null), ("created_with", .string(e.createdWith)),
            ("permissions", .null), ("shared_with", .null), ("expense_ids", .array([])), ("client_name", .null),
            ("project_name", .null), ("project_color", .null), ("project_active", .null), ("project_billable", .null),
            ("task_name", .null), ("user_name", .null), ("user_avatar_url", .null),
        ])
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
