import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TrackingBackend

/// The routes and fields of the public Toggl v9 API that third-party clients rely on (toggl-python
/// 0.3.2 runs against them end to end in scripts/test-toggl-clients), on both stores.
@Suite struct TogglCompatibilityTests {
    typealias API = TrackingAPITests

    static func call(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ auth: HTTPFields, _ body: String? = nil
    ) async throws -> (HTTPResponse.Status, Any?) {
        let response = try await client.execute(uri: "/api/v9" + uri, method: method, headers: auth, body: body.map(API.body))
        return (response.status, API.json(response.body))
    }

    @Test(arguments: StoreKind.available)
    func meCarriesWhatClientsValidateAndCanBeEdited(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, signup) = try await API.signup(client, "carol")
            let (status, body) = try await Self.call(client, .get, "/me", auth)
            let me = try #require(body as? [String: Any])
            #expect(status == .ok && me["api_token"] as? String == signup["api_token"] as? String)
            #expect((me["toggl_accounts_id"] as? String)?.count == 22)
            #expect((me["image_url"] as? String)?.hasPrefix("https://") == true)
            let (edited, changed) = try await Self.call(
                client, .put, "/me", auth, #"{"fullname": "Carol C", "timezone": "Europe/Berlin", "beginning_of_week": 0}"#)
            let updated = try #require(changed as? [String: Any])
            #expect(edited == .ok && updated["fullname"] as? String == "Carol C" && updated["beginning_of_week"] as? Int == 0)
            #expect(updated["toggl_accounts_updated_at"] is String)
            #expect(try await Self.call(client, .put, "/me", auth, #"{"timezone": "Mars/Olympus"}"#).0 == .badRequest)
            #expect(try await Self.call(client, .put, "/me", auth, #"{"beginning_of_week": 9}"#).0 == .badRequest)
            #expect(try await Self.call(client, .put, "/me", auth, #"{"default_workspace_id": 999999}"#).0 == .forbidden)
            let related = try #require(try await Self.call(client, .get, "/me?with_related_data=true", auth).1 as? [String: Any])
            #expect((related["workspaces"] as? [Any])?.count == 1 && related["time_entries"] is [Any] && related["clients"] is [Any])
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func resetTokenRevokesTheOldTokenOnly(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (alice, _) = try await API.signup(client, "alice")
            let (bob, _) = try await API.signup(client, "bob")
            #expect(try await Self.call(client, .get, "/me", alice).0 == .ok)  // cached now
            let (status, token) = try await Self.call(client, .post, "/me/reset_token", alice)
            let new = try #require(token as? String)
            #expect(status == .ok && new.count == 32)
            #expect(try await Self.call(client, .get, "/me", alice).0 == .forbidden)
            let fresh: HTTPFields = [.authorization: "Basic " + Data("\(new):api_token".utf8).base64EncodedString()]
            #expect((try await Self.call(client, .get, "/me", fresh).1 as? [String: Any])?["api_token"] as? String == new)
            #expect(try await Self.call(client, .get, "/me", bob).0 == .ok)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func workspacesProjectsAndTasksAsResources(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "dave")
            let (other, _) = try await API.signup(client, "erin")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let listed = try #require(try await Self.call(client, .get, "/workspaces", auth).1 as? [[String: Any]])
            #expect(listed.map { $0["id"] as? Int } == [wid])
            for key in ["csv_upload", "ical_url", "suspended_at", "working_hours_in_minutes", "rate_last_updated"] {
                #expect(listed[0].keys.contains(key), "\(key)")
            }
            #expect(try await Self.call(client, .get, "/workspaces/\(wid)", auth).0 == .ok)
            #expect(try await Self.call(client, .get, "/workspaces/\(wid)", other).0 == .forbidden)

            let project = try #require(try await Self.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "P"}"#).1 as? [String: Any])
            let pid = try #require(project["id"] as? Int)
            #expect(project["can_track_time"] as? Bool == true && project["recurring"] as? Bool == false && project["start_date"] is String)
            #expect((try await Self.call(client, .get, "/workspaces/\(wid)/projects/\(pid)", auth).1 as? [String: Any])?["name"] as? String == "P")
            #expect(try await Self.call(client, .get, "/workspaces/\(wid)/projects/\(pid)", other).0 == .forbidden)
            let renamed = try await Self.call(client, .put, "/workspaces/\(wid)/projects/\(pid)", auth, #"{"name": "Q", "active": false}"#)
            #expect((renamed.1 as? [String: Any])?["name"] as? String == "Q" && (renamed.1 as? [String: Any])?["active"] as? Bool == false)
            #expect(try await Self.call(client, .put, "/workspaces/\(wid)/projects/\(pid)", auth, #"{"name": "  "}"#).0 == .badRequest)
            #expect((try await Self.call(client, .get, "/me/projects", auth).1 as? [Any])?.count == 1)
            _ = try await Self.call(client, .post, "/workspaces/\(wid)/projects/\(pid)/tasks", auth, #"{"name": "T"}"#)
            #expect(((try await Self.call(client, .get, "/workspaces/\(wid)/tasks", auth).1 as? [String: Any])?["data"] as? [Any])?.count == 1)
            #expect((try await Self.call(client, .get, "/me/clients", auth).1 as? [Any])?.isEmpty == true)
            #expect(try await Self.call(client, .get, "/workspaces/\(wid)/clients", other).0 == .forbidden)

            // Deleting a project keeps its entries, without it.
            let entry = try #require(
                try await Self.call(
                    client, .post, "/workspaces/\(wid)/time_entries", auth,
                    #"{"start": "2026-01-02T10:00:00Z", "duration": 60, "project_id": \#(pid), "created_with": "t", "workspace_id": \#(wid)}"#
                ).1 as? [String: Any])
            #expect(try await Self.call(client, .delete, "/workspaces/\(wid)/projects/\(pid)", auth).0 == .ok)
            #expect(try await Self.call(client, .get, "/workspaces/\(wid)/projects/\(pid)", auth).0 == .notFound)
            let kept = try #require(try await Self.call(client, .get, "/me/time_entries/\(entry["id"] as? Int ?? 0)", auth).1 as? [String: Any])
            #expect(kept["project_id"] is NSNull && kept["task_id"] is NSNull)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func tagsCanBeListedCreatedRenamedAndDeleted(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "fay")
            let (other, _) = try await API.signup(client, "gus")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let tag = try #require(try await Self.call(client, .post, "/workspaces/\(wid)/tags", auth, #"{"name": "deep"}"#).1 as? [String: Any])
            let tid = try #require(tag["id"] as? Int)
            #expect(try await Self.call(client, .post, "/workspaces/\(wid)/tags", auth, #"{"name": "deep"}"#).0 == .conflict)
            #expect(try await Self.call(client, .post, "/workspaces/\(wid)/tags", other, #"{"name": "x"}"#).0 == .forbidden)
            let entry = try #require(
                try await Self.call(
                    client, .post, "/workspaces/\(wid)/time_entries", auth,
                    #"{"start": "2026-01-02T10:00:00Z", "duration": 60, "tags": ["deep", "wide"], "created_with": "t"}"#
                ).1 as? [String: Any])
            let eid = try #require(entry["id"] as? Int)
            #expect((try await Self.call(client, .get, "/me/tags", auth).1 as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["deep", "wide"])
            #expect(try await Self.call(client, .put, "/workspaces/\(wid)/tags/\(tid)", auth, #"{"name": "wide"}"#).0 == .conflict)
            #expect(try await Self.call(client, .put, "/workspaces/\(wid)/tags/\(tid)", auth, #"{"name": "deeper"}"#).0 == .ok)
            let renamed = try #require(try await Self.call(client, .get, "/me/time_entries/\(eid)", auth).1 as? [String: Any])
            #expect(renamed["tags"] as? [String] == ["deeper", "wide"])
            #expect(try await Self.call(client, .delete, "/workspaces/\(wid)/tags/\(tid)", other).0 == .forbidden)
            #expect(try await Self.call(client, .delete, "/workspaces/\(wid)/tags/\(tid)", auth).0 == .ok)
            let after = try #require(try await Self.call(client, .get, "/me/time_entries/\(eid)", auth).1 as? [String: Any])
            #expect(after["tags"] as? [String] == ["wide"] && (after["tag_ids"] as? [Int])?.count == 1)
            #expect(try await Self.call(client, .delete, "/workspaces/\(wid)/tags/\(tid)", auth).0 == .notFound)
        }
        try await h.close()
    }

