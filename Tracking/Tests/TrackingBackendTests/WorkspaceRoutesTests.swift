import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TrackingBackend

/// The workspace and organization routes toggl-api-wrapper uses: `/me/logged`,
/// `/me/organizations`, `PUT /workspaces/{wid}`, `time_entry_constraints`, `statistics` and
/// `POST /organizations/{oid}/workspaces`, on both stores.
@Suite struct WorkspaceRoutesTests {
    typealias API = TrackingAPITests
    typealias Call = TogglCompatibilityTests

    @Test(arguments: StoreKind.available)
    func loggedAndOrganizations(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "orla")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let (status, logged) = try await Call.call(client, .get, "/me/logged", auth)
            #expect(status == .ok && (logged as? [String: Any])?.isEmpty == true)
            #expect(try await Call.call(client, .get, "/me/logged", [.authorization: "Basic bm90OmFwaV90b2tlbg=="]).0 == .forbidden)

            let (_, orgs) = try await Call.call(client, .get, "/me/organizations", auth)
            let listed = try #require(orgs as? [[String: Any]])
            #expect(listed.map { $0["id"] as? Int } == [wid] && listed.first?["user_count"] as? Int == 1)

            // A workspace made under the organization is listed as a second organization.
            let (made, ws) = try await Call.call(client, .post, "/organizations/\(wid)/workspaces", auth, #"{"name": "Side"}"#)
            #expect(made == .ok)
            let side = try #require((ws as? [String: Any])?["id"] as? Int)
            #expect((ws as? [String: Any])?["organization_id"] as? Int == side)
            let (_, after) = try await Call.call(client, .get, "/me/organizations", auth)
            #expect((after as? [[String: Any]])?.compactMap { $0["name"] as? String }.sorted().contains("Side") == true)
            #expect(try await Call.call(client, .post, "/organizations/\(wid)/workspaces", auth, #"{"name": " "}"#).0 == .badRequest)

            // Another account's organization: 403, nothing made.
            let (other, _) = try await API.signup(client, "otto")
            #expect(try await Call.call(client, .post, "/organizations/\(wid)/workspaces", other, #"{"name": "Intruder"}"#).0 == .forbidden)
            #expect((try await Call.call(client, .get, "/me/organizations", auth).1 as? [Any])?.count == 2)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func renameConstraintsAndStatistics(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "wren")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let (status, renamed) = try await Call.call(client, .put, "/workspaces/\(wid)", auth, #"{"name": " Renamed "}"#)
            #expect(status == .ok && (renamed as? [String: Any])?["name"] as? String == "Renamed")
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)", auth).1 as? [String: Any])?["name"] as? String == "Renamed")
            #expect((try await Call.call(client, .get, "/organizations/\(wid)", auth).1 as? [String: Any])?["name"] as? String == "Renamed")
            #expect(try await Call.call(client, .put, "/workspaces/\(wid)", auth, #"{"name": ""}"#).0 == .badRequest)
            // Without a name the workspace is answered unchanged.
            #expect((try await Call.call(client, .put, "/workspaces/\(wid)", auth, #"{"admins": []}"#).1 as? [String: Any])?["name"] as? String == "Renamed")
            let (other, _) = try await API.signup(client, "vera")
            #expect(try await Call.call(client, .put, "/workspaces/\(wid)", other, #"{"name": "Mine"}"#).0 == .forbidden)

            let (_, constraints) = try await Call.call(client, .get, "/workspaces/\(wid)/time_entry_constraints", auth)
            #expect((constraints as? [String: Any])?["time_entry_constraints_enabled"] as? Bool == false)
            #expect(try await Call.call(client, .get, "/workspaces/\(wid)/time_entry_constraints", other).0 == .forbidden)
            let (_, workspace) = try await Call.call(client, .get, "/workspaces/\(wid)", auth)
            #expect(((workspace as? [String: Any])?["te_constraints"] as? [String: Any])?["project_present"] as? Bool == false)
            #expect((workspace as? [String: Any])?["disable_approvals"] as? Bool == false)

            let (_, stats) = try await Call.call(client, .get, "/workspaces/\(wid)/statistics", auth)
            let s = try #require(stats as? [String: Any])
            #expect(s["members_count"] as? Int == 1 && s["groups_count"] as? Int == 0)
            #expect((s["admins"] as? [[String: Any]])?.map { $0["user_id"] as? Int } == [me["id"] as? Int])
            #expect(try await Call.call(client, .get, "/workspaces/\(wid)/statistics", other).0 == .forbidden)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func organizationsAreMadeRenamedAndLeft(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "olga")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let (status, made) = try await Call.call(client, .post, "/organizations", auth, #"{"name": "Guild", "workspace_name": "guild_ws"}"#)
            #expect(status == .ok)
            let org = try #require(made as? [String: Any])
            let oid = try #require(org["id"] as? Int)
            #expect(org["name"] as? String == "Guild" && org["admin"] as? Bool == true)
            // The organization's workspace keeps its own name; the organization reads back as made.
            #expect((try await Call.call(client, .get, "/workspaces/\(oid)", auth).1 as? [String: Any])?["name"] as? String == "guild_ws")
            #expect((try await Call.call(client, .get, "/organizations/\(oid)", auth).1 as? [String: Any])?["name"] as? String == "Guild")
            #expect(try await Call.call(client, .post, "/organizations", auth, #"{"workspace_name": "x"}"#).0 == .badRequest)

