import Foundation
import HTTPTypes

/// The API's path patterns and their methods, kept so a known path with the wrong method can be
/// answered 405 with `Allow` (Hummingbird's router alone answers 404).
///
/// A reference type: the error middleware must be installed before the routes (Hummingbird
/// applies middleware to routes added after it), and it sees the routes as they are added.
final class RouteTable: @unchecked Sendable {
    private var routes: [(method: HTTPRequest.Method, segments: [Substring])] = []
    private let lock = NSLock()

    func add(_ method: HTTPRequest.Method, _ path: String) {
        lock.withLock { routes.append((method, path.split(separator: "/"))) }
    }

    /// Every route, as registered (`:name` for a path parameter).
    var all: [(method: HTTPRequest.Method, path: String)] {
        lock.withLock { routes }.map { ($0.method, "/" + $0.segments.joined(separator: "/")) }
    }

    /// The methods registered for a concrete request path.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let parts = path.split(separator: "/")
        return lock.withLock { routes }.filter { route in
            route.segments.count == parts.count
                && zip(route.segments, parts).allSatisfy { pattern, part in pattern.hasPrefix(":") || pattern == part }
        }.map(\.method)
    }
}
