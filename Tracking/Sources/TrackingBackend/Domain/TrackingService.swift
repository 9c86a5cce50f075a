import Foundation

/// The tracking rules, independent of HTTP and of the store's technology.
public struct TrackingService: Sendable {
    public let store: any TrackingStore
    public let credentials: Credentials
    /// The current Unix time (whole seconds); injectable for tests.
    public let now: @Sendable () -> Int64
    /// API-token `Authorization` header → user, for a second at most (see `BoundedCache`): clients
    /// poll, so most requests skip the decoding and the lookup.
    let tokenCache = BoundedCache<String, User>()
    /// Tag id → name, so rendering an entry rarely needs a second query.
    let tagNameCache = BoundedCache<Int64, String>()
    /// SHA-256 of a verified `email:password` header → user, for 30 s: clients that log in with a
    /// password on every request run scrypt once per half minute, not per request.
    let passwordCache = BoundedCache<String, User>(lifetime: 30)
    /// Bounds, off the cooperative pool, the scrypt work that logins and signups cause.
    let passwords: PasswordGate
    /// Verified against when the e-mail is unknown, so that unknown and known accounts take the
    /// same time (a fast "no such user" would tell which addresses have accounts).
    let decoyHash: String

    public init(store: any TrackingStore, credentials: Credentials, now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.init(store: store, credentials: credentials, passwords: PasswordGate(), now: now)
    }

    init(store: any TrackingStore, credentials: Credentials, passwords: PasswordGate, now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.store = store
        self.credentials = credentials
        self.now = now
        self.passwords = passwords
        decoyHash = (try? credentials.hashPassword("decoy password")) ?? ""
    }

    // MARK: - Accounts

    /// A new account and its API token (shown once here, and by `/me` later).
    public func signup(email raw: String, password: String, fullname: String?, timezone: String?) async throws -> (User, token: String) {
        let email = try Self.checkEmail(raw)
        let local = Self.localPart(email)
        guard (8...1024).contains(password.unicodeScalars.count) else {
            throw TrackingError.bad("password must have 8 to 1024 characters")
        }
        guard (fullname?.unicodeScalars.count ?? 0) <= 140 else { throw TrackingError.bad("fullname must be at most 140 characters") }
        let name = fullname?.trimmingCharacters(in: Self.spaces) ?? ""
        if let timezone { try Self.checkTimezone(timezone) }
        let user = try await store.createUser(
            email: email, fullname: name.isEmpty ? local : name, timezone: timezone ?? "UTC",
            passwordHash: try await hashPassword(password), workspaceName: "\(local)'s workspace", now: now())
        let token = credentials.newToken()
        try await store.setToken(userID: user.id, tokenHash: credentials.tokenHash(token), sealed: credentials.seal(token))
        return (user, token)
    }

    /// Checked on Unicode scalars, as the OpenAPI spec's pattern reads it (as Characters, `@` followed
    /// by an emoji modifier or a combining mark would be one character, and not an `@`).
    static func checkEmail(_ raw: String) throws -> String {
        let scalars = raw.unicodeScalars
        let parts = scalars.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let first = parts[1].first, let last = parts[1].last, first != ".", last != ".",
            parts[1].contains("."), scalars.count <= 254, !scalars.contains(where: Self.isSpaceOrControl)
        else {
            throw TrackingError.bad("email must be a valid e-mail address")
        }
        return raw.lowercased()
    }

    /// The part of an e-mail address before its `@`.
    static func localPart(_ email: String) -> String {
        String(String.UnicodeScalarView(email.unicodeScalars.prefix { $0 != "@" }))
    }

    /// The caller's row, with what `/me` shows: the API token when it can be recovered.
    public func profile(of user: User) async throws -> (User, token: String?) {
        guard let stored = try await store.user(id: user.id) else { throw TrackingError.forbidden }
        return (stored.user, token(of: stored))
    }

