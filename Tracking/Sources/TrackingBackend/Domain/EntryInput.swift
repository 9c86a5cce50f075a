/// A JSON field that may be absent, explicitly null, or set — PUT is a partial update, and
/// `"stop": null` (make it running) differs from leaving `stop` out.
public enum Field<T: Sendable & Hashable>: Sendable, Hashable {
    case absent
    case null
    case value(T)

    public var value: T? {
        if case .value(let v) = self { return v }
        return nil
    }

    public var isPresent: Bool {
        if case .absent = self { return false }
        return true
    }
}

/// The time-entry fields a create or update request carries.
public struct EntryInput: Sendable, Hashable {
    public var start: Field<Int64> = .absent
    public var stop: Field<Int64> = .absent
    public var duration: Field<Int64> = .absent
    public var description: Field<String> = .absent
    public var billable: Field<Bool> = .absent
    public var projectID: Field<Int64> = .absent
    public var taskID: Field<Int64> = .absent
    public var tags: Field<[String]> = .absent
    public var tagIDs: Field<[Int64]> = .absent
    public var createdWith: Field<String> = .absent
    /// On update, what `tags`/`tag_ids` do to the entry's tags: replace them (nil), or add to or
    /// delete from them (Toggl's `tag_action`).
    public var tagAction: TagAction?

    public init() {}
}

/// Toggl's `tag_action` of a time-entry update.
public enum TagAction: String, Sendable, Hashable {
    case add, delete
}

/// One `replace` operation of a batch PATCH.
public enum BatchChange: Sendable, Hashable {
    case description(String)
    case billable(Bool)
    case projectID(Int64?)
    case tags([String])
}

/// The filters of `GET /me/time_entries`.
public struct EntryQuery: Sendable, Hashable {
    public var workspaceID: Int64?
    public var from: Int64?
    public var to: Int64?
    public var since: Int64?
    public var before: Int64?

    public init(workspaceID: Int64? = nil, from: Int64? = nil, to: Int64? = nil, since: Int64? = nil, before: Int64? = nil) {
        self.workspaceID = workspaceID
        self.from = from
        self.to = to
        self.since = since
        self.before = before
    }
}
