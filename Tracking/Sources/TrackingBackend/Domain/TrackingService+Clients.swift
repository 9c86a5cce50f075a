/// Workspace clients: the customers projects are for.
extension TrackingService {
    /// Which clients a list shows, as Toggl's `status` query names them.
    public enum ClientStatus: String, Sendable, CaseIterable {
        case active, archived, both
    }

    /// The clients of one workspace, or (nil) of every workspace the caller belongs to, by name;
    /// `name` keeps those whose name contains it, ignoring case.
    public func clients(for user: User, workspaceID: Int64?, status: ClientStatus = .active, name: String? = nil) async throws
        -> [WorkspaceClient]
    {
        let workspaces: [Int64]
        if let workspaceID {
            _ = try await requireMember(user, workspaceID)
            workspaces = [workspaceID]
        } else {
            workspaces = try await store.memberships(userID: user.id).map(\.workspace.id)
        }
        return try await store.clients(workspaceIDs: workspaces).filter { client in
            let shown =
                switch status {
                case .active: !client.archived
                case .archived: client.archived
                case .both: true
                }
            return shown && (name.map { client.name.localizedCaseInsensitiveContains($0) } ?? true)
        }
    }

    /// A client of a workspace the caller belongs to, or 404.
    public func client(for user: User, workspaceID: Int64, id: Int64) async throws -> WorkspaceClient {
        _ = try await requireMember(user, workspaceID)
        guard let client = try await store.client(id: id), client.workspaceID == workspaceID else {
            throw TrackingError(.notFound, "client not found in this workspace")
        }
        return client
    }

    static let clientNotesLimit = 1000

    static func checkNotes(_ notes: String?) throws -> String? {
        guard let notes else { return nil }
        guard notes.unicodeScalars.count <= clientNotesLimit else { throw TrackingError.bad("notes must be at most \(clientNotesLimit) characters") }
        return notes
    }

    public func createClient(for user: User, workspaceID: Int64, name: String, notes: String? = nil) async throws -> WorkspaceClient {
        _ = try await requireMember(user, workspaceID)
        let checked = try Self.checkName(name, "client name")
        // A name taken in the workspace: the store's unique constraint answers 409.
        return try await store.createClient(workspaceID: workspaceID, name: checked, notes: try Self.checkNotes(notes), creatorID: user.id, now: now())
    }

    /// `notes`: absent keeps them, null clears them.
    public func updateClient(for user: User, workspaceID: Int64, id: Int64, name: String?, notes: Field<String> = .absent) async throws
        -> WorkspaceClient
    {
        var client = try await client(for: user, workspaceID: workspaceID, id: id)
        if let name { client.name = try Self.checkName(name, "client name") }
        switch notes {
        case .absent: break
        case .null: client.notes = nil
        case .value(let text): client.notes = try Self.checkNotes(text)
        }
        client.at = now()
        try await store.updateClient(client)
        return client
    }

    /// Deletes the client; its projects stay, without a client.
    public func deleteClient(for user: User, workspaceID: Int64, id: Int64) async throws {
        let client = try await client(for: user, workspaceID: workspaceID, id: id)
        try await store.deleteClient(id: client.id)
    }

    /// Archives the client and deactivates its projects; returns the ids of the projects it deactivated.
    public func archiveClient(for user: User, workspaceID: Int64, id: Int64) async throws -> [Int64] {
        let client = try await client(for: user, workspaceID: workspaceID, id: id)
        return try await store.archiveClient(id: client.id, now: now())
    }

    /// Restores an archived client, reactivating `projectIDs` of its projects, or all with `allProjects`.
    public func restoreClient(for user: User, workspaceID: Int64, id: Int64, projectIDs: [Int64], allProjects: Bool) async throws
        -> WorkspaceClient
    {
        let client = try await client(for: user, workspaceID: workspaceID, id: id)
        try await store.restoreClient(id: client.id, projectIDs: allProjects ? nil : projectIDs, now: now())
        return try await self.client(for: user, workspaceID: workspaceID, id: id)
    }

    /// The caller's membership of a workspace, which is its own organization here, and its member count.
    public func organization(for user: User, id: Int64) async throws -> (Membership, userCount: Int) {
        let membership = try await requireMember(user, id)
        return (membership, try await store.members(workspaceID: id).count)
    }

    /// The members of a workspace the caller belongs to, with their roles.
    public func workspaceUsers(for user: User, workspaceID: Int64) async throws -> [(User, role: String)] {
        _ = try await requireMember(user, workspaceID)
        var result: [(User, role: String)] = []
        for memberID in try await store.members(workspaceID: workspaceID) {
            guard let member = try await store.user(id: memberID),
                let membership = try await store.membership(userID: memberID, workspaceID: workspaceID)
            else { continue }
            result.append((member.user, membership.role))
        }
        return result.sorted { $0.0.id < $1.0.id }
    }
}
