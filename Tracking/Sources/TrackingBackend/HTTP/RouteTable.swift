import HTTPTypes
import Hummingbird

/// The API's path patterns and their methods, so that a known path with the wrong method is
/// answered 405 with `Allow` (Hummingbird's router alone answers 404).
struct RouteTable: Sendable {
    private let routes: [(method: HTTPRequest.Method, segments: [Substring])]

    /// The router's routes, once every one is added.
    init(_ router: Router<TrackingRequestContext>) {
        routes = router.routes.map { ($0.method, $0.path.description.split(separator: "/")) }
    }

    /// Every route, as registered (`{name}` for a path parameter, as in the OpenAPI spec).
    var all: [(method: HTTPRequest.Method, path: String)] {
        routes.map { ($0.method, "/" + $0.segments.joined(separator: "/")) }
    }

    /// The methods registered for a concrete request path.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let parts = path.split(separator: "/")
        return routes.filter { route in
            route.segments.count == parts.count
                && zip(route.segments, parts).allSatisfy { pattern, part in pattern.hasPrefix("{") || pattern == part }
        }.map(\.method)
    }
}
