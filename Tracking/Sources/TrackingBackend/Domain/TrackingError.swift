/// A domain error with the HTTP status it maps to. Routes throw these, and they render themselves
/// as `{"message": "…"}` (Hummingbird's `HTTPResponseError`, in `TrackingError+HTTP.swift`), so no
/// route builds an error response by hand. Start-up problems are `ConfigurationError`s instead.
public struct TrackingError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case badRequest, forbidden, notFound, conflict, payloadTooLarge, tooManyRequests, unavailable
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The HTTP status code.
    public var code: Int {
        switch kind {
        case .badRequest: 400
        case .forbidden: 403
        case .notFound: 404
        case .conflict: 409
        case .payloadTooLarge: 413
        case .tooManyRequests: 429
        case .unavailable: 503
        }
    }

    static func bad(_ message: String) -> TrackingError { TrackingError(.badRequest, message) }

    /// The fixed messages of the timer rules (clients and the regression suite match on them).
    public static let runningConflict = TrackingError(
        .conflict, "another time entry is already running for this user; stop it before starting a new one")
    public static let stopBeforeStart = TrackingError(.badRequest, "stop must not be before start")
    public static let durationMismatch = TrackingError(.badRequest, "duration does not match stop - start")
    public static let alreadyStopped = TrackingError(.conflict, "time entry is already stopped")
    public static let entryNotFound = TrackingError(.notFound, "time entry not found")
    public static let forbidden = TrackingError(.forbidden, "incorrect credentials or no access to this workspace")
    public static let bodyTooLarge = TrackingError(.payloadTooLarge, "request body is larger than 1 MB")
    public static let taskWithoutProject = TrackingError(.badRequest, "task_id requires project_id")
}
