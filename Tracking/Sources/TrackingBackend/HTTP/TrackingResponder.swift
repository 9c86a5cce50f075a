import Hummingbird

/// The whole API as one responder: the request's log line, then error rendering, then the
/// database guard, then the router.
///
/// The guard sits outside the router because it must answer 503 while a handler still waits on
/// the database; a middleware's `next` may not outlive the middleware's call, and this guard
/// leaves the abandoned handler to finish on its own.
public struct TrackingResponder<Routes: HTTPResponder>: HTTPResponder where Routes.Context == TrackingRequestContext {
    let routes: Routes
    let errors: ErrorMiddleware
    let health: DatabaseHealth?
    let log = RequestLogMiddleware()

    public func respond(to request: Request, context: TrackingRequestContext) async throws -> Response {
        try await log.handle(request, context: context) { request, context in
            try await errors.handle(request, context: context) { request, context in
                try await guarded(request, context)
            }
        }
    }

    private func guarded(_ request: Request, _ context: TrackingRequestContext) async throws -> Response {
        guard let health else { return try await routes.respond(to: request, context: context) }
        // In an outage the answer may leave before the handler ends, so the handler must not
        // read the body from the connection then: it is read first.
        var request = request
        if request.headers[.contentLength] != nil || request.headers[.transferEncoding] != nil {
            _ = try await RequestJSON.body(&request, context: context)
        }
        let (ready, routes) = (request, routes)
        return try await health.guarded { try await routes.respond(to: ready, context: context) }
    }
}
