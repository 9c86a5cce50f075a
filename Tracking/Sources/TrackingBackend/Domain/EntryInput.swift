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

    /// What a partial update does to an optional value: absent keeps it, null clears it.
    public func apply(to target: inout T?) {
        switch self {
        case .absent: break
        case .null: target = nil
        case .value(let v): target = v
        }
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

/// One operation of a bulk PATCH (JSON Patch `add`, `remove` or `replace` on one of Toggl's
/// documented paths), already checked for its shape. On a list (`/tags`, `/tag_ids`) `add` and
/// `remove` merge into or take from the entry's list; on a single value `add` sets it, as JSON
/// Patch's `add` on an existing member does, and `remove` clears it.
public enum BatchChange: Sendable, Hashable {
    case description(String?)
    case billable(Bool?)
    case projectID(Int64?)
    case taskID(Int64?)
    case tags([String], TagAction?)
    case tagIDs([Int64], TagAction?)
    case start(Int64)
    /// nil: running (JSON Patch `remove` of `/stop`).
    case stop(Int64?)
    /// Negative: running, as on create and update.
    case duration(Int64)
}

/// What a bulk PATCH did, per id: Toggl's `success` ids and `failure` items.
public struct BatchOutcome: Sendable, Hashable {
    public var succeeded: [Int64] = []
    public var failed: [(id: Int64, message: String)] = []

    public static func == (a: BatchOutcome, b: BatchOutcome) -> Bool {
        a.succeeded == b.succeeded && a.failed.map(\.id) == b.failed.map(\.id) && a.failed.map(\.message) == b.failed.map(\.message)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(succeeded)
        hasher.combine(failed.map(\.id))
    }
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
