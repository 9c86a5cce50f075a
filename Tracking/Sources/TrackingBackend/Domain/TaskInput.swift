/// The task fields a create or update request carries (absent: unchanged on update).
public struct TaskInput: Sendable, Hashable {
    public var name: String?
    public var active: Bool?
    /// Whole seconds, 0 or more; null clears the estimate.
    public var estimatedSeconds: Field<Int64> = .absent

    public init(name: String? = nil, active: Bool? = nil, estimatedSeconds: Field<Int64> = .absent) {
        self.name = name
        self.active = active
        self.estimatedSeconds = estimatedSeconds
    }

    func apply(to task: inout TrackingTask) throws {
        if let name { task.name = try TrackingService.checkName(name) }
        if let active { task.active = active }
        if let s = estimatedSeconds.value, !(0...3_600_000_000).contains(s) {
            throw TrackingError.bad("estimated_seconds must be a whole number of seconds from 0 to 3600000000")
        }
        estimatedSeconds.apply(to: &task.estimatedSeconds)
    }
}
