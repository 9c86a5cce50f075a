/// A registered user. Secrets are never part of this value except the derived API token.
public struct User: Sendable, Hashable {
    public var id: Int64
    public var email: String
    public var fullname: String
    public var timezone: String
    public var defaultWorkspaceID: Int64
    public var createdAt: Int64
    public var updatedAt: Int64
    /// 0 = Sunday … 6 = Saturday.
    public var beginningOfWeek: Int = 1
}

/// A user row with its credentials, as stored.
public struct StoredUser: Sendable, Hashable {
    public var user: User
    public var passwordHash: String
    /// The API token encrypted with the server secret (`Credentials.seal`), so `/me` can show it;
    /// nil for tokens issued before tokens were random.
    public var sealedToken: String? = nil
}

/// A workspace's tag.
public struct Tag: Sendable, Hashable {
    public var id: Int64
    public var workspaceID: Int64
    public var name: String
    public var at: Int64
    /// Who made it (nil for tags made before creators were kept).
    public var creatorID: Int64? = nil
}

public struct Workspace: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var createdAt: Int64
    public var updatedAt: Int64
    /// The name of the workspace's organization (each workspace is its own organization here);
    /// nil: the workspace's own name.
    public var organizationName: String? = nil
}

/// A workspace together with the caller's role in it.
public struct Membership: Sendable, Hashable {
    public var workspace: Workspace
    public var role: String
    public var isAdmin: Bool { role == "admin" }
}

public struct Project: Sendable, Hashable {
    public var id: Int64
    public var workspaceID: Int64
    public var name: String
    public var active: Bool
    public var createdAt: Int64
    /// The workspace client the project is for, if any.
    public var clientID: Int64? = nil
    /// `#rrggbb`; nil shows Toggl's default colour.
    public var color: String? = nil
    public var isPrivate = false
    public var billable: Bool? = nil
    public var estimatedHours: Int64? = nil
}

/// A workspace's client (a customer projects are for). Named so as not to suggest an HTTP client.
public struct WorkspaceClient: Sendable, Hashable {
    public var id: Int64
    public var workspaceID: Int64
    public var name: String
    public var notes: String?
    public var archived: Bool
    public var creatorID: Int64
    public var at: Int64
}

public struct TrackingTask: Sendable, Hashable {
    public var id: Int64
    public var workspaceID: Int64
    public var projectID: Int64
    public var name: String
    public var active: Bool
    public var createdAt: Int64
    public var estimatedSeconds: Int64? = nil
}

/// One time entry. Times are Unix seconds (UTC, whole seconds).
public struct TimeEntry: Sendable, Hashable {
    public var id: Int64
    public var workspaceID: Int64
    public var userID: Int64
    public var projectID: Int64?
    public var taskID: Int64?
    public var description: String
    public var billable: Bool
    public var start: Int64
    /// nil while running.
    public var stop: Int64?
    public var duronly: Bool
    public var createdWith: String
    public var tagIDs: [Int64]
    /// Last modification.
    public var at: Int64
    /// Set by a (soft) delete.
    public var deletedAt: Int64?

    public var isRunning: Bool { stop == nil }

    /// Toggl's duration: seconds for a stopped entry, minus the start's Unix time while running.
    public var duration: Int64 { stop.map { $0 - start } ?? -start }
}

/// The fields of an entry to insert (the store assigns the id).
public struct NewTimeEntry: Sendable, Hashable {
    public var workspaceID: Int64
    public var userID: Int64
    public var projectID: Int64?
    public var taskID: Int64?
    public var description: String
    public var billable: Bool
    public var start: Int64
    public var stop: Int64?
    public var duronly: Bool
    public var createdWith: String
    public var tagIDs: [Int64]
    public var at: Int64

    /// The entry as stored under `id`.
    public func stored(id: Int64) -> TimeEntry {
        TimeEntry(
            id: id, workspaceID: workspaceID, userID: userID, projectID: projectID, taskID: taskID, description: description,
            billable: billable, start: start, stop: stop, duronly: duronly, createdWith: createdWith, tagIDs: tagIDs, at: at,
            deletedAt: nil)
    }
}