    /// The API token `/me` shows: sealed ones opened, older ones derived; nil when sealed under
    /// another server secret.
    func token(of stored: StoredUser) -> String? {
        stored.sealedToken.map { credentials.open($0) } ?? credentials.token(userID: stored.user.id)
    }

    /// After a token or profile change: cached logins must be looked up again.
    func forgetLogins() {
        tokenCache.removeAll()
        passwordCache.removeAll()
    }

    /// A new API token for the caller; the old one stops working (on other servers sharing the
    /// database within a second, the lifetime of their token cache).
    public func resetToken(for user: User) async throws -> String {
        let token = credentials.newToken()
        try await store.setToken(userID: user.id, tokenHash: credentials.tokenHash(token), sealed: credentials.seal(token))
        forgetLogins()
        return token
    }

    /// The time zones accepted: Foundation's known identifiers, and `UTC` (the default). The
    /// OpenAPI spec lists the same set (a test compares them).
    public static let timeZones: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])

    static func checkTimezone(_ zone: String) throws {
        guard timeZones.contains(zone) else {
            throw TrackingError.bad("timezone must be an IANA time zone name such as Europe/Berlin")
        }
    }

    /// The profile fields `PUT /me` may change; nil leaves a field as it is.
    public struct ProfileChange: Sendable {
        public var fullname: String?
        public var email: String?
        public var timezone: String?
        public var defaultWorkspaceID: Int64?
        public var beginningOfWeek: Int?
        public init() {}
    }

    /// The updated profile, with what `/me` shows (as `profile(of:)`).
    public func updateProfile(of user: User, _ change: ProfileChange) async throws -> (User, token: String?) {
        guard let stored = try await store.user(id: user.id) else { throw TrackingError.forbidden }
        var updated = stored.user
        if let name = change.fullname { updated.fullname = try Self.checkName(name, "fullname", limit: 140) }
        if let email = change.email { updated.email = try Self.checkEmail(email) }
        if let zone = change.timezone {
            try Self.checkTimezone(zone)
            updated.timezone = zone
        }
        if let workspace = change.defaultWorkspaceID {
            _ = try await requireMember(user, workspace)
            updated.defaultWorkspaceID = workspace
        }
        if let day = change.beginningOfWeek {
            guard (0...6).contains(day) else { throw TrackingError.bad("beginning_of_week must be 0 (Sunday) to 6 (Saturday)") }
            updated.beginningOfWeek = day
        }
        updated.updatedAt = now()
        try await store.updateUser(updated)
        forgetLogins()
        return (updated, token(of: stored))
    }

    func hashPassword(_ password: String) async throws -> String {
        let credentials = self.credentials
        let result = try await passwords.run { Result { try credentials.hashPassword(password) } }
        return try result.get()
    }

    /// HTTP Basic with `email:password` or `<api_token>:api_token`; anything else is 403.
    /// `address`: the client's, for counting failed password logins (see `PasswordGate`).
    public func authenticate(authorization: String?, address: String? = nil) async throws -> User {
        // Keyed by the whole header: a client repeats it verbatim, so a hit skips the decoding.
        if let header = authorization, let user = tokenCache[header] { return user }
        guard let header = authorization, header.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let decoded = String(data: data, encoding: .utf8), let colon = decoded.firstIndex(of: ":")
        else { throw TrackingError.forbidden }
        let name = String(decoded[..<colon])
        let secret = String(decoded[decoded.index(after: colon)...])
        if secret == "api_token" {
            guard name.count == 32 else { throw TrackingError.forbidden }
            guard let stored = try await store.user(tokenHash: credentials.tokenHash(name)) else { throw TrackingError.forbidden }
            // Only token headers are cached: a password check must stay a password check.
            tokenCache.insert(stored.user, for: header)
            return stored.user
        }
        let cacheKey = credentials.tokenHash(header)
        if let user = passwordCache[cacheKey] { return user }
        let account = name.lowercased()
        try passwords.checkAllowed(account: account, address: address)
        let stored = try await store.user(email: account)
        let hash = stored?.passwordHash ?? decoyHash
        let credentials = self.credentials
        let verified = try await passwords.run { credentials.verifyPassword(secret, hash: hash) }
        guard let stored, verified else {
            passwords.recordFailure(account: account, address: address)
            throw TrackingError.forbidden
        }
        passwordCache.insert(stored.user, for: cacheKey)
        return stored.user
    }

    /// Names of the tags `ids` (any workspace); unknown ids are left out.
    public func tagNames(ids: [Int64]) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var (names, missing) = tagNameCache.lookup(ids)
        if !missing.isEmpty {
            for (id, name) in try await store.tagNames(ids: missing, workspaceID: nil) {
                tagNameCache.insert(name, for: id)
                names[id] = name
            }
        }
        return names
    }

    public func createWorkspace(for user: User, name: String) async throws -> Membership {
        let trimmed = try Self.checkName(name, limit: 140)
        return try await store.createWorkspace(name: trimmed, organizationName: nil, ownerID: user.id, now: now())
    }

    /// The caller's membership of `workspaceID`, or 403.
    public func requireMember(_ user: User, _ workspaceID: Int64) async throws -> Membership {
        guard let m = try await store.membership(userID: user.id, workspaceID: workspaceID) else { throw TrackingError.forbidden }
        return m
    }

    // MARK: - Catalog

    public func workspaces(for user: User) async throws -> [Membership] {
        try await store.memberships(userID: user.id)
    }

    /// Spaces and control characters, as the OpenAPI spec's patterns list them: C0 and C1
    /// controls, the space, NBSP, the Unicode spaces, the zero-width space, non-joiner and joiner
    /// and the word joiner (a name of only those reads as blank), line and paragraph separators,
    /// and the BOM.
    static let spaceRanges: [ClosedRange<UInt32>] = [
        0...0x20, 0x7F...0xA0, 0x1680...0x1680, 0x2000...0x200D, 0x2028...0x2029, 0x202F...0x202F, 0x205F...0x2060, 0x3000...0x3000,
        0xFEFF...0xFEFF,
    ]

    static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
        spaceRanges.contains { $0.contains(scalar.value) }
    }

    /// The same characters, for trimming.
    static let spaces: CharacterSet = {
        var set = CharacterSet()
        for range in spaceRanges {
            for v in range { if let scalar = Unicode.Scalar(v) { set.insert(scalar) } }
        }
        return set
    }()

    /// A name: at most `limit` characters as sent (Unicode scalars, as JSON Schema's maxLength
    /// counts), not blank; stored trimmed.
    static func checkName(_ name: String, _ what: String = "name", limit: Int = 255) throws -> String {
        let trimmed = name.trimmingCharacters(in: spaces)
        guard !trimmed.isEmpty, name.unicodeScalars.count <= limit else { throw TrackingError.bad("\(what) must be 1 to \(limit) characters, not blank") }
        return trimmed
    }

    public func createProject(
        for user: User, workspaceID: Int64, name: String, active: Bool = true, clientID: Int64? = nil
    ) async throws -> Project {
        try await createProject(for: user, workspaceID: workspaceID, ProjectInput(name: name, active: active, clientID: clientID.map { .value($0) } ?? .absent))
    }

    /// Creates a project from `input` (`name` required; `active` defaults to true).
    public func createProject(for user: User, workspaceID: Int64, _ input: ProjectInput) async throws -> Project {
        _ = try await requireMember(user, workspaceID)
        guard input.name != nil else { throw TrackingError.bad("name is required") }
        var project = Project(id: 0, workspaceID: workspaceID, name: "", active: true, createdAt: now())
        try await apply(input, to: &project)
        return try await store.createProject(project)
    }

    /// A project of a workspace the caller belongs to, or 404.
    public func project(for user: User, workspaceID: Int64, id: Int64) async throws -> Project {
        _ = try await requireMember(user, workspaceID)
        guard let project = try await store.project(id: id), project.workspaceID == workspaceID else {
            throw TrackingError(.notFound, "project not found in this workspace")
        }
        return project
    }

    /// `clientID`: absent keeps the client, null removes it.
    public func updateProject(
        for user: User, workspaceID: Int64, id: Int64, name: String?, active: Bool?, clientID: Field<Int64> = .absent
    ) async throws -> Project {
        try await updateProject(for: user, workspaceID: workspaceID, id: id, ProjectInput(name: name, active: active, clientID: clientID))
    }

    /// Changes the fields `input` gives; the others keep their values.
    public func updateProject(for user: User, workspaceID: Int64, id: Int64, _ input: ProjectInput) async throws -> Project {
        var project = try await project(for: user, workspaceID: workspaceID, id: id)
        try await apply(input, to: &project)
        try await store.updateProject(project)
        return project
    }

    /// A bulk project change: every id must be a project of the workspace (else 404, nothing
    /// changes) and the values right (else 400, nothing changes); then each project takes them.
    /// Nothing about one project can refuse what another accepts, so `failure` stays empty.
    public func updateProjects(for user: User, workspaceID: Int64, ids: [Int64], _ input: ProjectInput) async throws -> BatchOutcome {
        guard !ids.isEmpty, ids.count <= 200 else { throw TrackingError.bad("name 1 to 200 project ids") }
        var projects: [Project] = []
        for id in Set(ids).sorted() { projects.append(try await project(for: user, workspaceID: workspaceID, id: id)) }
        // The values are the same for every project: a wrong one is the request's 400, met before
        // anything is written.
        var changed: [Project] = []
        for var project in projects {
            try await apply(input, to: &project)
            changed.append(project)
        }
        for project in changed { try await store.updateProject(project) }
        return BatchOutcome(succeeded: changed.map(\.id))
    }

    /// `input` applied to `project`, its client first checked against the project's workspace.
    func apply(_ input: ProjectInput, to project: inout Project) async throws {
        if let clientID = input.clientID.value { try await requireClientForProject(clientID, workspaceID: project.workspaceID) }
        try input.apply(to: &project)
    }

    /// A project's client must be one of its workspace: otherwise 404, as for an entry's project.
    func requireClientForProject(_ clientID: Int64, workspaceID: Int64) async throws {
        guard let client = try await store.client(id: clientID), client.workspaceID == workspaceID else {
            throw TrackingError(.notFound, "client \(clientID) not found in this workspace")
        }
    }

    /// Deletes the project and its tasks; its entries keep existing without a project (Toggl's default).
    public func deleteProject(for user: User, workspaceID: Int64, id: Int64) async throws {
        let project = try await project(for: user, workspaceID: workspaceID, id: id)
        let members = try await store.members(workspaceID: workspaceID)
        try await store.deleteProject(id: project.id, memberIDs: members, now: now())
    }

    /// The projects of every workspace the caller belongs to.
    public func allProjects(for user: User) async throws -> [Project] {
        var result: [Project] = []
        for m in try await store.memberships(userID: user.id) { result += try await store.projects(workspaceID: m.workspace.id) }
        return result
    }

    public func workspaceTasks(for user: User, workspaceID: Int64) async throws -> [TrackingTask] {
        _ = try await requireMember(user, workspaceID)
        return try await store.tasks(workspaceID: workspaceID)
    }

    // MARK: - Tags

    public func tags(for user: User, workspaceID: Int64?) async throws -> [Tag] {
        if let workspaceID {
            _ = try await requireMember(user, workspaceID)
            return try await store.tags(workspaceIDs: [workspaceID])
        }
        return try await store.tags(workspaceIDs: store.memberships(userID: user.id).map(\.workspace.id))
    }

    public func createTag(for user: User, workspaceID: Int64, name: String) async throws -> Tag {
        _ = try await requireMember(user, workspaceID)
        let checked = try Self.checkName(name, "tag name", limit: 100)
        if try await store.tags(workspaceIDs: [workspaceID]).contains(where: { $0.name == checked }) {
            throw TrackingError(.conflict, "a tag with this name already exists in the workspace")
        }
        let ids = try await store.tagIDs(workspaceID: workspaceID, names: [checked], creatorID: user.id, now: now())
        guard let id = ids.first, let tag = try await store.tag(id: id) else { throw TrackingError(.unavailable, "the tag was not stored") }
        return tag
    }

    func ownTag(_ user: User, workspaceID: Int64, id: Int64) async throws -> Tag {
        _ = try await requireMember(user, workspaceID)
        guard let tag = try await store.tag(id: id), tag.workspaceID == workspaceID else {
            throw TrackingError(.notFound, "tag not found in this workspace")
        }
        return tag
    }

    public func renameTag(for user: User, workspaceID: Int64, id: Int64, name: String) async throws -> Tag {
        var tag = try await ownTag(user, workspaceID: workspaceID, id: id)
        tag.name = try Self.checkName(name, "tag name", limit: 100)
        tag.at = now()
        try await store.renameTag(id: tag.id, name: tag.name, now: tag.at)
        tagNameCache.removeAll()
        return tag
    }

    public func deleteTag(for user: User, workspaceID: Int64, id: Int64) async throws {
        let tag = try await ownTag(user, workspaceID: workspaceID, id: id)
        try await store.deleteTag(id: tag.id)
        tagNameCache.removeAll()
    }

    public func projects(for user: User, workspaceID: Int64) async throws -> [Project] {
        _ = try await requireMember(user, workspaceID)
        return try await store.projects(workspaceID: workspaceID)
    }

    public func createTask(for user: User, workspaceID: Int64, projectID: Int64, name: String) async throws -> TrackingTask {
        try await createTask(for: user, workspaceID: workspaceID, projectID: projectID, TaskInput(name: name))
    }

    public func tasks(for user: User, workspaceID: Int64, projectID: Int64) async throws -> [TrackingTask] {
        try await store.tasks(projectID: project(for: user, workspaceID: workspaceID, id: projectID).id)
    }

    // MARK: - Time entries

    public func create(for user: User, workspaceID: Int64, input: EntryInput) async throws -> TimeEntry {
        _ = try await requireMember(user, workspaceID)
        guard let start = input.start.value else { throw TrackingError.bad("start is required (RFC 3339)") }
        let stop = try Self.resolveStop(start: start, stop: input.stop.value, duration: input.duration)
        let (projectID, taskID) = try await checkCatalog(workspaceID: workspaceID, projectID: input.projectID.value, taskID: input.taskID.value)
        let tagIDs = try await resolveTags(workspaceID: workspaceID, names: input.tags.value, ids: input.tagIDs.value, creatorID: user.id)
        let time = now()
        return try await store.insertEntry(
            NewTimeEntry(
                workspaceID: workspaceID, userID: user.id, projectID: projectID, taskID: taskID,
                description: try Self.checkDescription(input.description.value ?? ""), billable: input.billable.value ?? false,
                start: start, stop: stop, duronly: false, createdWith: try Self.checkCreatedWith(input.createdWith.value), tagIDs: tagIDs,
                at: time))
    }

    /// A partial update: only the given fields change; the result obeys every create rule.
    public func update(for user: User, workspaceID: Int64, id: Int64, input: EntryInput) async throws -> TimeEntry {
        _ = try await requireMember(user, workspaceID)
        var entry = try await ownedEntry(user, id, workspaceID: workspaceID)
        if input.start.isPresent {
            guard let start = input.start.value else { throw TrackingError.bad("start cannot be null") }
            entry.start = start
        }
        // New stop: an explicit stop, a duration (negative = running), or null (running again).
        switch (input.stop, input.duration) {
        case (.absent, .absent):
            if let stop = entry.stop, input.start.isPresent, stop < entry.start { throw TrackingError.stopBeforeStart }
        case (.null, .absent):
            entry.stop = nil
        default:
            entry.stop = try Self.resolveStop(start: entry.start, stop: input.stop.value, duration: input.duration)
        }
        if input.description.isPresent { entry.description = try Self.checkDescription(input.description.value ?? "") }
        if input.billable.isPresent { entry.billable = input.billable.value ?? false }
        if input.projectID.isPresent || input.taskID.isPresent {
            let project = input.projectID.isPresent ? input.projectID.value : entry.projectID
            let task = input.taskID.isPresent ? input.taskID.value : (input.projectID.isPresent && input.projectID.value != entry.projectID ? nil : entry.taskID)
            (entry.projectID, entry.taskID) = try await checkCatalog(workspaceID: workspaceID, projectID: project, taskID: task)
        }
        if input.tags.isPresent || input.tagIDs.isPresent {
            entry.tagIDs = try await changedTags(entry.tagIDs, workspaceID: workspaceID, input: input, creatorID: entry.userID)
        }
        entry.at = now()
        try await store.updateEntries([entry])
        return entry
    }

    public func stop(for user: User, workspaceID: Int64, id: Int64) async throws -> TimeEntry {
        _ = try await requireMember(user, workspaceID)
        var entry = try await ownedEntry(user, id, workspaceID: workspaceID)
        guard entry.isRunning else { throw TrackingError.alreadyStopped }
        let time = now()
        entry.stop = max(time, entry.start)
        entry.at = time
        try await store.updateEntries([entry])
        return entry
    }

    public func delete(for user: User, workspaceID: Int64, id: Int64) async throws {
        _ = try await requireMember(user, workspaceID)
        var entry = try await ownedEntry(user, id, workspaceID: workspaceID)
        let time = now()
        entry.deletedAt = time
        entry.at = time
        if entry.isRunning { entry.stop = max(time, entry.start) }  // a deleted entry never stays the running one
        try await store.updateEntries([entry])
    }

    /// A new running entry copied from a historical one (description, project, task, tags,
    /// billable). The original never changes.
    public func continueEntry(for user: User, workspaceID: Int64, id: Int64) async throws -> TimeEntry {
        _ = try await requireMember(user, workspaceID)
        let original = try await ownedEntry(user, id, workspaceID: workspaceID)
        let time = now()
        return try await store.insertEntry(
            NewTimeEntry(
                workspaceID: workspaceID, userID: user.id, projectID: original.projectID, taskID: original.taskID,
                description: original.description, billable: original.billable, start: time, stop: nil, duronly: false,
                createdWith: original.createdWith, tagIDs: original.tagIDs, at: time))
    }

    /// Applies the same changes to several entries, all or nothing: one entry that is not the
    /// caller's (or not in the workspace) fails the whole batch and nothing changes.
    /// A bulk PATCH: every id must be one of the caller's entries in the workspace (else 404 and
    /// nothing changes); the operations are applied to each entry on its own, in order, and an
    /// entry they cannot apply to (a stop before its start, a second running entry, a task of
    /// another project) is a failure with its message while the others are saved.
    public func batch(for user: User, workspaceID: Int64, ids: [Int64], changes: [BatchChange]) async throws -> BatchOutcome {
        _ = try await requireMember(user, workspaceID)
        guard !ids.isEmpty, ids.count <= 100 else { throw TrackingError.bad("name 1 to 100 time entry ids") }
        var entries: [TimeEntry] = []
        for id in Set(ids).sorted() { entries.append(try await ownedEntry(user, id, workspaceID: workspaceID)) }
        // A project named by the batch must be the workspace's: a request error, not an entry's.
        for case .projectID(let project?) in changes { _ = try await checkCatalog(workspaceID: workspaceID, projectID: project, taskID: nil) }
        var running = try await store.runningEntry(userID: user.id)?.id
        var outcome = BatchOutcome()
        var changed: [TimeEntry] = []
        let time = now()
        for original in entries {
            var entry = original
            do {
                for change in changes { try await apply(change, to: &entry, workspaceID: workspaceID) }
                if let stop = entry.stop, stop < entry.start { throw TrackingError.stopBeforeStart }
                if entry.stop == nil {
                    guard running == nil || running == entry.id else { throw TrackingError.runningConflict }
                    running = entry.id
                } else if running == entry.id {
                    running = nil
                }
                entry.at = time
                changed.append(entry)
                outcome.succeeded.append(entry.id)
            } catch let error as TrackingError where error.kind != .unavailable {
                outcome.failed.append((entry.id, error.message))
            }
        }
        try await store.updateEntries(changed)
        return outcome
    }

    func apply(_ change: BatchChange, to entry: inout TimeEntry, workspaceID: Int64) async throws {
        switch change {
        case .description(let d): entry.description = try Self.checkDescription(d ?? "")
        case .billable(let b): entry.billable = b ?? false
        case .projectID(let p):
            if p != entry.projectID { (entry.projectID, entry.taskID) = try await checkCatalog(workspaceID: workspaceID, projectID: p, taskID: nil) }
        case .taskID(let t):
            (entry.projectID, entry.taskID) = try await checkCatalog(workspaceID: workspaceID, projectID: entry.projectID, taskID: t)
        case .tags(let names, let action):
            var input = EntryInput()
            input.tags = .value(names)
            input.tagAction = action
            entry.tagIDs = try await changedTags(entry.tagIDs, workspaceID: workspaceID, input: input, creatorID: entry.userID)
        case .tagIDs(let ids, let action):
            var input = EntryInput()
            input.tagIDs = .value(ids)
            input.tagAction = action
            entry.tagIDs = try await changedTags(entry.tagIDs, workspaceID: workspaceID, input: input, creatorID: entry.userID)
        case .start(let start): entry.start = start  // the stop stays, as on PUT
        case .stop(let stop): entry.stop = stop
        case .duration(let d): entry.stop = try Self.resolveStop(start: entry.start, stop: nil, duration: .value(d))
        }
    }

    public func current(for user: User) async throws -> TimeEntry? {
        try await store.runningEntry(userID: user.id)
    }

    public func entry(for user: User, id: Int64) async throws -> TimeEntry {
        guard let e = try await store.entry(id: id), e.userID == user.id, e.deletedAt == nil else { throw TrackingError.entryNotFound }
        return e
    }

    /// The caller's entries from every workspace (as Toggl lists them), or from `workspace_id`.
    public func list(for user: User, query: EntryQuery) async throws -> [TimeEntry] {
        if let workspaceID = query.workspaceID { _ = try await requireMember(user, workspaceID) }
        var entries = try await store.entries(
            userID: user.id, workspaceID: query.workspaceID, from: query.from, to: query.to, since: query.since)
        if let before = query.before { entries = entries.filter { $0.start < before } }
        return entries
    }

    // MARK: - Rules

    /// The stop a create or time update leads to, or nil for a running entry.
    ///
    /// A stop before start, or a duration that disagrees with stop − start, is rejected; start
    /// plus a non-negative duration and no stop is a stopped entry.
    static func resolveStop(start: Int64, stop: Int64?, duration: Field<Int64>) throws -> Int64? {
        if let stop {
            guard stop >= start else { throw TrackingError.stopBeforeStart }
            if case .value(let d) = duration, d != stop - start { throw TrackingError.durationMismatch }
            return stop
        }
        if case .value(let d) = duration, d >= 0 {
            guard d < TimeFormat.latest - start else { throw TrackingError.bad("start + duration must be before 2200-01-01T00:00:00Z") }
            return start + d
        }
        return nil
    }

    /// Tags one entry may carry: one request naming 60,000 new tags held every writer for seconds.
    static let maxTagsPerEntry = 100

    static func checkCreatedWith(_ value: String?) throws -> String {
        guard let value else { return "missionctl" }
        guard value.unicodeScalars.count <= 255 else { throw TrackingError.bad("created_with must be at most 255 characters") }
        return value
    }

    static func checkDescription(_ d: String) throws -> String {
        // Counted in Unicode scalars, as JSON Schema's maxLength counts (the OpenAPI spec says 3000).
        guard d.unicodeScalars.count <= 3000 else { throw TrackingError.bad("description must be at most 3000 characters") }
        return d
    }

    func ownedEntry(_ user: User, _ id: Int64, workspaceID: Int64) async throws -> TimeEntry {
        guard let e = try await store.entry(id: id), e.userID == user.id, e.workspaceID == workspaceID, e.deletedAt == nil else {
            throw TrackingError.entryNotFound
        }
        return e
    }

    func checkCatalog(workspaceID: Int64, projectID: Int64?, taskID: Int64?) async throws -> (Int64?, Int64?) {
        if taskID != nil && projectID == nil { throw TrackingError.taskWithoutProject }
        guard let projectID else { return (nil, nil) }
        guard let project = try await store.project(id: projectID), project.workspaceID == workspaceID else {
            throw TrackingError.bad("project_id \(projectID) does not belong to this workspace")
        }
        guard let taskID else { return (project.id, nil) }
        guard let task = try await store.task(id: taskID), task.workspaceID == workspaceID, task.projectID == project.id else {
            throw TrackingError.bad("task_id \(taskID) does not belong to project \(projectID) in this workspace")
        }
        return (project.id, task.id)
    }

    /// An updated entry's tags: `tags`/`tag_ids` replace them, or with `tag_action` are added to
    /// them (created by name as on create) or deleted from them (unknown ones change nothing).
    /// `creatorID`: who creates the tags named for the first time.
    func changedTags(_ current: [Int64], workspaceID: Int64, input: EntryInput, creatorID: Int64) async throws -> [Int64] {
        switch input.tagAction {
        case nil:
            return try await resolveTags(workspaceID: workspaceID, names: input.tags.value ?? [], ids: input.tagIDs.value, creatorID: creatorID)
        case .add:
            let added = try await resolveTags(workspaceID: workspaceID, names: input.tags.value, ids: input.tagIDs.value, creatorID: creatorID)
            var seen: Set<Int64> = []
            let merged = (current + added).filter { seen.insert($0).inserted }
            guard merged.count <= Self.maxTagsPerEntry else { throw TrackingError.bad("an entry takes at most \(Self.maxTagsPerEntry) tags") }
            return merged
        case .delete:
            var removed = Set(input.tagIDs.value ?? [])
            if let names = input.tags.value, !names.isEmpty {
                let cleaned = Set(try names.map { try Self.checkName($0, "tags", limit: 100) })
                for tag in try await store.tags(workspaceIDs: [workspaceID]) where cleaned.contains(tag.name) { removed.insert(tag.id) }
            }
            return current.filter { !removed.contains($0) }
        }
    }

    func resolveTags(workspaceID: Int64, names: [String]?, ids: [Int64]?, creatorID: Int64) async throws -> [Int64] {
        var result: [Int64] = []
        guard (names?.count ?? 0) + (ids?.count ?? 0) <= Self.maxTagsPerEntry else {
            throw TrackingError.bad("an entry takes at most \(Self.maxTagsPerEntry) tags")
        }
        if let names {
            let cleaned = try names.map { try Self.checkName($0, "tags", limit: 100) }
            result += try await store.tagIDs(workspaceID: workspaceID, names: cleaned, creatorID: creatorID, now: now())
        }
        if let ids, !ids.isEmpty {
            let known = try await store.tagNames(ids: ids, workspaceID: workspaceID)
            guard ids.allSatisfy({ known[$0] != nil }) else { throw TrackingError.bad("tag_ids must name tags of this workspace") }
            result += ids
        }
        var seen: Set<Int64> = []
        return result.filter { seen.insert($0).inserted }
    }
}
