import MissionJSON

/// Response bodies in Toggl Track v9's shape, so client libraries written for Toggl parse them.
/// Fields without meaning here carry Toggl's neutral defaults.
enum TogglJSON {
    static func t(_ unix: Int64) -> JSONValue { .string(TimeFormat.format(unix)) }
    /// A date (`YYYY-MM-DD`) in UTC.
    static func date(_ unix: Int64) -> JSONValue { .string(String(TimeFormat.format(unix).prefix(10))) }

    /// The avatar every user has here (Toggl's default picture).
    static let avatarURL = "https://assets.track.toggl.com/images/profile.png"

    /// What `meta=true` adds to entries: names of the user, projects and tasks they point to.
    struct EntryMeta: Sendable {
        var userName: String
        var projects: [Int64: Project]
        var tasks: [Int64: String]
        /// Client names by client id, for the projects above.
        var clients: [Int64: String] = [:]
    }
    static func id(_ v: Int64?) -> JSONValue { v.map { .int(Int($0)) } ?? .null }

    /// A time entry, written straight into `out`: entries are in nearly every response, and
    /// building a `JSONValue` tree for each (a boxed value per field) cost more than the rest of
    /// rendering `current`. Same rendering as `JSONValue` (the test pins the bytes).
    static func writeEntry(_ e: TimeEntry, tagNames: [Int64: String], meta: EntryMeta? = nil, into out: inout [UInt8]) {
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
        separator = false
        // A deleted tag leaves the entry, as on Toggl: only ids that still name a tag are shown.
        for id in e.tagIDs where tagNames[id] != nil {
            if separator { out.append(UInt8(ascii: ",")) }
            separator = true
            JSONValue.writeDecimal(Int(id), into: &out)
        }
        out.append(UInt8(ascii: "]"))
        time("at", e.at)
        time("server_deleted_at", e.deletedAt)
        string("created_with", e.createdWith)
        nulls("permissions", "shared_with")
        key("expense_ids")
        out.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")])
        if let meta {
            let project = e.projectID.flatMap { meta.projects[$0] }
            if let name = project?.clientID.flatMap({ meta.clients[$0] }) { string("client_name", name) } else { nulls("client_name") }
            if let project {
                string("project_name", project.name)
                string("project_color", projectColor)
                bool("project_active", project.active)
                key("project_billable")
                null()
            } else {
                nulls("project_name", "project_color", "project_active", "project_billable")
            }
            if let name = e.taskID.flatMap({ meta.tasks[$0] }) { string("task_name", name) } else { nulls("task_name") }
            string("user_name", meta.userName)
            string("user_avatar_url", avatarURL)
        } else {
            nulls(
                "client_name", "project_name", "project_color", "project_active", "project_billable", "task_name", "user_name",
                "user_avatar_url")
        }
        out.append(UInt8(ascii: "}"))
    }

    static let projectColor = "#06aaf5"

    /// `/me`: `token` nil when it cannot be shown (sealed under another server secret).
    static func me(_ u: User, token: String?, accountID: String) -> JSONValue {
        .object([
            ("id", .int(Int(u.id))), ("email", .string(u.email)), ("fullname", .string(u.fullname)),
            ("api_token", token.map(JSONValue.string) ?? .null), ("toggl_accounts_id", .string(accountID)),
            ("default_workspace_id", id(u.defaultWorkspaceID)), ("timezone", .string(u.timezone)),
            ("beginning_of_week", .int(u.beginningOfWeek)), ("image_url", .string(avatarURL)), ("country_id", .int(0)),
            ("has_password", .bool(true)), ("openid_enabled", .bool(false)), ("openid_email", .null), ("intercom_hash", .null),
            ("2fa_enabled", .bool(false)), ("created_at", t(u.createdAt)), ("updated_at", t(u.updatedAt)), ("at", t(u.updatedAt)),
            ("authorization_updated_at", t(u.updatedAt)), ("toggl_accounts_updated_at", t(u.updatedAt)),
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
            ("projects_billable_by_default", .bool(true)), ("reports_collapse", .bool(true)),
            ("logo_url", .string("https://assets.track.toggl.com/images/workspace.jpg")), ("api_token", .null), ("at", t(w.updatedAt)),
            ("server_deleted_at", .null), ("csv_upload", .null), ("hide_start_end_times", .bool(false)), ("ical_enabled", .bool(false)),
            ("ical_url", .null), ("last_modified", t(w.updatedAt)), ("projects_enforce_billable", .bool(false)),
            ("projects_private_by_default", .bool(false)), ("rate_last_updated", .null), ("suspended_at", .null),
            ("working_hours_in_minutes", .null), ("disable_approvals", .bool(false)), ("disable_expenses", .bool(false)),
            ("disable_timesheet_view", .bool(false)), ("limit_public_project_data", .bool(false)), ("max_data_retention_days", .null),
            ("te_constraints", timeEntryConstraints),
        ])
    }

    /// Toggl's time entry constraints (a paid feature): none are enforced here.
    static let timeEntryConstraints: JSONValue = .object([
        ("description_present", .bool(false)), ("project_present", .bool(false)), ("tag_present", .bool(false)),
        ("task_present", .bool(false)), ("time_entry_constraints_enabled", .bool(false)),
    ])

    /// `GET /workspaces/{wid}/statistics`: its admins and member count; no groups exist here.
    static func statistics(admins: [User], members: Int) -> JSONValue {
        .object([
            ("admins", .array(admins.map { .object([("user_id", .int(Int($0.id))), ("name", .string($0.fullname))]) })),
            ("groups_count", .int(0)), ("members_count", .int(members)),
        ])
    }

