// MARK: Time entries

extension CatalogStore {
    public func insertEntry(_ e: NewTimeEntry) async throws -> TimeEntry {
        try await writingEntries(of: [e.userID]) {
            let id = try await executor.insert(
                """
                INSERT INTO \(table: "time_entries") (workspace_id, user_id, project_id, task_id, description, billable, start, stop, duronly,
                    created_with, tag_ids, at)
                VALUES (\(e.workspaceID), \(e.userID), \(e.projectID), \(e.taskID), \(e.description), \(e.billable), \(e.start), \(e.stop),
                    \(e.duronly), \(e.createdWith), \(TagList.encode(e.tagIDs)), \(e.at))
                RETURNING id
                """)
            return e.stored(id: id)
        }
    }

    public func entry(id: Int64) async throws -> TimeEntry? {
        let select: SQLStatement = "SELECT \(raw: TimeEntry.columns) FROM \(table: "time_entries") WHERE id = \(id)"
        return try await executor.read(select.prepared(as: "missionctl_entry"), as: TimeEntry.self).first
    }

    /// The user's running entry, read from the database (the stores' `runningEntry` keep or batch it).
    func runningEntryFromDatabase(userID: Int64) async throws -> TimeEntry? {
        try await executor.read(
            "SELECT \(raw: TimeEntry.columns) FROM \(table: "time_entries") WHERE user_id = \(userID) AND stop IS NULL AND deleted_at IS NULL",
            as: TimeEntry.self
        ).first
    }

    public func entries(userID: Int64, workspaceID: Int64?, from: Int64?, to: Int64?, since: Int64?) async throws -> [TimeEntry] {
        var select: SQLStatement = "SELECT \(raw: TimeEntry.columns) FROM \(table: "time_entries") WHERE user_id = \(userID)"
        if let workspaceID { select += " AND workspace_id = \(workspaceID)" }
        // Deleted entries only for a sync (`since`), which must learn of deletions.
        select += since.map { " AND at >= \($0)" } ?? " AND deleted_at IS NULL"
        if let from { select += " AND start >= \(from)" }
        if let to { select += " AND start < \(to)" }
        return try await executor.read(select + " ORDER BY start DESC, id DESC")
    }

    public func updateEntries(_ entries: [TimeEntry]) async throws {
        try await writingEntries(of: entries.map(\.userID)) {
            if entries.count == 1 {
                // One statement is atomic on its own (stopping the running entry, the usual case).
                try await executor.write(Self.updateStatement(entries[0]))
                return
            }
            try await executor.transaction { session in
                for entry in entries { try await session.execute(Self.updateStatement(entry)) }
            }
        }
    }

    private static func updateStatement(_ e: TimeEntry) -> SQLStatement {
        """
        UPDATE \(table: "time_entries") SET project_id = \(e.projectID), task_id = \(e.taskID), description = \(e.description),
            billable = \(e.billable), start = \(e.start), stop = \(e.stop), tag_ids = \(TagList.encode(e.tagIDs)), at = \(e.at),
            deleted_at = \(e.deletedAt)
        WHERE id = \(e.id)
        """
    }
}
