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
    func setTokenHash(userID: Int64, tokenHash: String) async throws
    func user(email: String) async throws -> StoredUser?
    func user(tokenHash: String) async throws -> StoredUser?

    func memberships(userID: Int64) async throws -> [Membership]
    func membership(userID: Int64, workspaceID: Int64) async throws -> Membership?
    func createWorkspace(name: String, ownerID: Int64, now: Int64) async throws -> Membership

    func createProject(workspaceID: Int64, name: String, now: Int64) async throws -> Project
    func projects(workspaceID: Int64) async throws -> [Project]
    func project(id: Int64) async throws -> Project?
    func createTask(workspaceID: Int64, projectID: Int64, name: String, now: Int64) async throws -> TrackingTask
    func tasks(projectID: Int64) async throws -> [TrackingTask]
    func task(id: Int64) async throws -> TrackingTask?
    /// Ids of tags with these names in the workspace, created when missing (in name order given).
    func tagIDs(workspaceID: Int64, names: [String], now: Int64) async throws -> [Int64]
    /// Names of tags by id; with `workspaceID`, only tags of that workspace.
    func tagNames(ids: [Int64], workspaceID: Int64?) async throws -> [Int64: String]

    func insertEntry(_ entry: NewTimeEntry) async throws -> TimeEntry
    /// An entry by id, deleted ones included (callers decide).
    func entry(id: Int64) async throws -> TimeEntry?
    func runningEntry(userID: Int64) async throws -> TimeEntry?
    /// Entries of a user in a workspace: started in [from, to) when given, changed since `since`
    /// (deleted ones included only then), sorted by start.
    func entries(userID: Int64, workspaceID: Int64, from: Int64?, to: Int64?, since: Int64?) async throws -> [TimeEntry]
    /// Replaces entries atomically: all are written or none.
    func updateEntries(_ entries: [TimeEntry]) async throws

    /// The 503 that `error`, thrown by this store, stands for when it means the database cannot be
    /// reached (connection refused or lost, server shutting down, too many connections); nil for
    /// any other error.
    func unavailability(of error: any Error) -> TrackingError?
}

extension TrackingStore {
    public func unavailability(of error: any Error) -> TrackingError? { nil }
}
