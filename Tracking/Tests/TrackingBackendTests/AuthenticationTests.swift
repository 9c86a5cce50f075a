import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TrackingBackend

/// Authentication is one middleware in front of one route group: every route but liveness,
/// readiness and signup needs a caller, and a missing or wrong credential ends the request
/// before its handler (no body is read, nothing is changed).
@Suite struct AuthenticationTests {
    typealias API = TrackingAPITests

    static let publicRoutes: Set<String> = ["GET /healthz", "GET /readyz", "POST /api/v9/signup"]

    @Test(arguments: StoreKind.available)
    func everyRouteButThePublicOnesNeedsACaller(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let routes = RouteTable(TrackingAPI(service: h.service).router()).all
        try await API.app(h).test(.router) { client in
            let (auth, _) = try await API.signup(client, "ada")
            var checked = 0
            for route in routes where !Self.publicRoutes.contains("\(route.method) \(route.path)") {
                // Every path parameter as an id that exists nowhere.
                let path = route.path.split(separator: "/").map { $0.hasPrefix("{") ? "424242" : String($0) }.joined(separator: "/")
                // No credential, a malformed one, and a token that exists nowhere.
                let wrong: [HTTPFields] = [
                    [:], [.authorization: "Bearer x"], [.authorization: "Basic " + Data("\(String(repeating: "0", count: 32)):api_token".utf8).base64EncodedString()],
                ]
                for headers in wrong {
                    let response = try await client.execute(uri: "/" + path, method: route.method, headers: headers, body: API.body("{}"))
                    #expect(response.status == .forbidden, "\(route.method) \(route.path) answered \(response.status) without a valid credential")
                }
                // With a valid one, a route on the caller's own things runs its handler and is no
                // 403 (all but the token reset, which would end this credential).
                if !route.path.contains("{"), !route.path.hasSuffix("reset_token") {
                    let response = try await client.execute(uri: "/" + path, method: route.method, headers: auth, body: API.body("{}"))
                    #expect(response.status != .forbidden, "\(route.method) \(route.path) refused the caller: \(String(buffer: response.body))")
                }
                checked += 1
            }
            #expect(checked >= 60)
        }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func thePublicRoutesAnswerWithoutACaller(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        try await API.app(h).test(.router) { client in
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
            // Signup runs its handler: a body without an e-mail is the handler's 400, not a 403.
            #expect(try await client.execute(uri: "/api/v9/signup", method: .post, body: API.body("{}")).status == .badRequest)
            // A known path with another method is 405 with Allow, before any authentication.
            let response = try await client.execute(uri: "/api/v9/me", method: .delete)
            #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, PUT")
        }
        try await h.close()
    }
}
