import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TrackingBackend

/// Bulk `PATCH /workspaces/{wid}/time_entries/{ids}` with `add`, `remove` and `replace` on
/// Toggl's paths, results per id, and the negative-duration rule of `PUT`, on both stores.
@Suite struct BatchPatchTests {
    typealias API = TrackingAPITests
    typealias Call = TogglCompatibilityTests

    /// Makes a stopped entry (start at `hour`:00, one hour long) and answers its id.
    static func entry(_ client: some TestClientProtocol, _ auth: HTTPFields, _ wid: Int, hour: Int, tags: String = "[]") async throws -> Int {
        let (status, json) = try await Call.call(
            client, .post, "/workspaces/\(wid)/time_entries", auth,
            #"{"start": "2026-01-01T\#(String(format: "%02d", hour)):00:00Z", "duration": 3600, "workspace_id": \#(wid), "tags": \#(tags)}"#)
        #expect(status == .ok)
        return try #require((json as? [String: Any])?["id"] as? Int)
    }

    static func read(_ client: some TestClientProtocol, _ auth: HTTPFields, _ id: Int) async throws -> [String: Any] {
        try #require(try await Call.call(client, .get, "/me/time_entries/\(id)", auth).1 as? [String: Any])
    }

    @Test(arguments: StoreKind.available)
    func operationsOnEveryDocumentedPath(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "bea")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let a = try await Self.entry(client, auth, wid, hour: 9, tags: #"["x", "y"]"#)
            let b = try await Self.entry(client, auth, wid, hour: 11, tags: #"["y"]"#)
            let (_, projectJSON) = try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "P"}"#)
            let pid = try #require((projectJSON as? [String: Any])?["id"] as? Int)
            let (_, taskJSON) = try await Call.call(client, .post, "/workspaces/\(wid)/projects/\(pid)/tasks", auth, #"{"name": "T"}"#)
            let tid = try #require((taskJSON as? [String: Any])?["id"] as? Int)

            let patch = #"""
                [{"op": "add", "path": "/tags", "value": ["z"]}, {"op": "remove", "path": "/tags", "value": ["y"]},
                 {"op": "replace", "path": "/description", "value": "both"}, {"op": "add", "path": "/billable", "value": true},
                 {"op": "replace", "path": "/project_id", "value": \#(pid)}, {"op": "replace", "path": "/task_id", "value": \#(tid)}]
                """#
            let (status, result) = try await Call.call(client, .patch, "/workspaces/\(wid)/time_entries/\(a),\(b)", auth, patch)
            #expect(status == .ok)
            #expect((result as? [String: Any])?["success"] as? [Int] == [a, b] && ((result as? [String: Any])?["failure"] as? [Any])?.isEmpty == true)
            let ea = try await Self.read(client, auth, a)
            #expect((ea["tags"] as? [String])?.sorted() == ["x", "z"] && ea["description"] as? String == "both" && ea["billable"] as? Bool == true)
            #expect(ea["project_id"] as? Int == pid && ea["task_id"] as? Int == tid)
            #expect(try await Self.read(client, auth, b)["tags"] as? [String] == ["z"])

            // remove clears single values; tag_ids replace; times move the entry.
            let tags = try #require(try await Call.call(client, .get, "/me/tags", auth).1 as? [[String: Any]])
            let x = try #require(tags.first { $0["name"] as? String == "x" }?["id"] as? Int)
            let clear = #"""
                [{"op": "remove", "path": "/description"}, {"op": "remove", "path": "/billable"}, {"op": "remove", "path": "/project_id"},
                 {"op": "replace", "path": "/tag_ids", "value": [\#(x)]}, {"op": "replace", "path": "/start", "value": "2026-01-01T08:30:00Z"},
                 {"op": "replace", "path": "/duration", "value": 60}]
                """#
            #expect(try await Call.call(client, .patch, "/workspaces/\(wid)/time_entries/\(a)", auth, clear).0 == .ok)
            let cleared = try await Self.read(client, auth, a)
            #expect(cleared["description"] as? String == "" && cleared["billable"] as? Bool == false && cleared["project_id"] is NSNull)
            #expect(cleared["task_id"] is NSNull && cleared["tags"] as? [String] == ["x"])
            #expect(cleared["start"] as? String == "2026-01-01T08:30:00+00:00" && cleared["duration"] as? Int == 60)
            #expect(cleared["stop"] as? String == "2026-01-01T08:31:00+00:00")
            let moved = #"[{"op": "replace", "path": "/stop", "value": "2026-01-01T12:30:00Z"}]"#
            #expect(try await Call.call(client, .patch, "/workspaces/\(wid)/time_entries/\(b)", auth, moved).0 == .ok)
            #expect(try await Self.read(client, auth, b)["duration"] as? Int == 5400)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func eachEntryPassesOrFailsOnItsOwn(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "cai")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let early = try await Self.entry(client, auth, wid, hour: 8)
            let late = try await Self.entry(client, auth, wid, hour: 14)
            // A stop at 10:00 suits the 08:00 entry and is before the 14:00 one's start.
            let stop = #"[{"op": "replace", "path": "/stop", "value": "2026-01-01T10:00:00Z"}, {"op": "replace", "path": "/description", "value": "s"}]"#
            let (status, json) = try await Call.call(client, .patch, "/workspaces/\(wid)/time_entries/\(late),\(early)", auth, stop)
            #expect(status == .ok)
            let result = try #require(json as? [String: Any])
            #expect(result["success"] as? [Int] == [early])
            let failures = try #require(result["failure"] as? [[String: Any]])
            #expect(failures.count == 1 && failures[0]["id"] as? Int == late && (failures[0]["message"] as? String)?.contains("before start") == true)
            #expect(try await Self.read(client, auth, early)["description"] as? String == "s")
            #expect(try await Self.read(client, auth, late)["description"] as? String == "")  // unchanged

            // Making entries run: one may; the second fails, as a second start would.
            let run = #"[{"op": "remove", "path": "/stop"}]"#
            let (_, runJSON) = try await Call.call(client, .patch, "/workspaces/\(wid)/time_entries/\(early),\(late)", auth, run)
            #expect((runJSON as? [String: Any])?["success"] as? [Int] == [early])
            #expect(((runJSON as? [String: Any])?["failure"] as? [[String: Any]])?.map { $0["id"] as? Int } == [late])
            #expect((try await Call.call(client, .get, "/me/time_entries/current", auth).1 as? [String: Any])?["id"] as? Int == early)
            // A negative duration also means running.
            let (_, negJSON) = try await Call.call(
                client, .patch, "/workspaces/\(wid)/time_entries/\(late)", auth, #"[{"op": "replace", "path": "/duration", "value": -1}]"#)
            #expect(((negJSON as? [String: Any])?["failure"] as? [Any])?.count == 1)

            // An id that is not the caller's fails the whole batch: 404, nothing changes.
            let (other, otherMe) = try await API.signup(client, "dot")
            let otherWid = try #require(otherMe["default_workspace_id"] as? Int)
            let theirs = try await Self.entry(client, other, otherWid, hour: 9)
            let desc = #"[{"op": "replace", "path": "/description", "value": "hijack"}]"#
            #expect(try await Call.call(client, .patch, "/workspaces/\(wid)/time_entries/\(late),\(theirs)", auth, desc).0 == .notFound)
            #expect(try await Self.read(client, auth, late)["description"] as? String == "")
            #expect(try await Call.call(client, .patch, "/workspaces/\(wid)/time_entries/\(late),999999", auth, desc).0 == .notFound)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func malformedOperationsAreRefusedWhole(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "eli")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let e = try await Self.entry(client, auth, wid, hour: 9)
            for body in [
                #"[]"#, #"[{"op": "move", "path": "/description", "value": "x"}]"#, #"[{"op": "replace", "path": "/user_id", "value": 1}]"#,
                #"[{"op": "remove", "path": "/start"}]"#, #"[{"op": "remove", "path": "/duration"}]"#, #"[{"op": "add", "path": "/description"}]"#,
                #"[{"op": "replace", "path": "/tag_ids", "value": ["a"]}]"#, #"[{"op": "replace", "path": "/start", "value": "yesterday"}]"#,
                #"[{"op": "replace", "path": "/description", "value": "ok"}, {"op": "replace", "path": "/billable", "value": "yes"}]"#,
                #"[{"op": "replace", "path": "/project_id", "value": 424242}]"#,
            ] {
                let status = try await Call.call(client, .patch, "/workspaces/\(wid)/time_entries/\(e)", auth, body).0
                #expect(status == .badRequest, "\(body)")
            }
            #expect(try await Self.read(client, auth, e)["description"] as? String == "")
        }
        try await h.close()
    }

    /// Toggl's docs define `duration` as negative for running entries, on create and update alike:
    /// a negative duration on `PUT` makes a stopped entry run again from its start.
    @Test(arguments: StoreKind.available)
    func aNegativeDurationOnPutMakesTheEntryRun(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "fay")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let a = try await Self.entry(client, auth, wid, hour: 9)
            let b = try await Self.entry(client, auth, wid, hour: 11)
            let (status, json) = try await Call.call(client, .put, "/workspaces/\(wid)/time_entries/\(a)", auth, #"{"duration": -1}"#)
            #expect(status == .ok && (json as? [String: Any])?["stop"] is NSNull)
            #expect((json as? [String: Any])?["start"] as? String == "2026-01-01T09:00:00+00:00")
            #expect(try await Call.call(client, .put, "/workspaces/\(wid)/time_entries/\(b)", auth, #"{"duration": -1}"#).0 == .conflict)
            #expect(try await Self.read(client, auth, b)["stop"] as? String == "2026-01-01T12:00:00+00:00")
            #expect(try await Call.call(client, .put, "/workspaces/\(wid)/time_entries/\(b)", auth, #"{"duration": -1, "stop": "2026-01-01T12:00:00Z"}"#).0 == .badRequest)
        }
        try await h.close()
    }
}
