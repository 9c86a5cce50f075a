/// Workspaces and their organizations: each workspace is its own organization here, so an
/// organization's id, name and members are its workspace's.
extension TrackingService {
    /// Every organization the caller belongs to (one per workspace), with its member count.
    public func organizations(for user: User) async throws -> [(Membership, userCount: Int)] {
        var result: [(Membership, userCount: Int)] = []
        for membership in try await store.memberships(userID: user.id) {
            result.append((membership, try await store.members(workspaceID: membership.workspace.id).count))
        }
        return result
    }

    /// A new organization with its first workspace (`workspaceName`, or the organization's name),
    /// the caller its admin.
    public func createOrganization(for user: User, name: String, workspaceName: String?) async throws -> Membership {
        let organization = try Self.checkName(name, "name", limit: 140)
        let workspace = try Self.checkName(workspaceName ?? name, "workspace_name", limit: 140)
        return try await store.createWorkspace(name: workspace, organizationName: organization, ownerID: user.id, now: now())
    }

    /// Renames an organization; only its admins may (403 for other members).
    public func renameOrganization(for user: User, id: Int64, name: String) async throws -> Membership {
        try await renameAsAdmin(user, id, name, what: "an organization", set: { $0.organizationName = $1 }) { name, at in
            try await self.store.renameOrganization(workspaceID: id, name: name, now: at)
        }
    }

    /// The caller leaves an organization (its workspace): its entries there stay. Refused (409) for
    /// the default workspace (every account keeps one) and while the caller's running entry is
    /// there. (Nothing here adds a second member to a workspace, so no admin leaves others behind.)
    public func leaveOrganization(for user: User, id: Int64) async throws {
        _ = try await requireMember(user, id)
        guard user.defaultWorkspaceID != id else {
            throw TrackingError(.conflict, "this is your default workspace's organization: an account keeps its default workspace")
        }
        if let running = try await store.runningEntry(userID: user.id), running.workspaceID == id {
            throw TrackingError(.conflict, "your running time entry \(running.id) is in this workspace: stop it first")
        }
        try await store.removeMembership(userID: user.id, workspaceID: id)
    }

    /// Renames a workspace; only its admins may (403 for other members).
    public func renameWorkspace(for user: User, id: Int64, name: String) async throws -> Membership {
        try await renameAsAdmin(user, id, name, what: "a workspace", set: { $0.name = $1 }) { name, at in
            try await self.store.renameWorkspace(id: id, name: name, now: at)
        }
    }

    /// The steps both renames share: the caller must be an admin and the name is checked;
    /// `write` stores it and `set` puts it into the answered workspace.
    private func renameAsAdmin(
        _ user: User, _ id: Int64, _ name: String, what: String, set: (inout Workspace, String) -> Void,
        write: (String, Int64) async throws -> Void
    ) async throws -> Membership {
        var membership = try await requireMember(user, id)
        guard membership.isAdmin else { throw TrackingError(.forbidden, "only an admin may rename \(what)") }
        let trimmed = try Self.checkName(name, limit: 140)
        let at = now()
        try await write(trimmed, at)
        set(&membership.workspace, trimmed)
        membership.workspace.updatedAt = at
        return membership
    }

    /// A workspace's admins and member count (Toggl's `statistics`; there are no groups here).
    public func workspaceStatistics(for user: User, workspaceID: Int64) async throws -> (admins: [User], members: Int) {
        let members = try await workspaceUsers(for: user, workspaceID: workspaceID)
        return (members.filter { $0.role == "admin" }.map(\.0), members.count)
    }
}

/// What a user keeps for clients: preferences.
extension TrackingService {
    public func preferences(for user: User) async throws -> UserPreferences {
        UserPreferences(stored: try await store.preferences(userID: user.id))
    }

    public func setPreferences(for user: User, _ preferences: UserPreferences) async throws {
        try await store.setPreferences(userID: user.id, body: preferences.json)
    }
}
