import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import TrackingBackend

/// The API over HTTP: in-process (`.router`) for most tests, a real socket (`.live`) for the
/// concurrency rule.
@Suite struct TrackingAPITests {
    static func app(_ h: Harness, signup: Bool = true) -> some ApplicationProtocol {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        return BackendServer.application(service: h.service, host: "127.0.0.1", port: 0, signupEnabled: signup, logger: logger)
    }

    static func body(_ s: String) -> ByteBuffer { ByteBuffer(string: s) }

    static func json(_ buffer: ByteBuffer) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView), options: [.fragmentsAllowed])
    }

    /// Signs up and returns (auth header, user JSON).
    static func signup(_ client: some TestClientProtocol, _ name: String) async throws -> (HTTPFields, [String: Any]) {
        let response = try await client.execute(
            uri: "/api/v9/signup", method: .post,
            body: body("{\"email\": \"\(name)@example.com\", \"password\": \"correct horse\", \"fullname\": \"\(name)\"}"))
        #expect(response.status == .ok)
        let me = try #require(json(response.body) as? [String: Any])
        let token = try #require(me["api_token"] as? String)
        let auth = "Basic " + Data("\(token):api_token".utf8).base64EncodedString()
        return ([.authorization: auth], me)
    }

    @Test(arguments: StoreKind.available)
    func authSignupAndMe(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await Self.app(h).test(.router) { client in
            #expect(try await client.execute(uri: "/api/v9/me", method: .get).status == .forbidden)
            let bad = "Basic " + Data("nobody@example.com:wrong".utf8).base64EncodedString()
            #expect(try await client.execute(uri: "/api/v9/me", method: .get, headers: [.authorization: bad]).status == .forbidden)
            let (auth, me) = try await Self.signup(client, "alice")
            let token = try #require(me["api_token"] as? String)
            #expect(token.count == 32)
            for key in ["id", "email", "fullname", "default_workspace_id", "timezone", "beginning_of_week", "created_at", "updated_at", "at"] {
                #expect(me[key] != nil, "missing \(key)")
            }
            let byToken = try await client.execute(uri: "/api/v9/me", method: .get, headers: auth)
            #expect(byToken.status == .ok)
            let password = "Basic " + Data("alice@example.com:correct horse".utf8).base64EncodedString()
            let byPassword = try await client.execute(uri: "/api/v9/me", method: .get, headers: [.authorization: password])
            #expect((Self.json(byPassword.body) as? [String: Any])?["api_token"] as? String == token)
            // Two Authorization headers, even two valid ones, are refused rather than one picked.
            var twice = auth
            twice.append(HTTPField(name: .authorization, value: password))
            #expect(try await client.execute(uri: "/api/v9/me", method: .get, headers: twice).status == .forbidden)
            let dup = try await client.execute(
                uri: "/api/v9/signup", method: .post, body: Self.body("{\"email\": \"alice@example.com\", \"password\": \"correct horse\"}"))
            #expect(dup.status == .conflict)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func timerRulesOverHTTP(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await Self.app(h).test(.router) { client in
            let (auth, me) = try await Self.signup(client, "bob")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let idle = try await client.execute(uri: "/api/v9/me/time_entries/current", method: .get, headers: auth)
            #expect(idle.status == .ok && String(buffer: idle.body) == "null")

            let ws2 = try await client.execute(uri: "/api/v9/workspaces", method: .post, headers: auth, body: Self.body("{\"name\": \"Two\"}"))
            let wid2 = try #require((Self.json(ws2.body) as? [String: Any])?["id"] as? Int)
            let started = try await client.execute(
                uri: "/api/v9/workspaces/\(wid)/time_entries", method: .post, headers: auth,
                body: Self.body("{\"start\": \"2026-01-02T10:00:00Z\", \"description\": \"a\", \"workspace_id\": 999, \"user_id\": 999}"))
            #expect(started.status == .ok)
            let entry = try #require(Self.json(started.body) as? [String: Any])
            #expect(entry["workspace_id"] as? Int == wid && entry["wid"] as? Int == wid)  // the path wins over the body
            #expect(entry["stop"] is NSNull && entry["duration"] as? Int == -1_767_348_000)
            for key in ["id", "user_id", "uid", "project_id", "pid", "task_id", "tid", "billable", "duronly", "tags", "tag_ids", "at", "server_deleted_at"] {
                #expect(entry[key] != nil, "missing \(key)")
            }
            let second = try await client.execute(
                uri: "/api/v9/workspaces/\(wid2)/time_entries", method: .post, headers: auth,
                body: Self.body("{\"start\": \"2026-01-02T11:00:00Z\"}"))
            #expect(second.status == .conflict)
            #expect((Self.json(second.body) as? [String: Any])?["message"] as? String == TrackingError.runningConflict.message)
            let current = try await client.execute(uri: "/api/v9/me/time_entries/current", method: .get, headers: auth)
            #expect((Self.json(current.body) as? [String: Any])?["id"] as? Int == entry["id"] as? Int)

            let bad = try await client.execute(
                uri: "/api/v9/workspaces/\(wid2)/time_entries", method: .post, headers: auth,
                body: Self.body("{\"start\": \"2026-01-02T11:00:00Z\", \"stop\": \"2026-01-02T10:00:00Z\"}"))
            #expect(bad.status == .badRequest)
            #expect((Self.json(bad.body) as? [String: Any])?["message"] as? String == TrackingError.stopBeforeStart.message)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func stopContinueCatalogAndSoftDeleteOverHTTP(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await Self.app(h).test(.router) { client in
            let (auth, me) = try await Self.signup(client, "erin")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let base = "/api/v9/workspaces/\(wid)"
            // Rule 3: stop sets stop and duration; stopping again is 409 and changes nothing.
            let started = try await client.execute(uri: base + "/time_entries", method: .post, headers: auth, body: Self.body("{\"start\": \"2026-01-01T11:00:00Z\", \"tags\": [\"a\"]}"))
            let id = try #require((Self.json(started.body) as? [String: Any])?["id"] as? Int)
            let stopped = try await client.execute(uri: base + "/time_entries/\(id)/stop", method: .patch, headers: auth)
            let stoppedEntry = try #require(Self.json(stopped.body) as? [String: Any])
            #expect(stopped.status == .ok && stoppedEntry["stop"] as? String == "2026-01-01T12:00:00+00:00" && stoppedEntry["duration"] as? Int == 3600)
            let again = try await client.execute(uri: base + "/time_entries/\(id)/stop", method: .patch, headers: auth)
            #expect(again.status == .conflict)
            // Rule 5: continue copies, the original stays.
            let continued = try await client.execute(uri: base + "/time_entries/\(id)/continue", method: .post, headers: auth)
            let copy = try #require(Self.json(continued.body) as? [String: Any])
            #expect(continued.status == .ok && copy["id"] as? Int != id && copy["stop"] is NSNull && copy["tags"] as? [String] == ["a"])
            let original = try await client.execute(uri: "/api/v9/me/time_entries/\(id)", method: .get, headers: auth)
            #expect(String(buffer: original.body) == String(buffer: stopped.body))
            // Rule 7: project and task ids must belong to the workspace; task_id needs project_id.
            let project = try await client.execute(uri: base + "/projects", method: .post, headers: auth, body: Self.body("{\"name\": \"P\"}"))
            let pid = try #require((Self.json(project.body) as? [String: Any])?["id"] as? Int)
            let task = try await client.execute(uri: base + "/projects/\(pid)/tasks", method: .post, headers: auth, body: Self.body("{\"name\": \"T\"}"))
            let tid = try #require((Self.json(task.body) as? [String: Any])?["id"] as? Int)
            let noProject = try await client.execute(
                uri: base + "/time_entries", method: .post, headers: auth, body: Self.body("{\"start\": \"2026-01-01T08:00:00Z\", \"duration\": 60, \"task_id\": \(tid)}"))
            #expect(noProject.status == .badRequest)
            let wrongProject = try await client.execute(
                uri: base + "/time_entries", method: .post, headers: auth, body: Self.body("{\"start\": \"2026-01-01T08:00:00Z\", \"duration\": 60, \"project_id\": 987654}"))
            #expect(wrongProject.status == .badRequest)
            let good = try await client.execute(
                uri: base + "/time_entries", method: .post, headers: auth,
                body: Self.body("{\"start\": \"2026-01-01T08:00:00Z\", \"duration\": 60, \"project_id\": \(pid), \"task_id\": \(tid)}"))
            #expect(good.status == .ok && (Self.json(good.body) as? [String: Any])?["tid"] as? Int == tid)
            // Rule 8: delete is soft: gone from lists and current, reported by `since`.
            let copyID = try #require(copy["id"] as? Int)
            let deleted = try await client.execute(uri: base + "/time_entries/\(copyID)", method: .delete, headers: auth)
            #expect(deleted.status == .ok)
            let current = try await client.execute(uri: "/api/v9/me/time_entries/current", method: .get, headers: auth)
            #expect(String(buffer: current.body) == "null")
            let list = try await client.execute(uri: "/api/v9/me/time_entries", method: .get, headers: auth)
            #expect(((Self.json(list.body) as? [[String: Any]]) ?? []).allSatisfy { $0["id"] as? Int != copyID })
            let sync = try await client.execute(uri: "/api/v9/me/time_entries?since=0", method: .get, headers: auth)
            let synced = ((Self.json(sync.body) as? [[String: Any]]) ?? []).first { $0["id"] as? Int == copyID }
            #expect(synced?["server_deleted_at"] is String)
        }
        try await h.close()
    }

    @Test func badInputRoutesAndMethods() async throws {
        let h = try await Harness(.sqlite)
        try await Self.app(h).test(.router) { client in
            let (auth, me) = try await Self.signup(client, "carol")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let cases: [(String, String)] = [
                ("{}", "start is required"), ("not json", "not valid JSON"), ("[1]", "JSON object"),
                ("{\"start\": \"tomorrow\"}", "start must be an RFC 3339"), ("{\"start\": \"2026-01-02T10:00:00Z\", \"billable\": \"yes\"}", "billable"),
                ("{\"start\": \"2026-01-02T10:00:00Z\", \"duration\": 1.5}", "duration must be an integer"),
            ]
            for (body, message) in cases {
                let r = try await client.execute(uri: "/api/v9/workspaces/\(wid)/time_entries", method: .post, headers: auth, body: Self.body(body))
                #expect(r.status == .badRequest, "\(body)")
                #expect(((Self.json(r.body) as? [String: Any])?["message"] as? String)?.contains(message) == true, "\(body)")
            }
            let big = "{\"start\": \"2026-01-02T10:00:00Z\", \"description\": \"" + String(repeating: "x", count: 1_100_000) + "\"}"
            let tooLarge = try await client.execute(uri: "/api/v9/workspaces/\(wid)/time_entries", method: .post, headers: auth, body: Self.body(big))
            #expect(tooLarge.status == .contentTooLarge)
            let unknown = try await client.execute(uri: "/api/v9/nothing-here", method: .get, headers: auth)
            #expect(unknown.status == .notFound && (Self.json(unknown.body) as? [String: Any])?["message"] != nil)
            let wrongMethod = try await client.execute(uri: "/api/v9/me", method: .delete, headers: auth)
            #expect(wrongMethod.status == .methodNotAllowed && wrongMethod.headers[.allow] == "GET, PUT")
            let notMine = try await client.execute(uri: "/api/v9/workspaces/424242/time_entries", method: .post, headers: auth, body: Self.body("{}"))
            #expect(notMine.status == .forbidden)
            let badID = try await client.execute(uri: "/api/v9/me/time_entries/abc", method: .get, headers: auth)
            #expect(badID.status == .notFound)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
        }
        try await h.close()
    }

    @Test func signupCanBeDisabled() async throws {
        let h = try await Harness(.sqlite)
        try await Self.app(h, signup: false).test(.router) { client in
            let r = try await client.execute(
                uri: "/api/v9/signup", method: .post, body: Self.body("{\"email\": \"d@example.com\", \"password\": \"correct horse\"}"))
            #expect(r.status == .forbidden)
        }
        try await h.close()
    }

    @Test func readyzIs503WhenTheDatabaseIsGone() async throws {
        let h = try await Harness(.sqlite)
        try await h.testStore.store.close()
        try await Self.app(h).test(.router) { client in
            let ready = try await client.execute(uri: "/readyz", method: .get)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect(health.status == .ok)
        }
    }

    @Test(arguments: StoreKind.available)
    func twoHundredConcurrentStartsOverASocket(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await Self.app(h).test(.live) { client in
            let (auth, me) = try await Self.signup(client, "dave")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for i in 0..<200 {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/v9/workspaces/\(wid)/time_entries", method: .post, headers: auth,
                            body: Self.body("{\"start\": \"2026-01-02T10:\(String(format: "%02d", i % 60)):00Z\"}")
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 199)
            let list = try await client.execute(uri: "/api/v9/me/time_entries", method: .get, headers: auth)
            #expect((Self.json(list.body) as? [Any])?.count == 1)
        }
        try await h.close()
    }
}
