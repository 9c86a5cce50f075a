import Foundation

/// One executable assertion: an HTTP scenario named by its validation-contract id.
public struct Scenario: Sendable {
    public let id: String
    public let title: String
    /// Scenarios that restart the server run only when the suite owns it (in-process mode).
    public let needsOwnedServer: Bool
    public let run: @Sendable (ScenarioContext) async throws -> Void

    public init(_ id: String, _ title: String, needsOwnedServer: Bool = false, run: @escaping @Sendable (ScenarioContext) async throws -> Void) {
        self.id = id
        self.title = title
        self.needsOwnedServer = needsOwnedServer
        self.run = run
    }
}

/// What a scenario works with.
public struct ScenarioContext: Sendable {
    public let api: SuiteAPI
    /// Present when the suite runs the server itself (in-process mode).
    public let servers: (any ServerFactory)?
}

/// Starts servers the suite owns, for scenarios that restart one.
public protocol ServerFactory: Sendable {
    /// A server on a file-backed store that can be restarted on the same data.
    func restartableServer() async throws -> any RestartableServer
}

public protocol RestartableServer: Sendable {
    var client: SuiteClient { get async }
    func restart() async throws
    func shutdown() async throws
}

// MARK: - Checks shared by the scenarios

extension HTTPExchange {
    /// Throws unless the status is `expected`.
    @discardableResult
    func expect(_ expected: Int, _ what: String) throws -> HTTPExchange {
        guard status == expected else { throw ScenarioFailure("\(what): status \(expected)", self) }
        return self
    }

    /// The `id` of a returned entry.
    func entryID(_ what: String) throws -> Int {
        guard let id = object?["id"] as? Int else { throw ScenarioFailure("\(what): a time entry object with an id", self) }
        return id
    }

    func field(_ key: String) -> Any? { object?[key] }
}

func require(_ condition: Bool, _ expected: String, _ exchange: HTTPExchange? = nil) throws {
    if !condition { throw ScenarioFailure(expected, exchange) }
}

/// Running entries in a history response.
func runningCount(_ history: HTTPExchange) -> Int {
    (history.array ?? []).filter { $0["stop"] is NSNull }.count
}
