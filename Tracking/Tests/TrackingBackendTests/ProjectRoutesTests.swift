import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TrackingBackend

/// Project settings Toggl clients send and read back (`color`, `is_private`, `billable`,
/// `estimated_hours`) and the fields they expect on every project, on both stores.
@Suite struct ProjectRoutesTests {
    typealias API = TrackingAPITests
    typealias Call = TogglCompatibilityTests

    @Test(arguments: StoreKind.available)
    func settingsAreStoredAndChangedOnlyWhenGiven(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "pia")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let (_, acme) = try await Call.call(client, .post, "/workspaces/\(wid)/clients", auth, #"{"name": "Acme"}"#)
            let cid = try #require((acme as? [String: Any])?["id"] as? Int)
            let (status, created) = try await Call.call(
                client, .post, "/workspaces/\(wid)/projects", auth,
                ##"{"name": "Site", "color": "#0B83D9", "is_private": true, "billable": true, "estimated_hours": 12, "client_id": \##(cid)}"##)
            #expect(status == .ok)
            let p = try #require(created as? [String: Any])
            let pid = try #require(p["id"] as? Int)
            #expect(p["color"] as? String == "#0b83d9" && p["is_private"] as? Bool == true && p["billable"] as? Bool == true)
            #expect(p["estimated_hours"] as? Int == 12 && p["estimated_seconds"] as? Int == 43200 && p["client_name"] as? String == "Acme")
            #expect(p["pinned"] as? Bool == false && p["end_date"] is NSNull && p["permissions"] is NSNull)

            // Stored: the single read and the list agree.
            let (_, one) = try await Call.call(client, .get, "/workspaces/\(wid)/projects/\(pid)", auth)
            #expect((one as? [String: Any])?["color"] as? String == "#0b83d9" && (one as? [String: Any])?["is_private"] as? Bool == true)
            let (_, listed) = try await Call.call(client, .get, "/workspaces/\(wid)/projects", auth)
            #expect((listed as? [[String: Any]])?.first?["estimated_hours"] as? Int == 12)

            // An update changes what it names, clears with null, keeps the rest.
            let (_, updated) = try await Call.call(
                client, .put, "/workspaces/\(wid)/projects/\(pid)", auth, ##"{"color": "#c9806b", "estimated_hours": null, "billable": false}"##)
            let u = try #require(updated as? [String: Any])
            #expect(u["color"] as? String == "#c9806b" && u["estimated_hours"] is NSNull && u["billable"] as? Bool == false)
            #expect(u["is_private"] as? Bool == true && u["name"] as? String == "Site" && u["client_name"] as? String == "Acme")
            let (_, reread) = try await Call.call(client, .get, "/workspaces/\(wid)/projects/\(pid)", auth)
            #expect((reread as? [String: Any])?["estimated_seconds"] is NSNull)

            // A project without settings shows Toggl's defaults.
            let (_, plain) = try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "Plain"}"#)
            let q = try #require(plain as? [String: Any])
            #expect(q["color"] as? String == TogglJSON.projectColor && q["is_private"] as? Bool == false && q["billable"] is NSNull)
            #expect(q["client_name"] is NSNull)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func badSettingsAreRefusedAndChangeNothing(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "quin")
            let wid = try #require(me["default_workspace_id"] as? Int)
            for body in [
                ##"{"name": "X", "color": "blue"}"##, ##"{"name": "X", "color": "#12345"}"##, ##"{"name": "X", "color": "#12345g"}"##,
                #"{"name": "X", "estimated_hours": -1}"#, #"{"name": "X", "is_private": "yes"}"#, #"{"name": "X", "billable": 1}"#,
            ] {
                #expect(try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, body).0 == .badRequest, "\(body)")
            }
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)/projects", auth).1 as? [Any])?.isEmpty == true)
            let (_, created) = try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, ##"{"name": "Y", "color": "#aabbcc"}"##)
            let pid = try #require((created as? [String: Any])?["id"] as? Int)
            #expect(try await Call.call(client, .put, "/workspaces/\(wid)/projects/\(pid)", auth, #"{"color": "red"}"#).0 == .badRequest)
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)/projects/\(pid)", auth).1 as? [String: Any])?["color"] as? String == "#aabbcc")
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func bulkPatchChangesEveryProjectOrNone(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "ron")
            let wid = try #require(me["default_workspace_id"] as? Int)
            var ids: [Int] = []
            for name in ["A", "B"] {
                let (_, p) = try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "\#(name)", "estimated_hours": 3}"#)
                ids.append(try #require((p as? [String: Any])?["id"] as? Int))
            }
            let (_, acme) = try await Call.call(client, .post, "/workspaces/\(wid)/clients", auth, #"{"name": "Acme"}"#)
            let cid = try #require((acme as? [String: Any])?["id"] as? Int)
            let patch = ##"""
                [{"op": "replace", "path": "/active", "value": false}, {"op": "replace", "path": "/color", "value": "#AABBCC"},
                 {"op": "add", "path": "/client_id", "value": \##(cid)}, {"op": "remove", "path": "/estimated_hours"},
                 {"op": "replace", "path": "/is_private", "value": true}]
                """##
            let (status, result) = try await Call.call(client, .patch, "/workspaces/\(wid)/projects/\(ids[0]),\(ids[1])", auth, patch)
            #expect(status == .ok && (result as? [String: Any])?["success"] as? [Int] == ids)
            #expect(((result as? [String: Any])?["failure"] as? [Any])?.isEmpty == true)
            for id in ids {
                let p = try #require(try await Call.call(client, .get, "/workspaces/\(wid)/projects/\(id)", auth).1 as? [String: Any])
                #expect(p["active"] as? Bool == false && p["color"] as? String == "#aabbcc" && p["client_id"] as? Int == cid)
                #expect(p["estimated_hours"] is NSNull && p["is_private"] as? Bool == true && p["client_name"] as? String == "Acme")
            }
            // A bad value, a path not patchable, another workspace's project: refused whole, nothing changes.
            let (other, otherMe) = try await API.signup(client, "sid")
            let otherWid = try #require(otherMe["default_workspace_id"] as? Int)
            let (_, theirs) = try await Call.call(client, .post, "/workspaces/\(otherWid)/projects", other, #"{"name": "Theirs"}"#)
            let theirID = try #require((theirs as? [String: Any])?["id"] as? Int)
            let activate = #"[{"op": "replace", "path": "/active", "value": true}]"#
            #expect(try await Call.call(client, .patch, "/workspaces/\(wid)/projects/\(ids[0]),\(theirID)", auth, activate).0 == .notFound)
            #expect(try await Call.call(client, .patch, "/workspaces/\(wid)/projects/\(ids[0])", auth, #"[{"op": "replace", "path": "/color", "value": "red"}]"#).0 == .badRequest)
            #expect(try await Call.call(client, .patch, "/workspaces/\(wid)/projects/\(ids[0])", auth, #"[{"op": "replace", "path": "/template", "value": true}]"#).0 == .badRequest)
            #expect(try await Call.call(client, .patch, "/workspaces/\(wid)/projects/\(ids[0])", auth, #"[{"op": "remove", "path": "/name"}]"#).0 == .badRequest)
            #expect(try await Call.call(client, .patch, "/workspaces/\(wid)/projects/\(ids[0]),x", auth, activate).0 == .badRequest)
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)/projects/\(ids[0])", auth).1 as? [String: Any])?["active"] as? Bool == false)
            // Commas may come percent-encoded.
            let (encoded, body) = try await Call.call(client, .patch, "/workspaces/\(wid)/projects/\(ids[0])%2C\(ids[1])", auth, #"[{"op": "replace", "path": "/name", "value": "Same"}]"#)
            #expect(encoded == .ok && (body as? [String: Any])?["success"] as? [Int] == ids)
            #expect((try await Call.call(client, .get, "/workspaces/\(otherWid)/projects/\(theirID)", other).1 as? [String: Any])?["active"] as? Bool == true)
        }
        try await h.close()
    }
}
