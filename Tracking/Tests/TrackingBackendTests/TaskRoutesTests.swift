import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TrackingBackend

/// Tasks as Toggl clients use them (create with `active` and `estimated_seconds`, read, change,
/// delete, the workspace's paginated list, `/me/tasks`) and the project list's filters, on both stores.
@Suite struct TaskRoutesTests {
    typealias API = TrackingAPITests
    typealias Call = TogglCompatibilityTests

    @Test(arguments: StoreKind.available)
    func tasksAreMadeReadChangedAndDeleted(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "tia")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let (_, projectJSON) = try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "P"}"#)
            let pid = try #require((projectJSON as? [String: Any])?["id"] as? Int)
            let base = "/workspaces/\(wid)/projects/\(pid)/tasks"
            let (status, made) = try await Call.call(client, .post, base, auth, #"{"name": "Design", "active": false, "estimated_seconds": 7200}"#)
            #expect(status == .ok)
            let task = try #require(made as? [String: Any])
            let tid = try #require(task["id"] as? Int)
            #expect(task["active"] as? Bool == false && task["estimated_seconds"] as? Int == 7200 && task["project_id"] as? Int == pid)
            #expect((try await Call.call(client, .get, "\(base)/\(tid)", auth).1 as? [String: Any])?["estimated_seconds"] as? Int == 7200)

            let (_, changed) = try await Call.call(client, .put, "\(base)/\(tid)", auth, #"{"name": "Build", "active": true, "estimated_seconds": null}"#)
            let c = try #require(changed as? [String: Any])
            #expect(c["name"] as? String == "Build" && c["active"] as? Bool == true && c["estimated_seconds"] is NSNull)
            #expect(try await Call.call(client, .put, "\(base)/\(tid)", auth, #"{"estimated_seconds": -5}"#).0 == .badRequest)
            #expect(try await Call.call(client, .post, base, auth, #"{"active": true}"#).0 == .badRequest)

            // An entry on the task loses it when the task goes; the entry stays.
            let (_, entryJSON) = try await Call.call(
                client, .post, "/workspaces/\(wid)/time_entries", auth,
                #"{"start": "2026-01-01T09:00:00Z", "duration": 60, "workspace_id": \#(wid), "project_id": \#(pid), "task_id": \#(tid)}"#)
            let eid = try #require((entryJSON as? [String: Any])?["id"] as? Int)
            #expect(try await Call.call(client, .delete, "\(base)/\(tid)", auth).0 == .ok)
            #expect(try await Call.call(client, .get, "\(base)/\(tid)", auth).0 == .notFound)
            let entry = try #require(try await Call.call(client, .get, "/me/time_entries/\(eid)", auth).1 as? [String: Any])
            #expect(entry["task_id"] is NSNull && entry["project_id"] as? Int == pid)

            // Another user's project: 403 on the workspace, nothing read or changed.
            let (other, _) = try await API.signup(client, "uma")
            #expect(try await Call.call(client, .get, base, other).0 == .forbidden)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func theWorkspaceListIsPaginatedAndFiltered(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "vic")
            let wid = try #require(me["default_workspace_id"] as? Int)
            var pids: [Int] = []
            for name in ["A", "B"] {
                let (_, p) = try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "\#(name)"}"#)
                pids.append(try #require((p as? [String: Any])?["id"] as? Int))
            }
            for (i, name) in ["delta", "Alpha", "charlie", "bravo", "echo"].enumerated() {
                let body = #"{"name": "\#(name)", "active": \#(i != 4)}"#
                #expect(try await Call.call(client, .post, "/workspaces/\(wid)/projects/\(pids[i % 2])/tasks", auth, body).0 == .ok)
            }
            func list(_ query: String) async throws -> [String: Any] {
                try #require(try await Call.call(client, .get, "/workspaces/\(wid)/tasks\(query)", auth).1 as? [String: Any])
            }
            let all = try await list("")
            #expect((all["data"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Alpha", "bravo", "charlie", "delta", "echo"])
            #expect(all["total_count"] as? Int == 5 && all["page"] as? Int == 1 && all["per_page"] as? Int == 50 && all["sort_field"] as? String == "name")
            let page = try await list("?per_page=2&page=2&sort_order=desc")
            #expect((page["data"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["charlie", "bravo"] && page["total_count"] as? Int == 5)
            #expect((try await list("?active=false")["data"] as? [Any])?.count == 1)
            #expect((try await list("?active=true&project_id=\(pids[0])")["data"] as? [Any])?.count == 2)
            for bad in ["?active=maybe", "?per_page=0", "?per_page=201", "?page=0", "?sort_field=id", "?sort_order=up", "?project_id=x", "?since=-1"] {
                #expect(try await Call.call(client, .get, "/workspaces/\(wid)/tasks\(bad)", auth).0 == .badRequest, "\(bad)")
            }
            let mine = try #require(try await Call.call(client, .get, "/me/tasks", auth).1 as? [[String: Any]])
            #expect(mine.count == 4)
            #expect((try await Call.call(client, .get, "/me/tasks?include_not_active=true", auth).1 as? [Any])?.count == 5)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func theProjectListHonoursToggleFilters(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "wes")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let (_, acme) = try await Call.call(client, .post, "/workspaces/\(wid)/clients", auth, #"{"name": "Acme"}"#)
            let cid = try #require((acme as? [String: Any])?["id"] as? Int)
            _ = try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "Website", "client_id": \#(cid)}"#)
            _ = try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "Old site", "active": false}"#)
            _ = try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "App"}"#)
            func names(_ query: String) async throws -> [String] {
                let list = try #require(try await Call.call(client, .get, "/workspaces/\(wid)/projects\(query)", auth).1 as? [[String: Any]])
                return list.compactMap { $0["name"] as? String }
            }
            #expect(try await names("") == ["Website", "Old site", "App"])
            #expect(try await names("?active=true") == ["Website", "App"])
            #expect(try await names("?active=false") == ["Old site"])
            #expect(try await names("?active=both&name=SITE") == ["Website", "Old site"])
            #expect(try await names("?client_ids=\(cid)") == ["Website"])
            #expect(try await names("?per_page=2&page=2") == ["App"])
            let paged = try #require(try await Call.call(client, .get, "/workspaces/\(wid)/projects?per_page=1", auth).1 as? [[String: Any]])
            #expect(paged.count == 1 && paged[0]["total_count"] as? Int == 3)
            #expect(try await names("?since=4000000000").isEmpty)
            for bad in ["?active=yes", "?client_ids=a,b", "?per_page=500"] {
                #expect(try await Call.call(client, .get, "/workspaces/\(wid)/projects\(bad)", auth).0 == .badRequest, "\(bad)")
            }
        }
        try await h.close()
    }
}
