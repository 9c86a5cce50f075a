import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

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
    /// The server answered, but not as the tracking API does (a 404 from another service).
    public var answered = false
    public var description: String { message }

    /// What the user reads: "unreachable" only when nothing answered.
    public var summary: String { (answered ? "not the tracking API: " : "server unreachable: ") + message }
}

/// The suite's HTTP client, on AsyncHTTPClient (SwiftNIO): no libcurl in the binary, so every
/// missionctl command starts faster, and https servers work too.
public final class SuiteClient: Sendable {
    public let baseURL: URL

    public init(baseURL: URL) {
        self.baseURL = baseURL
    }

    public func send(
        _ method: String, _ path: String, auth: String? = nil, json: String? = nil, timeout: Int64 = 30
    ) async throws -> HTTPExchange {
        guard let url = URL(string: path, relativeTo: baseURL) else { throw ScenarioFailure("a valid URL for \(path)") }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        if let auth { request.headers.add(name: "Authorization", value: auth) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeout))
            let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
            return HTTPExchange(
                method: method, path: path, requestBody: json, status: Int(response.status.code), body: String(buffer: body))
        } catch {
            throw ServerUnreachable(message: "\(method) \(url.absoluteString): \(Self.describe(error))")
        }
    }

    /// A connection error in words. NIO's `IOError` description reads "connection reset (error
    /// set): Connection refused) (errno: 111)"; the errno says it plainly.
    static func describe(_ error: any Error) -> String {
        if let io = error as? IOError {
            return "\(String(cString: strerror(io.errnoCode)).lowercased()) (errno \(io.errnoCode))"
        }
        if let client = error as? HTTPClientError, client == .deadlineExceeded || client == .connectTimeout {
            return "no answer in time (\(client))"
        }
        return String(describing: error)
    }
}