    /// The organization of a workspace: each workspace is its own organization here.
    static func organization(_ m: Membership, userCount: Int) -> JSONValue {
        let w = m.workspace
        return .object([
            ("id", .int(Int(w.id))), ("name", .string(w.organizationName ?? w.name)), ("admin", .bool(m.isAdmin)), ("owner", .bool(m.isAdmin)),
            ("at", t(w.updatedAt)), ("created_at", t(w.createdAt)), ("server_deleted_at", .null), ("suspended_at", .null),
            ("is_multi_workspace_enabled", .bool(false)), ("is_unified", .bool(false)), ("max_workspaces", .int(1)),
            ("max_data_retention_days", .null), ("payment_methods", .null), ("permissions", .null),
            ("pricing_plan_enterprise", .bool(false)), ("pricing_plan_id", .int(0)), ("pricing_plan_name", .string("Free")),
            ("user_count", .int(userCount)),
        ])
    }

    /// `clientName`: the name of the project's client, when it has one; `totalCount`: the size of
    /// the list the project is listed in (Toggl's lists carry it on each project).
    static func project(_ p: Project, clientName: String? = nil, totalCount: Int? = nil) -> JSONValue {
        .object([
            ("id", .int(Int(p.id))), ("workspace_id", id(p.workspaceID)), ("wid", id(p.workspaceID)), ("client_id", id(p.clientID)),
            ("cid", id(p.clientID)), ("client_name", clientName.map(JSONValue.string) ?? .null), ("name", .string(p.name)),
            ("is_private", .bool(p.isPrivate)), ("active", .bool(p.active)), ("billable", p.billable.map(JSONValue.bool) ?? .null),
            ("template", .null), ("color", .string(p.color ?? projectColor)), ("auto_estimates", .null),
            ("estimated_hours", p.estimatedHours.map { .int(Int($0)) } ?? .null), ("rate", .int(0)), ("currency", .null), ("at", t(p.createdAt)),
            ("created_at", t(p.createdAt)), ("server_deleted_at", .null), ("actual_hours", .null), ("actual_seconds", .null),
            ("can_track_time", .bool(p.active)), ("estimated_seconds", p.estimatedHours.map { .int(Int($0) * 3600) } ?? .null),
            ("fixed_fee", .null), ("rate_last_updated", .null), ("recurring", .bool(false)), ("recurring_parameters", .null),
            ("start_date", date(p.createdAt)), ("end_date", .null), ("template_id", .null), ("pinned", .bool(false)),
            ("external_reference", .null), ("integration_provider", .null), ("permissions", .null), ("current_period", .null),
            ("status", .string(p.active ? "active" : "archived")),
        ] + (totalCount.map { [("total_count", JSONValue.int($0))] } ?? []))
    }

    static func tag(_ tag: Tag) -> JSONValue {
        .object([
            ("id", .int(Int(tag.id))), ("workspace_id", id(tag.workspaceID)), ("name", .string(tag.name)), ("at", t(tag.at)),
            ("creator_id", tag.creatorID.map { .int(Int($0)) } ?? .null), ("deleted_at", .null),
        ])
    }

    static func client(_ c: WorkspaceClient) -> JSONValue {
        .object([
            ("id", .int(Int(c.id))), ("wid", id(c.workspaceID)), ("name", .string(c.name)), ("notes", c.notes.map(JSONValue.string) ?? .null),
            ("archived", .bool(c.archived)), ("creator_id", id(c.creatorID)), ("at", t(c.at)), ("server_deleted_at", .null),
            ("permissions", .null), ("integration_ext_id", .null), ("integration_ext_type", .null), ("integration_provider", .null),
        ])
    }

    /// A member as `GET /workspaces/{wid}/users` lists them.
    static func workspaceUser(_ u: User, role: String) -> JSONValue {
        .object([
            ("id", .int(Int(u.id))), ("email", .string(u.email)), ("fullname", .string(u.fullname)), ("role", .string(role)),
            ("is_admin", .bool(role == "admin")), ("is_active", .bool(true)), ("inactive", .bool(false)),
        ])
    }

    /// `GET /workspaces/{wid}/workspace_users`: one member of a workspace.
    static func membership(_ u: User, role: String, workspaceID: Int64) -> JSONValue {
        .object([
            ("id", .int(Int(u.id))), ("user_id", .int(Int(u.id))), ("workspace_id", .int(Int(workspaceID))), ("name", .string(u.fullname)),
            ("email", .string(u.email)), ("admin", .bool(role == "admin")), ("role", .string(role)), ("active", .bool(true)),
            ("inactive", .bool(false)), ("at", t(u.updatedAt)), ("group_ids", .array([])),
            ("timezone", .string(u.timezone)),
        ])
    }

    static func task(_ k: TrackingTask) -> JSONValue {
        .object([
            ("id", .int(Int(k.id))), ("name", .string(k.name)), ("workspace_id", id(k.workspaceID)), ("project_id", id(k.projectID)),
            ("user_id", .null), ("active", .bool(k.active)), ("estimated_seconds", k.estimatedSeconds.map { .int(Int($0)) } ?? .null),
            ("tracked_seconds", .int(0)),
            ("at", t(k.createdAt)), ("server_deleted_at", .null),
        ])
    }
}

extension TogglJSON {
    /// Toggl's answer to a bulk PATCH: the ids changed and those that were not, with why.
    static func outcome(_ outcome: BatchOutcome) -> JSONValue {
        .object([
            ("success", .array(outcome.succeeded.map { .int(Int($0)) })),
            ("failure", .array(outcome.failed.map { .object([("id", .int(Int($0.id))), ("message", .string($0.message))]) })),
        ])
    }
}
