import ServiceLifecycle

/// Persistence behind the tracking rules. Two implementations: SQLite (GRDB) and PostgreSQL.
///
/// The one-running-timer rule is enforced by the database (a unique index over running entries
/// per user), so it holds under concurrent requests; stores report its violation as
/// `TrackingError.runningConflict`.
public protocol TrackingStore: Sendable {
    /// Creates or upgrades the schema. Idempotent and versioned.
    func migrate() async throws
    /// Throws when the database cannot be reached.
    func ping() async throws
    func close() async throws

    /// Creates a user with a default workspace (they become its admin). A taken e-mail → conflict.
    func createUser(email: String, fullname: String, timezone: String, passwordHash: String, workspaceName: String, now: Int64)
        async throws -> User
    /// Replaces the user's API token (its SHA-256 hash, for lookups, and its sealed form, for `/me`).
    func setToken(userID: Int64, tokenHash: String, sealed: String?) async throws
    func user(email: String) async throws -> StoredUser?
    func user(tokenHash: String) async throws -> StoredUser?
    func user(id: Int64) async throws -> StoredUser?
    /// Writes the user's profile fields (fullname, timezone, email, default workspace, beginning of
    /// week, updated_at). A taken e-mail → conflict.
    func updateUser(_ user: User) async throws
    /// A user's stored preferences (a JSON object), or nil when none were set.
    func preferences(userID: Int64) async throws -> String?
    func setPreferences(userID: Int64, body: String) async throws

    func memberships(userID: Int64) async throws -> [Membership]
    func membership(userID: Int64, workspaceID: Int64) async throws -> Membership?
    /// A new workspace (its own organization, named `organizationName` or, when nil, as the workspace), with `ownerID` as admin.
    func createWorkspace(name: String, organizationName: String?, ownerID: Int64, now: Int64) async throws -> Membership
    /// Names a workspace's organization.
    func renameOrganization(workspaceID: Int64, name: String, now: Int64) async throws
    /// Takes a user out of a workspace (its entries stay where they are).
    func removeMembership(userID: Int64, workspaceID: Int64) async throws
    /// The ids of a workspace's members.
    func members(workspaceID: Int64) async throws -> [Int64]
    /// Renames a workspace (and so its organization, which is the same thing here).
    func renameWorkspace(id: Int64, name: String, now: Int64) async throws

    /// Inserts `project` (its id is ignored) and returns it with its id.
    func createProject(_ project: Project) async throws -> Project
    func projects(workspaceID: Int64) async throws -> [Project]
    func project(id: Int64) async throws -> Project?
    /// Writes every setting of a project (name, active flag, client, colour, privacy, billable, estimate).
    func updateProject(_ project: Project) async throws
    /// Deletes a project and its tasks; its time entries (all by `memberIDs`) lose their project
    /// and task, and their `at` becomes `now`.
    func deleteProject(id: Int64, memberIDs: [Int64], now: Int64) async throws
    /// Creates a client; a name taken in the workspace → conflict.
    func createClient(workspaceID: Int64, name: String, notes: String?, creatorID: Int64, now: Int64) async throws -> WorkspaceClient
    /// The clients of these workspaces, by name.
    func clients(workspaceIDs: [Int64]) async throws -> [WorkspaceClient]
    func client(id: Int64) async throws -> WorkspaceClient?
    /// Writes a client's name, notes and `at`; a name taken in its workspace → conflict.
    func updateClient(_ client: WorkspaceClient) async throws
    /// Deletes a client; its projects stay, without a client.
    func deleteClient(id: Int64) async throws
    /// Archives a client and deactivates its active projects, at once; returns those projects' ids.
    func archiveClient(id: Int64, now: Int64) async throws -> [Int64]
    /// Restores an archived client and reactivates its projects `projectIDs` (nil: all of them), at once.
    func restoreClient(id: Int64, projectIDs: [Int64]?, now: Int64) async throws
    /// Inserts `task` (its id is ignored) and returns it with its id.
    func createTask(_ task: TrackingTask) async throws -> TrackingTask
    /// Writes a task's name, active flag and estimate.
    func updateTask(_ task: TrackingTask) async throws
    /// Deletes a task; its time entries (all by `memberIDs`) lose it, and their `at` becomes `now`.
    func deleteTask(id: Int64, memberIDs: [Int64], now: Int64) async throws
    func tasks(projectID: Int64) async throws -> [TrackingTask]
    func tasks(workspaceID: Int64) async throws -> [TrackingTask]
    /// The tags of these workspaces, by name.
    func tags(workspaceIDs: [Int64]) async throws -> [Tag]
    func tag(id: Int64) async throws -> Tag?
    /// Renames a tag; a name taken in its workspace → conflict.
    func renameTag(id: Int64, name: String, now: Int64) async throws
    /// Deletes a tag. Entries keep its id, which no longer renders (as on Toggl, it disappears from them).
    func deleteTag(id: Int64) async throws
    func task(id: Int64) async throws -> TrackingTask?
    /// Ids of tags with these names in the workspace, created when missing (in name order given).
    func tagIDs(workspaceID: Int64, names: [String], creatorID: Int64, now: Int64) async throws -> [Int64]
    /// Names of tags by id; with `workspaceID`, only tags of that workspace.
    func tagNames(ids: [Int64], workspaceID: Int64?) async throws -> [Int64: String]

    func insertEntry(_ entry: NewTimeEntry) async throws -> TimeEntry
    /// An entry by id, deleted ones included (callers decide).
    func entry(id: Int64) async throws -> TimeEntry?
    func runningEntry(userID: Int64) async throws -> TimeEntry?
    /// Entries of a user, in one workspace or (nil) all: started in [from, to) when given, changed
    /// since `since` (deleted ones included only then), latest start first.
    func entries(userID: Int64, workspaceID: Int64?, from: Int64?, to: Int64?, since: Int64?) async throws -> [TimeEntry]
    /// Replaces entries atomically: all are written or none.
    func updateEntries(_ entries: [TimeEntry]) async throws

    /// The 503 that `error`, thrown by this store, stands for when it means the database cannot be
    /// reached (connection refused or lost, server shutting down, too many connections); nil for
    /// any other error.
    func unavailability(of error: any Error) -> TrackingError?

    /// Whether the database answers, kept current in the background, for a store whose database
    /// can go away (a server); nil for one that cannot (an embedded file).
    var health: DatabaseHealth? { get }

    /// What must run while the store is used: PostgreSQL's connection pool and health probe; none
    /// for SQLite. A server runs them in its application's service group (`BackendServer.run`);
    /// anything else opens the store with `BackendServer.openStore`, which runs them in a group of
    /// their own (`StandaloneStore`). Queries wait until they run. `close()` comes after they end.
    var services: [any Service] { get }
}

extension TrackingStore {
    public func unavailability(of error: any Error) -> TrackingError? { nil }
    public var health: DatabaseHealth? { nil }
    public var services: [any Service] { [] }
}
