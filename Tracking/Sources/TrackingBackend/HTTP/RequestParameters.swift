import Foundation
import Hummingbird

extension AuthenticatedRequestContext {
    /// The path parameter `name` as an id; anything else is a 404 (no such resource).
    func id(_ name: String) throws -> Int64 {
        guard let raw = parameters.get(name), let value = Int64(raw), value > 0 else {
            throw TrackingError(.notFound, "\(name) must be a positive integer id")
        }
        return value
    }

    /// The path parameter `name` as a bulk route's id list: `12,13,14` (commas also as `%2C`);
    /// anything else is a 400.
    func ids(_ name: String, of what: String) throws -> [Int64] {
        let raw = try parameters.require(name)
        let ids = (raw.removingPercentEncoding ?? raw).split(separator: ",", omittingEmptySubsequences: false).map {
            Int64($0.trimmingCharacters(in: .whitespaces))
        }
        guard !ids.isEmpty, ids.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw TrackingError.bad("\(what) ids must be a comma-separated list of integers")
        }
        return ids.compactMap { $0 }
    }

    /// The `:id` of a route on one time entry. A comma-separated list (the bulk PATCH's form) is
    /// 400 saying that the route takes one id, not 404 as an unknown id would be.
    func entryID(_ method: String) throws -> Int64 {
        if let raw = parameters.get("id"), raw.contains(","),
            raw.split(separator: ",", omittingEmptySubsequences: false).allSatisfy({ Int64($0).map { $0 > 0 } ?? false })
        {
            throw TrackingError.bad("\(method) …/time_entries/{id} takes one id, not the list \(raw); only PATCH takes several")
        }
        return try id("id")
    }
}

extension Request {
    /// A boolean query flag: `true`/`false` (any case; Python clients send `True`), `1`/`0`;
    /// anything else is a 400 naming the parameter.
    func flag(_ name: String) throws -> Bool {
        let values = uri.queryParameters.getAll(name)
        guard let raw = values.first else { return false }
        switch (raw.lowercased(), values.count) {
        case ("true", 1), ("1", 1): return true
        case ("false", 1), ("0", 1): return false
        default: throw TrackingError.bad("\(name) must be true or false, given once")
        }
    }
}
