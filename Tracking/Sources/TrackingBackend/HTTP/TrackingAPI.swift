import Hummingbird

/// The HTTP API: `/healthz`, `/readyz` and the Toggl v9-style routes under `/api/v9`, one route
/// collection per resource. Handlers parse, call `TrackingService`, and render; rules live in the
/// service.
public struct TrackingAPI: HTTPResponderBuilder, Sendable {
    public let service: TrackingService
    public let signupEnabled: Bool

    public init(service: TrackingService, signupEnabled: Bool = true) {
        self.service = service
        self.signupEnabled = signupEnabled
    }

    /// The API as the server runs it: log line, error rendering and the database guard around
    /// the router.
    /// (A concrete type, not `some HTTPResponder`: Swift 6.3's optimizer crashed emitting
    /// `BackendServer.application` over the opaque one.)
    public func buildResponder() -> TrackingResponder<RouterResponder<TrackingRequestContext>> {
        let router = router()
        let store = service.store
        let errors = ErrorMiddleware(routes: RouteTable(router), unavailability: { store.unavailability(of: $0) })
        return TrackingResponder(routes: router.buildResponder(), errors: errors, health: store.health)
    }

    /// Every route. The unauthenticated ones go on the router itself; the rest on a group whose
    /// middleware authenticates the caller and whose context carries the user.
    func router() -> Router<TrackingRequestContext> {
        let router = Router(context: TrackingRequestContext.self)
        router.add(middleware: QueryShapeMiddleware())
        PublicRoutes(service: service, signupEnabled: signupEnabled).addRoutes(to: router)
        let api = router.group("api/v9")
            .add(middleware: AuthenticationMiddleware(service: service))
            .group(context: AuthenticatedRequestContext.self)
        MeRoutes(service: service).addRoutes(to: api)
        WorkspaceRoutes(service: service).addRoutes(to: api)
        OrganizationRoutes(service: service).addRoutes(to: api)
        ProjectRoutes(service: service).addRoutes(to: api)
        ClientRoutes(service: service).addRoutes(to: api)
        TagRoutes(service: service).addRoutes(to: api)
        TaskRoutes(service: service).addRoutes(to: api)
        TimeEntryRoutes(service: service).addRoutes(to: api)
        return router
    }
}
