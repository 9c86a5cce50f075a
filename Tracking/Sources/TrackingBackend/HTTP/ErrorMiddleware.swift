import Foundation
import HTTPTypes
import Hummingbird
import MissionJSON
import NIOCore
import NIOHTTP1

/// Renders every error as `{"message": "…"}` with its status, in one place, around the router
/// (`TrackingResponder`): a route that does not exist is 404, or 405 with `Allow` when the path
/// exists with other methods. Domain errors render themselves (`TrackingError+HTTP`), inside the
/// router too. A store error that means the database cannot be reached answers 503; other unknown
/// errors are logged and answered 500 without details; input never reaches that path by design.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = TrackingRequestContext
    let routes: RouteTable
    /// The store's `unavailability(of:)`.
    let unavailability: @Sendable (any Error) -> TrackingError?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            if response.status == .notFound, response.body.contentLength == 0 || response.body.contentLength == nil {
                return notFoundOr405(request)
            }
            return response
        } catch let error as TrackingError {
            return try error.response(from: request, context: context)
        } catch let error where Self.isClientGone(error) {
            // The client went away mid-request: nobody reads this answer, and it is no server error.
            context.logger.info("client closed the connection before its request was complete")
            return Self.json(status: .badRequest, message: "the request ended before its body was complete")
        } catch let error as HTTPError {
            if error.status == .notFound { return notFoundOr405(request) }
            return Self.json(status: error.status, message: error.body ?? error.status.reasonPhrase)
        } catch {
            if let unavailable = unavailability(error) {
                context.logger.error("database unavailable: \(PostgresErrorText.describe(error))")
                return Self.json(status: .serviceUnavailable, message: unavailable.message)
            }
            context.logger.error("internal error: \(PostgresErrorText.describe(error))")
            return Self.json(status: .internalServerError, message: "internal error")
        }
    }

    /// A body cut short by the client closing (the parser's unexpected end of stream), or a
    /// channel that is already closed.
    static func isClientGone(_ error: any Error) -> Bool {
        if let parser = error as? HTTPParserError { return parser == .invalidEOFState || parser == .closedConnection }
        if let channel = error as? ChannelError { return channel == .ioOnClosedChannel || channel == .eof || channel == .alreadyClosed }
        return false
    }

    func notFoundOr405(_ request: Request) -> Response {
        let allowed = routes.methods(for: request.uri.path)
        guard !allowed.isEmpty else { return Self.json(status: .notFound, message: "no such route: \(request.uri.path)") }
        var response = Self.json(
            status: .methodNotAllowed, message: "\(request.method.rawValue) is not allowed on \(request.uri.path)")
        response.headers[.allow] = Set(allowed.map(\.rawValue)).sorted().joined(separator: ", ")
        return response
    }

    static func json(status: HTTPResponse.Status, message: String) -> Response {
        JSONResponse.make(.object([("message", .string(message))]), status: status)
    }
}

/// JSON response bodies.
enum JSONResponse {
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        make(utf8: value.utf8(), status: status)
    }

    /// A body already rendered as JSON.
    static func make(utf8 body: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
