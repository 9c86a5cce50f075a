import HTTPTypes
import Hummingbird

/// Domain errors are Hummingbird response errors: any middleware or handler can render one the
/// same way, as `{"message": "…"}` with its status.
extension TrackingError: HTTPResponseError {
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: code) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = ErrorMiddleware.json(status: status, message: message)
        // A body over the limit is never read to its end, so the connection cannot carry another request.
        if kind == .payloadTooLarge { response.headers[.connection] = "close" }
        return response
    }
}
