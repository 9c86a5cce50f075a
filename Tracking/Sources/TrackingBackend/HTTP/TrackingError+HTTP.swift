import HTTPTypes
import Hummingbird

/// Domain errors are Hummingbird response errors: any middleware or handler can render one the
/// same way, as `{"message": "…"}` with its status.
extension TrackingError: HTTPResponseError {
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: code) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        ErrorMiddleware.json(status: status, message: message)
    }
}
