import Hummingbird

/// The context of every route that needs a caller: the user is known, not optional, before a
/// handler runs. Made from `TrackingRequestContext` after `AuthenticationMiddleware`.
public struct AuthenticatedRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let user: User

    public init(context: TrackingRequestContext) throws {
        // Only reachable without the middleware in front, which would be a wiring mistake; the
        // answer is then the one a missing credential gets.
        guard let user = context.user else { throw TrackingError.forbidden }
        coreContext = context.coreContext
        self.user = user
    }

    public var maxUploadSize: Int { TrackingRequestContext.bodyLimit }
}
