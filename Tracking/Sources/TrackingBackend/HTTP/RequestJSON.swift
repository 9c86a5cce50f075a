import Foundation
import Hummingbird
import MissionJSON
import NIOCore

/// A request's JSON object body, with typed accessors whose errors name the field (400).
struct RequestJSON {
    let object: [String: Any]

    /// `emptyIsObject`: an empty body reads as `{}` (for requests whose fields are all optional).
    static func read(_ request: Request, context: some RequestContext, emptyIsObject: Bool = false) async throws -> RequestJSON {
        var request = request
        let buffer = try await body(&request, context: context)
        if buffer.readableBytes == 0 && emptyIsObject { return RequestJSON(object: [:]) }
        guard buffer.readableBytes > 0 else { throw TrackingError.bad("a JSON object body is required") }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
        } catch {
            throw TrackingError.bad("the body is not valid JSON")
        }
        guard let object = value as? [String: Any] else { throw TrackingError.bad("the body must be a JSON object") }
        return RequestJSON(object: object)
    }

    static func readArray(_ request: Request, context: some RequestContext) async throws -> [Any] {
        var request = request
        let buffer = try await body(&request, context: context)
        guard let value = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)), let array = value as? [Any] else {
            throw TrackingError.bad("the body must be a JSON array of patch operations")
        }
        return array
    }

    /// The request's body; one whose declared length is over the limit is refused (413) before a
    /// byte of it is read, since waiting for it would hold the connection until the idle timeout.
    static func body(_ request: inout Request, context: some RequestContext) async throws -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > context.maxUploadSize {
            throw TrackingError.bodyTooLarge
        }
        do {
            return try await request.collectBody(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw TrackingError.bodyTooLarge
        }
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    func string(_ key: String) throws -> Field<String> {
        guard let raw = object[key] else { return .absent }
        if raw is NSNull { return .null }
        guard let s = raw as? String else { throw TrackingError.bad("\(key) must be a string") }
        try Self.checkText(s, key)
        return .value(s)
    }

    /// PostgreSQL text cannot hold U+0000, so both stores refuse it alike.
    static func checkText(_ s: String, _ key: String) throws {
        if s.utf8.contains(0) { throw TrackingError.bad("\(key) must not contain the NUL character (\\u0000)") }
    }

    /// A string field that may be left out but not sent as null (an update of that field).
    func optionalString(_ key: String) throws -> String? { try notNull(string(key), key, "a string") }

    func optionalBool(_ key: String) throws -> Bool? { try notNull(bool(key), key, "true or false") }

    func optionalInteger(_ key: String) throws -> Int64? { try notNull(integer(key), key, "an integer") }

    func notNull<T>(_ field: Field<T>, _ key: String, _ what: String) throws -> T? {
        if case .null = field { throw TrackingError.bad("\(key) must be \(what), not null") }
        return field.value
    }

    func bool(_ key: String) throws -> Field<Bool> {
        guard let raw = object[key] else { return .absent }
        if raw is NSNull { return .null }
        guard let n = raw as? NSNumber, n.isJSONBoolean else { throw TrackingError.bad("\(key) must be true or false") }
        return .value(n.boolValue)
    }

    func integer(_ key: String) throws -> Field<Int64> {
        guard let raw = object[key] else { return .absent }
        if raw is NSNull { return .null }
        guard let n = Self.integer(raw) else { throw TrackingError.bad("\(key) must be an integer") }
        return .value(n)
    }

    func time(_ key: String) throws -> Field<Int64> {
        switch try string(key) {
        case .absent: return .absent
        case .null: return .null
        case .value(let s):
            guard let t = TimeFormat.parse(s) else { throw TrackingError.bad("\(key) must be an RFC 3339 time, e.g. 2026-01-02T10:00:00Z") }
            try TimeFormat.checkRange(s, key)
            return .value(t)
        }
    }

    func strings(_ key: String) throws -> Field<[String]> {
        guard let raw = object[key] else { return .absent }
        if raw is NSNull { return .null }
        guard let a = raw as? [Any], let s = a as? [String] else { throw TrackingError.bad("\(key) must be an array of strings") }
        for item in s { try Self.checkText(item, key) }
        return .value(s)
    }

    func integers(_ key: String) throws -> Field<[Int64]> {
        guard let raw = object[key] else { return .absent }
        if raw is NSNull { return .null }
        guard let a = raw as? [Any] else { throw TrackingError.bad("\(key) must be an array of integers") }
        let ints = a.compactMap(Self.integer)
        guard ints.count == a.count else { throw TrackingError.bad("\(key) must be an array of integers") }
        return .value(ints)
    }

    static func integer(_ raw: Any) -> Int64? {
        guard let n = raw as? NSNumber, !n.isJSONBoolean else { return nil }
        let d = n.doubleValue
        guard d == d.rounded(), abs(d) < 9e15 else { return nil }
        return n.int64Value
    }

    /// The time-entry fields of a create or update body (`workspace_id`/`user_id` are ignored:
    /// the path and the authenticated user always win).
    func entryInput() throws -> EntryInput {
        var input = EntryInput()
        input.start = try time("start")
        input.stop = try time("stop")
        input.duration = try integer("duration")
        input.description = try string("description")
        input.billable = try bool("billable")
        input.projectID = try integer(has("project_id") ? "project_id" : "pid")
        input.taskID = try integer(has("task_id") ? "task_id" : "tid")
        input.tags = try strings("tags")
        input.tagIDs = try integers("tag_ids")
        input.createdWith = try string("created_with")
        if let action = try string("tag_action").value {
            // `remove` is what lib-toggl and toggl-api-wrapper send for Toggl's `delete`.
            guard let known = action == "remove" ? .delete : TagAction(rawValue: action) else {
                throw TrackingError.bad("tag_action must be add or delete (remove is read as delete)")
            }
            input.tagAction = known
        }
        return input
    }
}
