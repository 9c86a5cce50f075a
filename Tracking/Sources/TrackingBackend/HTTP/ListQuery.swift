import Hummingbird

/// The filters and paging of Toggl's catalog lists (`/workspaces/{wid}/projects`,
/// `/workspaces/{wid}/tasks`): each parameter is checked, and a wrong one is a 400 naming it.
struct ListQuery {
    /// `active`: true, false, or both (nil).
    var active: Bool?
    var since: Int64?
    var page = 1
    /// nil: no paging asked (the whole list).
    var perPage: Int?

    /// `defaultActive`: what an absent `active` means.
    init(_ request: Request, defaultActive: Bool?) throws {
        let q = request.uri.queryParameters
        for key in ["active", "since", "page", "per_page"] where q.getAll(key).count > 1 {
            throw TrackingError.bad("\(key) must be given once")
        }
        switch q.get("active")?.lowercased() {
        case nil: active = defaultActive
        case "true", "1": active = true
        case "false", "0": active = false
        case "both": active = nil
        default: throw TrackingError.bad("active must be true, false or both")
        }
        if let raw = q.get("since") {
            guard let value = Int64(raw), value >= 0, value < TimeFormat.latest else { throw TrackingError.bad("since must be a Unix timestamp") }
            since = value
        }
        if let raw = q.get("page") {
            guard let value = Int(raw), value >= 1, value <= 1_000_000 else { throw TrackingError.bad("page must be a whole number from 1") }
            page = value
        }
        if let raw = q.get("per_page") {
            guard let value = Int(raw), (1...200).contains(value) else { throw TrackingError.bad("per_page must be from 1 to 200") }
            perPage = value
        }
    }

    /// The page asked for of `items` (all of them when no `per_page` was given, from `page`'s start otherwise).
    func page<T>(of items: [T], defaultPerPage: Int? = nil) -> ArraySlice<T> {
        guard let size = perPage ?? defaultPerPage else { return items[...] }
        let start = min(items.count, (page - 1) * size)
        return items[start..<min(items.count, start + size)]
    }
}
