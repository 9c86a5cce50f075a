import Hummingbird
import MissionJSON
import NIOCore

/// The routes that need no caller: liveness, readiness and signup.
struct PublicRoutes: Sendable {
    typealias Context = TrackingRequestContext
    let service: TrackingService
    let signupEnabled: Bool

    func addRoutes(to router: some RouterMethods<Context>) {
        router.get("healthz", use: live)
        router.get("readyz", use: ready)
        router.post("api/v9/signup", use: signup)
    }

    /// Plain text, no database: liveness only (and the benchmark's baseline route).
    @Sendable func live(_ request: Request, context: Context) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
    }

    @Sendable func ready(_ request: Request, context: Context) async throws -> Response {
        do {
            try await service.store.ping()
            return JSONResponse.make(.object([("status", .string("ready"))]))
        } catch {
            // The cause when the store names one (a full disk), else the database is unreachable.
            let cause = (error as? TrackingError).map(\.message) ?? "database unreachable"
            return JSONResponse.make(.object([("status", .string("unavailable")), ("message", .string(cause))]), status: .serviceUnavailable)
        }
    }

    @Sendable func signup(_ request: Request, context: Context) async throws -> Response {
        guard signupEnabled else { throw TrackingError(.forbidden, "signup is disabled on this server") }
        let body = try await RequestJSON.read(request, context: context)
        guard let email = try body.string("email").value else { throw TrackingError.bad("email is required") }
        guard let password = try body.string("password").value else { throw TrackingError.bad("password is required") }
        let (user, token) = try await service.signup(
            email: email, password: password, fullname: try body.optionalString("fullname"), timezone: try body.optionalString("timezone"))
        return JSONResponse.make(TogglJSON.me(user, token: token, accountID: service.credentials.accountID(userID: user.id)))
    }
}
