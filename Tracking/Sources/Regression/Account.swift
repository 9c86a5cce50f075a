import Foundation

/// A user the suite created for itself through the API (a unique e-mail per run, so running
/// against a shared server never touches anyone else's data).
public struct Account: Sendable {
    public var id: Int
    public var email: String
    public var auth: String
    public var workspaceID: Int
}

/// The calls scenarios make, each returning the exchange and checking nothing itself.
public struct SuiteAPI: Sendable {
    public let client: SuiteClient
    public let runID: String

    public func signup(_ label: String) async throws -> Account {
        let email = "regress-\(runID)-\(label)-\(UUID().uuidString.prefix(8).lowercased())@example.com"
        let r = try await client.send("POST", "/api/v9/signup", json: #"{"email": "\#(email)", "password": "regression-suite-pw", "fullname": "regress \#(label)"}"#)
        guard r.status == 200, let me = r.object, let id = me["id"] as? Int, let token = me["api_token"] as? String,
            let wid = me["default_workspace_id"] as? Int
        else { throw ScenarioFailure("signup to answer 200 with id, api_token and default_workspace_id", r) }
        let auth = "Basic " + Data("\(token):api_token".utf8).base64EncodedString()
        return Account(id: id, email: email, auth: auth, workspaceID: wid)
    }

    public func workspace(_ a: Account, name: String) async throws -> Int {
        let r = try await client.send("POST", "/api/v9/workspaces", auth: a.auth, json: #"{"name": "\#(name)"}"#)
        guard r.status == 200, let id = r.object?["id"] as? Int else { throw ScenarioFailure("POST /workspaces to answer 200 with an id", r) }
        return id
    }

    public func create(_ a: Account, wid: Int? = nil, _ json: String) async throws -> HTTPExchange {
        try await client.send("POST", "/api/v9/workspaces/\(wid ?? a.workspaceID)/time_entries", auth: a.auth, json: json)
    }

    public func update(_ a: Account, wid: Int? = nil, id: Int, _ json: String) async throws -> HTTPExchange {
        try await client.send("PUT", "/api/v9/workspaces/\(wid ?? a.workspaceID)/time_entries/\(id)", auth: a.auth, json: json)
    }

    public func stop(_ a: Account, wid: Int? = nil, id: Int) async throws -> HTTPExchange {
        try await client.send("PATCH", "/api/v9/workspaces/\(wid ?? a.workspaceID)/time_entries/\(id)/stop", auth: a.auth)
    }

    public func delete(_ a: Account, wid: Int? = nil, id: Int) async throws -> HTTPExchange {
        try await client.send("DELETE", "/api/v9/workspaces/\(wid ?? a.workspaceID)/time_entries/\(id)", auth: a.auth)
    }

    public func continueEntry(_ a: Account, wid: Int? = nil, id: Int) async throws -> HTTPExchange {
        try await client.send("POST", "/api/v9/workspaces/\(wid ?? a.workspaceID)/time_entries/\(id)/continue", auth: a.auth)
    }

    public func batch(_ a: Account, wid: Int? = nil, ids: [Int], _ json: String) async throws -> HTTPExchange {
        try await client.send(
            "PATCH", "/api/v9/workspaces/\(wid ?? a.workspaceID)/time_entries/\(ids.map(String.init).joined(separator: ","))", auth: a.auth,
            json: json)
    }

    public func current(_ a: Account) async throws -> HTTPExchange {
        try await client.send("GET", "/api/v9/me/time_entries/current", auth: a.auth)
    }

    public func entry(_ a: Account, id: Int) async throws -> HTTPExchange {
        try await client.send("GET", "/api/v9/me/time_entries/\(id)", auth: a.auth)
    }

    public func history(_ a: Account, wid: Int? = nil, since: Int? = nil) async throws -> HTTPExchange {
        var path = "/api/v9/me/time_entries?workspace_id=\(wid ?? a.workspaceID)"
        if let since { path += "&since=\(since)" }
        return try await client.send("GET", path, auth: a.auth)
    }
}
