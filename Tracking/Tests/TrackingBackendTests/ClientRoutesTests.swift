import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TrackingBackend
import MissionTestSupport

/// Workspace clients (`/workspaces/{wid}/clients`), projects' `client_id`, the member list, and
/// the spec listing every route, as command-line clients such as togglCli use them.
@Suite struct ClientRoutesTests {
    typealias API = TrackingAPITests
    typealias Call = TogglCompatibilityTests

    @Test(arguments: StoreKind.available)
    func clientsLifecycleWithProjectsAndEntries(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "cleo")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let (status, created) = try await Call.call(client, .post, "/workspaces/\(wid)/clients", auth, #"{"name": " Acme ", "notes": "n"}"#)
            #expect(status == .ok)
            let acme = try #require(created as? [String: Any])
            let cid = try #require(acme["id"] as? Int)
            #expect(acme["name"] as? String == "Acme" && acme["wid"] as? Int == wid && acme["archived"] as? Bool == false)
            #expect(acme["creator_id"] as? Int == me["id"] as? Int && acme["notes"] as? String == "n")
            #expect(try await Call.call(client, .post, "/workspaces/\(wid)/clients", auth, #"{"name": "Acme"}"#).0 == .conflict)
            #expect(try await Call.call(client, .post, "/workspaces/\(wid)/clients", auth, #"{"name": "  "}"#).0 == .badRequest)

            // A project for the client; its entries name the client with meta=true.
            let (_, projectJSON) = try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "Site", "client_id": \#(cid)}"#)
            let project = try #require(projectJSON as? [String: Any])
            let pid = try #require(project["id"] as? Int)
            #expect(project["client_id"] as? Int == cid && project["cid"] as? Int == cid)
            _ = try await Call.call(
                client, .post, "/workspaces/\(wid)/time_entries", auth,
                #"{"start": "2026-01-01T09:00:00Z", "duration": 60, "project_id": \#(pid), "workspace_id": \#(wid)}"#)
            let (_, listed) = try await Call.call(client, .get, "/me/time_entries?meta=true", auth)
            #expect((listed as? [[String: Any]])?.first?["client_name"] as? String == "Acme")

            // Rename, clear notes; the list and the single read agree.
            let (_, renamed) = try await Call.call(client, .put, "/workspaces/\(wid)/clients/\(cid)", auth, #"{"name": "Acme Ltd", "notes": null}"#)
            #expect((renamed as? [String: Any])?["name"] as? String == "Acme Ltd")
            #expect((renamed as? [String: Any])?["notes"] is NSNull)
            let (_, one) = try await Call.call(client, .get, "/workspaces/\(wid)/clients/\(cid)", auth)
            #expect((one as? [String: Any])?["name"] as? String == "Acme Ltd")

            // Archive takes the project with it; restore brings back what it is told to.
            let (_, archived) = try await Call.call(client, .post, "/workspaces/\(wid)/clients/\(cid)/archive", auth)
            #expect(archived as? [Int] == [pid])
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)/projects/\(pid)", auth).1 as? [String: Any])?["active"] as? Bool == false)
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)/clients", auth).1 as? [Any])?.isEmpty == true)
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)/clients?status=archived", auth).1 as? [Any])?.count == 1)
            #expect(try await Call.call(client, .get, "/workspaces/\(wid)/clients?status=gone", auth).0 == .badRequest)
            let (_, restored) = try await Call.call(
                client, .post, "/workspaces/\(wid)/clients/\(cid)/restore", auth, #"{"restore_all_projects": true}"#)
            #expect((restored as? [String: Any])?["archived"] as? Bool == false)
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)/projects/\(pid)", auth).1 as? [String: Any])?["active"] as? Bool == true)
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)/clients?name=ltd", auth).1 as? [Any])?.count == 1)
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)/clients?name=zzz", auth).1 as? [Any])?.isEmpty == true)

            // Another user cannot see or use the client.
            let (other, otherMe) = try await API.signup(client, "dana")
            let otherWID = try #require(otherMe["default_workspace_id"] as? Int)
            #expect(try await Call.call(client, .get, "/workspaces/\(wid)/clients/\(cid)", other).0 == .forbidden)
            #expect(try await Call.call(client, .get, "/workspaces/\(otherWID)/clients/\(cid)", other).0 == .notFound)
            #expect(
                try await Call.call(client, .post, "/workspaces/\(otherWID)/projects", other, #"{"name": "P", "client_id": \#(cid)}"#).0
                    == .notFound)
            #expect((try await Call.call(client, .get, "/me/clients", other).1 as? [Any])?.isEmpty == true)

            // Deleting the client keeps its project, without a client.
            #expect(try await Call.call(client, .delete, "/workspaces/\(wid)/clients/\(cid)", auth).0 == .ok)
            let (_, after) = try await Call.call(client, .get, "/workspaces/\(wid)/projects/\(pid)", auth)
            #expect((after as? [String: Any])?["client_id"] is NSNull)
            #expect(try await Call.call(client, .get, "/workspaces/\(wid)/clients/\(cid)", auth).0 == .notFound)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func projectClientCanBeSetByLegacyCidAndRemoved(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "eve")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let cid = try #require((try await Call.call(client, .post, "/workspaces/\(wid)/clients", auth, #"{"name": "C"}"#).1 as? [String: Any])?["id"] as? Int)
            let pid = try #require((try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "P"}"#).1 as? [String: Any])?["id"] as? Int)
            let (_, set) = try await Call.call(client, .put, "/workspaces/\(wid)/projects/\(pid)", auth, #"{"cid": \#(cid)}"#)
            #expect((set as? [String: Any])?["client_id"] as? Int == cid)
            let (_, cleared) = try await Call.call(client, .put, "/workspaces/\(wid)/projects/\(pid)", auth, #"{"client_id": null}"#)
            #expect((cleared as? [String: Any])?["client_id"] is NSNull)
            #expect(try await Call.call(client, .put, "/workspaces/\(wid)/projects/\(pid)", auth, #"{"client_id": "x"}"#).0 == .badRequest)
        }
        try await h.close()
    }

    /// The database's unique constraints answer, with one message per rule on both stores.
    @Test(arguments: StoreKind.available)
    func takenNamesAndEmailsAnswer409WithTheSameMessage(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "hana")
            _ = try await API.signup(client, "ivan")
            let wid = try #require(me["default_workspace_id"] as? Int)
            func message(_ answer: Any?) -> String? { (answer as? [String: Any])?["message"] as? String }
            _ = try await Call.call(client, .post, "/workspaces/\(wid)/clients", auth, #"{"name": "Acme"}"#)
            let (_, beta) = try await Call.call(client, .post, "/workspaces/\(wid)/clients", auth, #"{"name": "Beta"}"#)
            let betaID = try #require((beta as? [String: Any])?["id"] as? Int)
            for (method, path, body) in [
                (HTTPRequest.Method.post, "/workspaces/\(wid)/clients", #"{"name": "Acme"}"#),
                (.put, "/workspaces/\(wid)/clients/\(betaID)", #"{"name": "Acme"}"#),
            ] {
                let (status, answer) = try await Call.call(client, method, path, auth, body)
                #expect(status == .conflict && message(answer) == "a client with this name already exists in the workspace", "\(method) \(path)")
            }
            let (status, answer) = try await Call.call(client, .put, "/me", auth, #"{"email": "ivan@example.com"}"#)
            #expect(status == .conflict && message(answer) == "a user with this email already exists")
            #expect((try await Call.call(client, .get, "/me", auth).1 as? [String: Any])?["email"] as? String == "hana@example.com")
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func workspaceUsersListsMembersAndProjectUsersIsEmpty(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "finn")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let (status, users) = try await Call.call(client, .get, "/workspaces/\(wid)/users", auth)
            #expect(status == .ok)
            let list = try #require(users as? [[String: Any]])
            #expect(list.count == 1 && list[0]["email"] as? String == "finn@example.com" && list[0]["role"] as? String == "admin")
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)/project_users", auth).1 as? [Any])?.isEmpty == true)
            let (other, _) = try await API.signup(client, "gus")
            #expect(try await Call.call(client, .get, "/workspaces/\(wid)/users", other).0 == .forbidden)
        }
        try await h.close()
    }

    /// Every route the server registers is in docs/api/openapi.yaml, with its method, so the
    /// fuzzer (scripts/api-fuzz) reaches it and clients can read it.
    @Test func theSpecDocumentsEveryRoute() async throws {
        let h = try await Harness(.sqlite)
        let table = RouteTable(TrackingAPI(service: h.service).router())
        try await h.close()
        let spec = try String(contentsOfFile: PackagePaths.root + "/docs/api/openapi.yaml", encoding: .utf8)
        // The spec's layout: a path at two spaces' indent under `paths:`, its methods at four.
        var paths: [String: Set<String>] = [:]
        var current: String?
        for line in spec.split(separator: "\n") {
            if line.hasPrefix("  /") && line.hasSuffix(":") {
                current = String(line.dropFirst(2).dropLast())
            } else if let path = current, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                paths[path, default: []].insert(String(line.dropFirst(4).dropLast()))
            } else if !line.hasPrefix(" ") {
                current = nil
            }
        }
        #expect(paths["/api/v9/me"]?.contains("get") == true)
        #expect(table.all.count > 40)
        for route in table.all {
            #expect(paths[route.path]?.contains(route.method.rawValue.lowercased()) == true, "\(route.method) \(route.path) is not in docs/api/openapi.yaml")
        }
    }
}
