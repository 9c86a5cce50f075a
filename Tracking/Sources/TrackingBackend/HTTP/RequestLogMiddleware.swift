import Hummingbird
import Logging

/// One log line per request: method, path, status, duration. Never headers or bodies, so no
/// credential ever reaches the log.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = TrackingRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", ms))ms")
        return response
    }
}
