import Foundation

/// The preferences Toggl's `/me/preferences` documents, with Toggl's defaults; kept per user as
/// a JSON object. Nothing on this server reads them: they are kept for the clients that set them.
public struct UserPreferences: Codable, Sendable, Hashable {
    public struct AlphaFeature: Codable, Sendable, Hashable {
        public var code: String
        public var enabled: Bool
    }

    public var dateFormat = "MM/DD/YYYY"
    public var timeOfDayFormat = "h:mm A"
    public var durationFormat = "improved"
    public var recordTimeline = false
    public var sendProductEmails = false
    public var sendTimerNotifications = false
    public var sendWeeklyReport = false
    public var alphaFeatures: [AlphaFeature] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case dateFormat = "date_format"
        case timeOfDayFormat = "timeofday_format"
        case durationFormat = "duration_format"
        case recordTimeline = "record_timeline"
        case sendProductEmails = "send_product_emails"
        case sendTimerNotifications = "send_timer_notifications"
        case sendWeeklyReport = "send_weekly_report"
        case alphaFeatures = "alpha_features"
    }

    public init() {}

    /// Stored text, read leniently: a key this version does not know keeps its default.
    public init(stored: String?) {
        self.init()
        guard let stored, let data = stored.data(using: .utf8),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return }
        try? apply(object)
    }

    /// Applies the keys of a POST body; a key Toggl does not document, or a value of the wrong
    /// type or out of its set, is a 400 naming it (nothing is applied then).
    mutating func apply(_ object: [String: Any]) throws {
        var next = self
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        for key in object.keys.sorted() where !known.contains(key) {
            throw TrackingError.bad("\(key) is not a preference kept here (\(CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        func text(_ key: CodingKeys, limit: Int = 40) throws -> String? {
            guard let raw = object[key.rawValue] else { return nil }
            guard let s = raw as? String, !s.isEmpty, s.unicodeScalars.count <= limit, !s.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                throw TrackingError.bad("\(key.rawValue) must be a short string")
            }
            return s
        }
        func flag(_ key: CodingKeys) throws -> Bool? {
            guard let raw = object[key.rawValue] else { return nil }
            guard let n = raw as? NSNumber, n.isJSONBoolean else { throw TrackingError.bad("\(key.rawValue) must be true or false") }
            return n.boolValue
        }
        if let v = try text(.dateFormat) { next.dateFormat = v }
        if let v = try text(.timeOfDayFormat) { next.timeOfDayFormat = v }
        if let v = try text(.durationFormat) {
            guard ["improved", "classic", "decimal"].contains(v) else { throw TrackingError.bad("duration_format must be improved, classic or decimal") }
            next.durationFormat = v
        }
        if let v = try flag(.recordTimeline) { next.recordTimeline = v }
        if let v = try flag(.sendProductEmails) { next.sendProductEmails = v }
        if let v = try flag(.sendTimerNotifications) { next.sendTimerNotifications = v }
        if let v = try flag(.sendWeeklyReport) { next.sendWeeklyReport = v }
        if let raw = object[CodingKeys.alphaFeatures.rawValue] {
            guard let list = raw as? [[String: Any]], list.count <= 100 else {
                throw TrackingError.bad("alpha_features must be a list of {\"code\", \"enabled\"}")
            }
            next.alphaFeatures = try list.map { item in
                guard let code = item["code"] as? String, !code.isEmpty, code.unicodeScalars.count <= 100, let n = item["enabled"] as? NSNumber, n.isJSONBoolean else {
                    throw TrackingError.bad("alpha_features must be a list of {\"code\", \"enabled\"}")
                }
                return AlphaFeature(code: code, enabled: n.boolValue)
            }
        }
        self = next
    }

    /// The JSON text stored and answered (keys sorted, so equal preferences store equal text).
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
