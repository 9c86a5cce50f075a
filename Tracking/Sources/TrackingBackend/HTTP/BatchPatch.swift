import Foundation

/// The body of a bulk `PATCH /workspaces/{wid}/time_entries/{ids}`: JSON Patch operations
/// (`add`, `remove`, `replace`) on the paths Toggl documents. A malformed operation is a 400 for
/// the whole request, naming the operation by its index.
enum BatchPatch {
    static let paths = ["/description", "/billable", "/project_id", "/task_id", "/tags", "/tag_ids", "/start", "/stop", "/duration"]

    static func changes(_ operations: [Any]) throws -> [BatchChange] {
        guard !operations.isEmpty else { throw TrackingError.bad("the patch must hold at least one operation") }
        guard operations.count <= 100 else { throw TrackingError.bad("the patch takes at most 100 operations") }
        return try operations.enumerated().map { index, raw in
            guard let op = raw as? [String: Any], let kind = op["op"] as? String, let path = op["path"] as? String else {
                throw TrackingError.bad("operation \(index) must be {\"op\": \"replace\", \"path\": …, \"value\": …}")
            }
            guard ["add", "remove", "replace"].contains(kind) else {
                throw TrackingError.bad("operation \(index): op must be add, remove or replace")
            }
            guard paths.contains(path) else {
                throw TrackingError.bad("operation \(index): path \(path) cannot be patched (\(paths.joined(separator: ", ")))")
            }
            return try change(kind: kind, path: path, value: op["value"], hasValue: op.keys.contains("value"), index: index)
        }
    }

    static func change(kind: String, path: String, value: Any?, hasValue: Bool, index: Int) throws -> BatchChange {
        func fail(_ what: String) -> TrackingError { TrackingError.bad("operation \(index): \(path.dropFirst()) must be \(what)") }
        let remove = kind == "remove"
        // On a list, `remove` names what to take out; on a single value it clears it and takes no value.
        let isList = path == "/tags" || path == "/tag_ids"
        if !remove || isList {
            guard hasValue else { throw TrackingError.bad("operation \(index): \(kind) needs a value") }
        }
        let isNull = value == nil || value is NSNull
        switch path {
        case "/description":
            if remove { return .description(nil) }
            guard let s = value as? String else { throw fail("a string") }
            try RequestJSON.checkText(s, "description")
            return .description(s)
        case "/billable":
            if remove { return .billable(nil) }
            guard let n = value as? NSNumber, n.isJSONBoolean else { throw fail("true or false") }
            return .billable(n.boolValue)
        case "/project_id", "/task_id":
            var id: Int64?
            if !remove && !isNull {
                guard let v = value, let n = RequestJSON.integer(v), n > 0 else { throw fail("a positive integer id or null") }
                id = n
            }
            return path == "/project_id" ? .projectID(id) : .taskID(id)
        case "/tags":
            guard let names = value as? [Any], let strings = names as? [String] else { throw fail("an array of strings") }
            for name in strings { try RequestJSON.checkText(name, "tags") }
            return .tags(strings, action(kind))
        case "/tag_ids":
            guard let list = value as? [Any] else { throw fail("an array of integer ids") }
            let ids = try list.map { raw -> Int64 in
                guard let n = RequestJSON.integer(raw), n > 0 else { throw fail("an array of integer ids") }
                return n
            }
            return .tagIDs(ids, action(kind))
        case "/start", "/stop":
            if remove {
                guard path == "/stop" else { throw TrackingError.bad("operation \(index): start cannot be removed") }
                return .stop(nil)
            }
            guard let s = value as? String, let t = TimeFormat.parse(s) else { throw fail("an RFC 3339 time, e.g. 2026-01-02T10:00:00Z") }
            try TimeFormat.checkRange(s, String(path.dropFirst()))
            return path == "/start" ? .start(t) : .stop(t)
        default:  // "/duration"
            guard !remove else { throw TrackingError.bad("operation \(index): duration cannot be removed (remove /stop to make an entry running)") }
            guard let v = value, let d = RequestJSON.integer(v), d <= 4_000_000_000 else { throw fail("an integer number of seconds up to 4000000000") }
            return .duration(d)
        }
    }

    static func action(_ kind: String) -> TagAction? {
        switch kind {
        case "add": .add
        case "remove": .delete
        default: nil
        }
    }

    static let projectPaths = ["/active", "/billable", "/client_id", "/color", "/estimated_hours", "/is_private", "/name"]

    /// A bulk `PATCH /workspaces/{wid}/projects/{ids}` body as one `ProjectInput` (operations in
    /// order, a later one on the same path winning): `add`/`replace` set a value, `remove` clears
    /// `/client_id`, `/billable` and `/estimated_hours`.
    static func projectInput(_ operations: [Any]) throws -> ProjectInput {
        guard !operations.isEmpty else { throw TrackingError.bad("the patch must hold at least one operation") }
        guard operations.count <= 100 else { throw TrackingError.bad("the patch takes at most 100 operations") }
        var input = ProjectInput()
        for (index, raw) in operations.enumerated() {
            guard let op = raw as? [String: Any], let kind = op["op"] as? String, let path = op["path"] as? String else {
                throw TrackingError.bad("operation \(index) must be {\"op\": \"replace\", \"path\": …, \"value\": …}")
            }
            guard ["add", "remove", "replace"].contains(kind) else { throw TrackingError.bad("operation \(index): op must be add, remove or replace") }
            guard projectPaths.contains(path) else {
                throw TrackingError.bad("operation \(index): path \(path) cannot be patched (\(projectPaths.joined(separator: ", ")))")
            }
            func fail(_ what: String) -> TrackingError { TrackingError.bad("operation \(index): \(path.dropFirst()) must be \(what)") }
            let value = op["value"]
            if kind == "remove" {
                switch path {
                case "/client_id": input.clientID = .null
                case "/billable": input.billable = .null
                case "/estimated_hours": input.estimatedHours = .null
                default: throw TrackingError.bad("operation \(index): \(path.dropFirst()) cannot be removed")
                }
                continue
            }
            guard op.keys.contains("value") else { throw TrackingError.bad("operation \(index): \(kind) needs a value") }
            let isNull = value == nil || value is NSNull
            func bool() throws -> Bool {
                guard let n = value as? NSNumber, n.isJSONBoolean else { throw fail("true or false") }
                return n.boolValue
            }
            switch path {
            case "/active": input.active = try bool()
            case "/is_private": input.isPrivate = try bool()
            case "/billable": input.billable = isNull ? .null : .value(try bool())
            case "/client_id", "/estimated_hours":
                var field: Field<Int64> = .null
                if !isNull {
                    guard let v = value, let n = RequestJSON.integer(v) else { throw fail("an integer or null") }
                    field = .value(n)
                }
                if path == "/client_id" { input.clientID = field } else { input.estimatedHours = field }
            case "/color":
                guard let s = value as? String else { throw fail("a string") }
                input.color = s
            default:  // "/name"
                guard let s = value as? String else { throw fail("a string") }
                input.name = s
            }
        }
        return input
    }
}
