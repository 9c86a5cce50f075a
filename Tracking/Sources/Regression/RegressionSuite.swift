import Foundation

/// Runs scenarios against a server and collects one result per assertion id.
public struct RegressionSuite: Sendable {
    public enum Outcome: String, Sendable { case passed, failed, skipped }

    public struct Result: Sendable {
        public var id: String
        public var title: String
        public var outcome: Outcome
        public var seconds: Double
        /// Failure text (expected / sent / received), or the reason for a skip.
        public var message: String?

        public init(id: String, title: String, outcome: Outcome, seconds: Double, message: String? = nil) {
            self.id = id
            self.title = title
            self.outcome = outcome
            self.seconds = seconds
            self.message = message
        }
    }

    public let scenarios: [Scenario]

    public init(scenarios: [Scenario] = TrackingScenarios.all) {
        self.scenarios = scenarios
    }

    /// Every assertion id the suite implements.
    public static var implementedIDs: Set<String> { Set(TrackingScenarios.all.map(\.id)) }

    /// Scenarios whose id matches one of the comma-separated glob patterns (`VAL-TIMER-*`).
    public func selecting(_ patterns: String?) -> [Scenario] {
        guard let patterns, !patterns.isEmpty else { return scenarios }
        let globs = patterns.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        return scenarios.filter { s in globs.contains { Self.matches($0, s.id) } }
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.uppercased())
        let t = Array(text.uppercased())
        func go(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == t.count }
            if p[i] == "*" { return go(i + 1, j) || (j < t.count && go(i, j + 1)) }
            return j < t.count && (p[i] == "?" || p[i] == t[j]) && go(i + 1, j + 1)
        }
        return go(0, 0)
    }

    /// Runs `selected` one after another (they create their own accounts). `progress` is called
    /// after each scenario.
    public func run(
        _ selected: [Scenario], client: SuiteClient, servers: (any ServerFactory)?, progress: @Sendable (Result) -> Void = { _ in }
    ) async throws -> [Result] {
        // Reachability first: an unreachable server is a usage problem, not 14 failures.
        // A short deadline: AsyncHTTPClient retries a refused connection until the deadline.
        let probe = try await client.send("GET", "/api/v9/me", timeout: 5)
        guard probe.status == 403 || probe.status == 401 || probe.status == 200 else {
            throw ServerUnreachable(
                message: "\(client.baseURL.absoluteString) answered GET /api/v9/me with \(probe.status), where the tracking API answers 401 or 403 without credentials",
                answered: true)
        }
        let runID = String(UUID().uuidString.prefix(8)).lowercased()
        let context = ScenarioContext(api: SuiteAPI(client: client, runID: runID), servers: servers)
        var results: [Result] = []
        for scenario in selected {
            let start = Date()
            var result = Result(id: scenario.id, title: scenario.title, outcome: .passed, seconds: 0, message: nil)
            do {
                try await scenario.run(context)
            } catch let skip as ScenarioSkipped {
                result.outcome = .skipped
                result.message = skip.reason
            } catch let unreachable as ServerUnreachable {
                throw unreachable
            } catch {
                result.outcome = .failed
                result.message = "\(error)"
            }
            result.seconds = Date().timeIntervalSince(start)
            progress(result)
            results.append(result)
        }
        return results
    }
}
