import Hummingbird

/// `?=x`: a query parameter without a name is a malformed query (400), not one to ignore.
struct QueryShapeMiddleware: RouterMiddleware {
    typealias Context = TrackingRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let query = request.uri.query, Self.hasNamelessParameter(query) {
            throw TrackingError.bad("the query has a parameter without a name")
        }
        return try await next(request, context)
    }

    static func hasNamelessParameter(_ query: String) -> Bool {
        query.split(separator: "&", omittingEmptySubsequences: false).contains { $0.hasPrefix("=") }
    }
}
