/// The project fields a create or update request carries (absent: unchanged on update).
public struct ProjectInput: Sendable, Hashable {
    public var name: String?
    public var active: Bool?
    public var clientID: Field<Int64> = .absent
    /// `#rrggbb`.
    public var color: String?
    public var isPrivate: Bool?
    public var billable: Field<Bool> = .absent
    /// Whole hours, 0 or more; null clears the estimate.
    public var estimatedHours: Field<Int64> = .absent

    public init(name: String? = nil, active: Bool? = nil, clientID: Field<Int64> = .absent) {
        self.name = name
        self.active = active
        self.clientID = clientID
    }

    /// Toggl's project colours are `#` and six hex digits.
    static func checkColor(_ color: String) throws -> String {
        let digits = color.utf8.dropFirst()
        guard color.utf8.first == UInt8(ascii: "#"), digits.count == 6, digits.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }) else {
            throw TrackingError.bad("color must be # and six hex digits, such as #0b83d9")
        }
        return color.lowercased()
    }

    /// Applies the fields given to `project` (checking each); that the client is the
    /// workspace's is checked by the caller (`TrackingService.apply(_:to:)`).
    func apply(to project: inout Project) throws {
        if let name { project.name = try TrackingService.checkName(name) }
        if let active { project.active = active }
        if let color { project.color = try Self.checkColor(color) }
        if let isPrivate { project.isPrivate = isPrivate }
        if let h = estimatedHours.value, !(0...1_000_000).contains(h) {
            throw TrackingError.bad("estimated_hours must be a whole number of hours from 0 to 1000000")
        }
        billable.apply(to: &project.billable)
        estimatedHours.apply(to: &project.estimatedHours)
        clientID.apply(to: &project.clientID)
    }
}
