import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request and what came back, kept so a failing scenario can show both.
public struct HTTPExchange: Sendable {
    public var method: String
    public var path: String
    public var requestBody: String?
    public var status: Int
    public var body: String

    /// The body decoded as JSON (nil when it is not JSON).
    public var json: Any? {
        try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed])
    }

    public var object: [String: Any]? { json as? [String: Any] }
    public var array: [[String: Any]]? { json as? [[String: Any]] }

    public var summary: String {
        var s = "sent: \(method) \(path)"
        if let requestBody { s += " \(requestBody.prefix(300))" }
        s += "\nreceived: \(status) \(body.prefix(500))"
        return s
    }
}

/// A scenario's failure: what was expected, and the exchange that showed otherwise.
public struct ScenarioFailure: Error, Sendable, CustomStringConvertible {
    public var expected: String
    public var exchange: HTTPExchange?

    public init(_ expected: String, _ exchange: HTTPExchange? = nil) {
        self.expected = expected
        self.exchange = exchange
    }

    public var description: String {
        guard let exchange else { return "expected \(expected)" }
        return "expected \(expected)\n\(exchange.summary)"
    }
}

/// The server could not be reached at all (exit code 2, not a failed assertion).
public struct ServerUnreachable: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A minimal HTTP client for the suite (Foundation's URLSession: no extra dependency).
public final class SuiteClient: @unchecked Sendable {
    public let baseURL: URL
    let session: URLSession

    public init(baseURL: URL) {
        self.baseURL = baseURL
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = 30
        config.httpMaximumConnectionsPerHost = 64
        session = URLSession(configuration: config)
    }

    public func send(_ method: String, _ path: String, auth: String? = nil, json: String? = nil) async throws -> HTTPExchange {
        guard let url = URL(string: path, relativeTo: baseURL) else { throw ScenarioFailure("a valid URL for \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let auth { request.setValue(auth, forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(json.utf8)
        }
        do {
            let (data, response) = try await session.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            return HTTPExchange(method: method, path: path, requestBody: json, status: status, body: String(decoding: data, as: UTF8.self))
        } catch {
            throw ServerUnreachable(message: "\(method) \(url.absoluteString): \(error.localizedDescription)")
        }
    }
}