            let (renamed, body) = try await Call.call(client, .put, "/organizations/\(oid)", auth, #"{"name": "Guild Ltd"}"#)
            #expect(renamed == .ok && (body as? [String: Any])?["name"] as? String == "Guild Ltd")
            #expect((try await Call.call(client, .get, "/me/organizations", auth).1 as? [[String: Any]])?.compactMap { $0["name"] as? String }.contains("Guild Ltd") == true)
            #expect((try await Call.call(client, .get, "/workspaces/\(oid)", auth).1 as? [String: Any])?["name"] as? String == "guild_ws")
            let (other, _) = try await API.signup(client, "oscar")
            #expect(try await Call.call(client, .put, "/organizations/\(oid)", other, #"{"name": "Taken"}"#).0 == .forbidden)

            // Leaving: never the default workspace; not while the running entry is there; then gone.
            #expect(try await Call.call(client, .delete, "/organizations/\(wid)/users/leave", auth).0 == .conflict)
            let (_, running) = try await Call.call(
                client, .post, "/workspaces/\(oid)/time_entries", auth, #"{"start": "2026-01-01T09:00:00Z", "duration": -1, "workspace_id": \#(oid)}"#)
            let teid = try #require((running as? [String: Any])?["id"] as? Int)
            #expect(try await Call.call(client, .delete, "/organizations/\(oid)/users/leave", auth).0 == .conflict)
            #expect(try await Call.call(client, .patch, "/workspaces/\(oid)/time_entries/\(teid)/stop", auth).0 == .ok)
            #expect(try await Call.call(client, .delete, "/organizations/\(oid)/users/leave", other).0 == .forbidden)
            #expect(try await Call.call(client, .delete, "/organizations/\(oid)/users/leave", auth).0 == .ok)
            #expect((try await Call.call(client, .get, "/me/organizations", auth).1 as? [[String: Any]])?.map { $0["id"] as? Int } == [wid])
            #expect(try await Call.call(client, .get, "/workspaces/\(oid)", auth).0 == .forbidden)
            // The entry stays the caller's.
            #expect(try await Call.call(client, .get, "/me/time_entries/\(teid)", auth).0 == .ok)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func preferencesAreKeptAndCheckedPerUser(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, _) = try await API.signup(client, "pat")
            let (status, defaults) = try await Call.call(client, .get, "/me/preferences", auth)
            #expect(status == .ok)
            let d = try #require(defaults as? [String: Any])
            #expect(d["duration_format"] as? String == "improved" && d["send_weekly_report"] as? Bool == false && (d["alpha_features"] as? [Any])?.isEmpty == true)
            let (set, after) = try await Call.call(
                client, .post, "/me/preferences", auth,
                #"{"duration_format": "decimal", "date_format": "YYYY-MM-DD", "alpha_features": [{"code": "x", "enabled": true}]}"#)
            #expect(set == .ok && (after as? [String: Any])?["duration_format"] as? String == "decimal")
            let (_, again) = try await Call.call(client, .get, "/me/preferences", auth)
            let a = try #require(again as? [String: Any])
            #expect(a["date_format"] as? String == "YYYY-MM-DD" && a["timeofday_format"] as? String == "h:mm A")
            #expect((a["alpha_features"] as? [[String: Any]])?.first?["code"] as? String == "x")
            for bad in [#"{"duration_format": "hex"}"#, #"{"send_weekly_report": "yes"}"#, #"{"theme": "dark"}"#, #"{"alpha_features": [{"code": 1}]}"#] {
                #expect(try await Call.call(client, .post, "/me/preferences", auth, bad).0 == .badRequest, "\(bad)")
            }
            // A refused body changes nothing; another user has its own.
            #expect((try await Call.call(client, .get, "/me/preferences", auth).1 as? [String: Any])?["duration_format"] as? String == "decimal")
            let (other, _) = try await API.signup(client, "quinn")
            #expect((try await Call.call(client, .get, "/me/preferences", other).1 as? [String: Any])?["duration_format"] as? String == "improved")
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func featuresWorkspaceUsersAndGroups(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "rae")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let (_, features) = try await Call.call(client, .get, "/me/features", auth)
            let f = try #require(features as? [[String: Any]])
            #expect(f.map { $0["workspace_id"] as? Int } == [wid] && (f.first?["features"] as? [Any])?.isEmpty == true)
            let (_, users) = try await Call.call(client, .get, "/workspaces/\(wid)/workspace_users", auth)
            let u = try #require(users as? [[String: Any]])
            #expect(u.count == 1 && u[0]["user_id"] as? Int == me["id"] as? Int && u[0]["admin"] as? Bool == true && u[0]["email"] as? String == "rae@example.com")
            #expect((try await Call.call(client, .get, "/organizations/\(wid)/groups", auth).1 as? [Any])?.isEmpty == true)
            let (other, _) = try await API.signup(client, "sam")
            #expect(try await Call.call(client, .get, "/workspaces/\(wid)/workspace_users", other).0 == .forbidden)
            #expect(try await Call.call(client, .get, "/organizations/\(wid)/groups", other).0 == .forbidden)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func tagsKnowTheirCreator(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "tess")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let uid = try #require(me["id"] as? Int)
            let (_, posted) = try await Call.call(client, .post, "/workspaces/\(wid)/tags", auth, #"{"name": "posted"}"#)
            #expect((posted as? [String: Any])?["creator_id"] as? Int == uid)
            _ = try await Call.call(
                client, .post, "/workspaces/\(wid)/time_entries", auth,
                #"{"start": "2026-01-01T09:00:00Z", "duration": 60, "workspace_id": \#(wid), "tags": ["named"]}"#)
            let tags = try #require(try await Call.call(client, .get, "/workspaces/\(wid)/tags", auth).1 as? [[String: Any]])
            #expect(tags.map { $0["name"] as? String } == ["named", "posted"])
            #expect(tags.allSatisfy { $0["creator_id"] as? Int == uid })
        }
        try await h.close()
    }
}
