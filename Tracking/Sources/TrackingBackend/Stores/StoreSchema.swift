/// What the two stores share about their tables, written once: the columns of a time entry in
/// the order both decode them, and how a write that breaks the one-running-timer rule is told
/// apart from other failures.
enum StoreSchema {
    /// Time-entry columns, in the order `SQLiteStore.fetchEntries` and `PostgresStore.entry` decode them.
    static let entryColumns =
        "id, workspace_id, user_id, project_id, task_id, description, billable, start, stop, duronly, created_with, tag_ids, at, deleted_at"

    /// The unique index over running entries per user (the rule, enforced by the database).
    static let runningTimerIndex = "one_running_timer_per_user"

    /// Whether a unique-constraint violation on `table` is the running-timer rule: the index is
    /// the only unique constraint of `time_entries` besides its generated key, so both stores
    /// decide the same way, from the table the database names.
    static func isRunningTimerConflict(uniqueViolationOn table: String?) -> Bool {
        table == "time_entries"
    }
}
