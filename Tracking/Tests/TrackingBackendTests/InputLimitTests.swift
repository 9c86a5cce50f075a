import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import TrackingBackend
import MissionTestSupport

/// Inputs the server refuses the same way on both stores, as docs/api/openapi.yaml says
/// (scripts/api-fuzz checks the whole spec; these pin the cases it found).
@Suite struct InputLimitTests {
    typealias API = TrackingAPITests
    typealias Call = TogglCompatibilityTests

    @Test(arguments: StoreKind.available)
    func nulImpossibleTimesAndTooManyTagsAreRefusedAndNothingIsStored(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "ivy")
            let wid = try #require(me["default_workspace_id"] as? Int)
            let tooManyTags = (0...100).map { "\"t\($0)\"" }.joined(separator: ",")
            for (body, message) in [
                (#"{"start": "2026-01-02T10:00:00Z", "duration": 1, "description": "a\u0000b"}"#, "NUL"),
                (#"{"start": "2026-01-02T10:00:00Z", "duration": 1, "tags": ["x\u0000"]}"#, "NUL"),
                (#"{"start": "0001-01-01T00:00:00Z", "duration": 1}"#, "1970 to 2199"),
                (#"{"start": "9999-12-31T23:59:59Z", "duration": 86400}"#, "1970 to 2199"),
                (#"{"start": "2026-01-02T10:00:00Z", "duration": 9000000000000}"#, "before 2200"),
                (#"{"start": "2026-01-02T10:00:00Z", "duration": 1, "tags": [\#(tooManyTags)]}"#, "at most 100 tags"),
            ] {
                let (status, answer) = try await Call.call(client, .post, "/workspaces/\(wid)/time_entries", auth, body)
                #expect(status == .badRequest, "\(body)")
                #expect(((answer as? [String: Any])?["message"] as? String)?.contains(message) == true, "\(String(describing: answer))")
            }
            #expect((try await Call.call(client, .get, "/me/time_entries", auth).1 as? [Any])?.isEmpty == true)
            #expect(try await Call.call(client, .get, "/workspaces/\(wid)/tags", auth).1 as? [Any] != nil)
            #expect((try await Call.call(client, .get, "/workspaces/\(wid)/tags", auth).1 as? [Any])?.isEmpty == true)
            #expect(try await Call.call(client, .put, "/me", auth, #"{"fullname": "a\u0000"}"#).0 == .badRequest)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func queriesAreReadStrictly(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, _) = try await API.signup(client, "jo")
            for query in ["meta=maybe", "meta=true&meta=true", "start_date=", "since=-1", "=x", "start_date=0001-01-01&end_date=2026-01-01"] {
                #expect(try await Call.call(client, .get, "/me/time_entries?\(query)", auth).0 == .badRequest, "\(query)")
            }
            for query in ["meta=True", "meta=0", "unknown=1", "start_date=2026-01-01&end_date=2026-02-01"] {
                #expect(try await Call.call(client, .get, "/me/time_entries?\(query)", auth).0 == .ok, "\(query)")
            }
            #expect(try await Call.call(client, .get, "/me?with_related_data=null", auth).0 == .badRequest)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func namesAndAddressesFollowTheSpecsPatterns(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            let (auth, me) = try await API.signup(client, "kit")
            let wid = try #require(me["default_workspace_id"] as? Int)
            // Blank means spaces and control characters only, whatever their kind.
            for name in [" ", "\\u001f", "\\u00a0\\u3000", "\\n", "\\u200b", "\\u200b\\u200d\\u2060"] {
                #expect(try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, "{\"name\": \"\(name)\"}").0 == .badRequest, "\(name)")
                #expect(try await Call.call(client, .post, "/workspaces/\(wid)/tags", auth, "{\"name\": \"\(name)\"}").0 == .badRequest, "tag \(name)")
            }
            // Zero-width characters at the ends are trimmed like spaces (issue 29).
            let (tagged, tag) = try await Call.call(client, .post, "/workspaces/\(wid)/tags", auth, #"{"name": "\u200bdeep\u2060"}"#)
            #expect(tagged == .ok && (tag as? [String: Any])?["name"] as? String == "deep")
            let (made, project) = try await Call.call(client, .post, "/workspaces/\(wid)/projects", auth, #"{"name": "  Mars  "}"#)
            #expect(made == .ok && (project as? [String: Any])?["name"] as? String == "Mars")
            // An `@` followed by an emoji modifier is still the `@` (read as Unicode scalars).
            let signup = #"{"email": "a@\ud83c\udffbx.org", "password": "correct horse"}"#
            #expect(try await client.execute(uri: "/api/v9/signup", method: .post, body: API.body(signup)).status == .ok)
            for email in ["a b@x.org", "a@x.org.", "a@.x.org", "a\\u0085@x.org", "a@xorg"] {
                let body = "{\"email\": \"\(email)\", \"password\": \"correct horse\"}"
                #expect(try await client.execute(uri: "/api/v9/signup", method: .post, body: API.body(body)).status == .badRequest, "\(email)")
            }
            #expect(try await Call.call(client, .put, "/me", auth, #"{"email": null}"#).0 == .badRequest)
            // The spec says string: null is refused at signup as on PUT /me (schemathesis' negative pass).
            for field in ["fullname", "timezone"] {
                let body = "{\"email\": \"n-\(field)@x.org\", \"password\": \"correct horse\", \"\(field)\": null}"
                #expect(try await client.execute(uri: "/api/v9/signup", method: .post, body: API.body(body)).status == .badRequest, "\(field)")
            }
            #expect(try await Call.call(client, .put, "/me", auth, #"{"timezone": "GMT+1"}"#).0 == .badRequest)
        }
        try await h.close()
    }

    /// The spec's TimeZone enum is the server's list, so clients and the fuzzer agree with it.
    @Test func theSpecListsTheTimeZonesTheServerAccepts() throws {
        let spec = try String(contentsOfFile: PackagePaths.root + "/docs/api/openapi.yaml", encoding: .utf8)
        let lines = spec.split(separator: "\n")
        let start = try #require(lines.firstIndex { $0 == "    TimeZone:" })
        let enumLine = try #require(lines[start...].first { $0.hasPrefix("      enum: [") })
        let listed = Set(enumLine.dropFirst("      enum: [".count).dropLast().split(separator: ", ").map(String.init))
        #expect(listed == TrackingService.timeZones, "regenerate the enum from TrackingService.timeZones")
        #expect(listed.contains("UTC") && listed.contains("Europe/Berlin"))
    }
}