    /// `tag_action` (issue 29): `add` merges into the entry's tags, `delete` removes from them,
    /// without it tags replace; an unknown action is refused and changes nothing.
    @Test(arguments: StoreKind.available)
    func tagActionAddsToOrDeletesFromTheEntrysTags(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "ida")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let entry = try #require(
                try await Self.call(
                    client, .post, "/workspaces/\(wid)/time_entries", auth,
                    #"{"start": "2026-01-02T10:00:00Z", "duration": 60, "tags": ["a", "b"], "created_with": "t"}"#
                ).1 as? [String: Any])
            let eid = try #require(entry["id"] as? Int)
            func put(_ body: String) async throws -> (HTTPResponse.Status, [String]?) {
                let (status, json) = try await Self.call(client, .put, "/workspaces/\(wid)/time_entries/\(eid)", auth, body)
                return (status, (json as? [String: Any])?["tags"] as? [String])
            }
            #expect(try await put(#"{"tags": ["c", "a"], "tag_action": "add"}"#) == (.ok, ["a", "b", "c"]))
            #expect(try await put(#"{"tags": ["b", "never-made"], "tag_action": "delete"}"#) == (.ok, ["a", "c"]))
            let tags = try #require(try await Self.call(client, .get, "/me/tags", auth).1 as? [[String: Any]])
            #expect(!tags.contains { $0["name"] as? String == "never-made" })  // deleting never creates
            let c = try #require(tags.first { $0["name"] as? String == "c" }?["id"] as? Int)
            #expect(try await put(#"{"tag_ids": [\#(c)], "tag_action": "delete"}"#) == (.ok, ["a"]))
            // `remove` (lib-toggl, toggl-api-wrapper) is read as `delete`.
            #expect(try await put(#"{"tags": ["c"], "tag_action": "add"}"#) == (.ok, ["a", "c"]))
            #expect(try await put(#"{"tags": ["a"], "tag_action": "remove"}"#) == (.ok, ["c"]))
            #expect(try await put(#"{"tags": ["z"], "tag_action": "merge"}"#).0 == .badRequest)
            // One id per PUT or DELETE: a list says so (400), the batch form is PATCH's (issue 29).
            for method in [HTTPRequest.Method.put, .delete] {
                let (status, json) = try await Self.call(client, method, "/workspaces/\(wid)/time_entries/\(eid),\(eid + 1)", auth, "{}")
                #expect(status == .badRequest && String(describing: json).contains("takes one id"), "\(method)")
            }
            #expect(try await put(#"{"tags": ["z"]}"#) == (.ok, ["z"]))
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func entriesOfEveryWorkspaceAreListedAndMetaNamesThem(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "hal")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let second = try #require(try await Self.call(client, .post, "/workspaces", auth, #"{"name": "Second"}"#).1 as? [String: Any])
            let wid2 = try #require(second["id"] as? Int)
            let project = try #require(try await Self.call(client, .post, "/workspaces/\(wid2)/projects", auth, #"{"name": "Far"}"#).1 as? [String: Any])
            for (w, start, p) in [(wid, "2026-01-02T10:00:00Z", "null"), (wid2, "2026-01-03T10:00:00Z", "\(project["id"] as? Int ?? 0)")] {
                let (status, _) = try await Self.call(
                    client, .post, "/workspaces/\(w)/time_entries", auth, #"{"start": "\#(start)", "duration": 60, "project_id": \#(p), "created_with": "t"}"#)
                #expect(status == .ok)
            }
            let all = try #require(try await Self.call(client, .get, "/me/time_entries", auth).1 as? [[String: Any]])
            #expect(all.compactMap { $0["workspace_id"] as? Int } == [wid2, wid])  // latest start first
            let one = try #require(try await Self.call(client, .get, "/me/time_entries?workspace_id=\(wid)", auth).1 as? [[String: Any]])
            #expect(one.count == 1)
            let meta = try #require(try await Self.call(client, .get, "/me/time_entries?meta=true", auth).1 as? [[String: Any]])
            #expect(meta[0]["project_name"] as? String == "Far" && meta[0]["user_name"] as? String == "hal")
            #expect(meta[0]["user_avatar_url"] as? String == "https://assets.track.toggl.com/images/profile.png")
            #expect(all[0]["user_name"] is NSNull)  // without meta, as before
        }
        try await h.close()
    }
}
