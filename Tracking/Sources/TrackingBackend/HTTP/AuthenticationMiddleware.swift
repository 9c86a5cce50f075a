import HTTPTypes
import Hummingbird

/// Checks the caller's credentials (HTTP Basic: e-mail and password, or token and `api_token`)
/// and puts the user into the context; a request without valid ones ends here with 403.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = TrackingRequestContext
    let service: TrackingService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.user = try await service.authenticate(authorization: Self.authorization(request.headers), address: context.remoteAddress)
        return try await next(request, context)
    }

    /// The `Authorization` value; two of them read as one invalid value, as HTTP would join them.
    /// (Not `headers[.authorization]`, which joins even a single value into a new String.)
    static func authorization(_ headers: HTTPFields) -> String? {
        var value: String?
        for field in headers where field.name == .authorization {
            guard value == nil else { return "" }
            value = field.value
        }
        return value
    }
}
