import Foundation
import Hummingbird
import Logging
import Regression
import Testing
@testable import TrackingBackend

/// A server for the tests, optionally broken on purpose, on a free loopback port.
enum TestServer {
    static func start(store: any TrackingStore, idleCurrentIs404: Bool = false) async throws -> InProcessServer {
        try await start(store: StandaloneStore(store, logger: Logger(label: "test.store")), idleCurrentIs404: idleCurrentIs404)
    }

    static func start(store opened: StandaloneStore, idleCurrentIs404: Bool = false) async throws -> InProcessServer {
        var logger = Logger(label: "test.server")
        logger.logLevel = .critical
        let service = TrackingService(store: opened.store, credentials: Credentials(secret: Credentials.randomSecret(), scryptRounds: 16))
        let inner = TrackingAPI(service: service).buildResponder()
        // The deliberately broken variant answers 404 where an idle `current` must be 200 + null.
        let responder = CallbackResponder<TrackingRequestContext> { request, context in
            let response = try await inner.respond(to: request, context: context)
            if idleCurrentIs404, request.uri.path == "/api/v9/me/time_entries/current", response.body.contentLength == 4 {
                return Response(status: .notFound)
            }
            return response
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }, logger: logger)
        return try await InProcessServer.run(app, store: opened, ports: ports, logger: logger)
    }
}

extension InProcessServer {
    var client: SuiteClient { SuiteClient(baseURL: baseURL) }

    func stop() async { try? await shutdown() }
}

@Suite struct RegressionSuiteTests {
    func results(_ server: InProcessServer, only: String? = nil) async throws -> [String: RegressionSuite.Result] {
        let suite = RegressionSuite()
        let results = try await suite.run(suite.selecting(only), client: server.client, servers: InProcessServerFactory())
        return Dictionary(uniqueKeysWithValues: results.map { ($0.id, $0) })
    }

    @Test func wholeSuitePassesOnSQLite() async throws {
        let store = try SQLiteStore(path: nil)
        try await store.migrate()
        let server = try await TestServer.start(store: store)
        let r = try await results(server)
        await server.stop()
        #expect(r.count == RegressionSuite.implementedIDs.count)
        for result in r.values { #expect(result.outcome == .passed, "\(result.id): \(result.message ?? "")") }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"] != nil, "DATABASE_URL is not set: PostgreSQL run skipped"))
    func wholeSuitePassesOnPostgreSQL() async throws {
        let schema = "regress_\(UInt32.random(in: 0...UInt32.max))_test"
        #expect(schema.hasSuffix("_test"))  // the test-schema rule: never a business schema
        var logger = Logger(label: "test.pg")
        logger.logLevel = .error
        let opened = try await BackendServer.openStore(.postgres(ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""), schema: schema, logger: logger)
        let server = try await TestServer.start(store: opened)
        let r = try await results(server)
        try await #require(opened.store as? PostgresStore).dropSchema()
        await server.stop()
        for result in r.values { #expect(result.outcome == .passed, "\(result.id): \(result.message ?? "")") }
    }

    @Test func suiteFailsWhenTheStoreAllowsTwoRunningTimers() async throws {
        let store = try SQLiteStore(path: nil)
        try await store.migrate()
        try await (try store.writer).write { db in try db.execute(sql: "DROP INDEX one_running_timer_per_user") }
        let server = try await TestServer.start(store: store)
        let r = try await results(server, only: "VAL-TIMER-*,VAL-REG-001,VAL-ENTRY-004")
        await server.stop()
        #expect(r["VAL-TIMER-001"]?.outcome == .failed)
        #expect(r["VAL-TIMER-001"]?.message?.contains("a second start in workspace B is rejected: status 409") == true)
        #expect(r["VAL-TIMER-001"]?.message?.contains("received: 200") == true)  // what came back is shown
        #expect(r["VAL-TIMER-002"]?.outcome == .failed)
        #expect(r["VAL-REG-001"]?.outcome == .failed)
        #expect(r["VAL-ENTRY-004"]?.outcome == .passed)  // unrelated scenarios still pass
    }

    @Test func suiteFailsWhenIdleCurrentIs404() async throws {
        let store = try SQLiteStore(path: nil)
        try await store.migrate()
        let server = try await TestServer.start(store: store, idleCurrentIs404: true)
        let r = try await results(server, only: "VAL-ENTRY-004,VAL-TIMER-001")
        await server.stop()
        #expect(r["VAL-ENTRY-004"]?.outcome == .failed)
        #expect(r["VAL-ENTRY-004"]?.message?.contains("idle current: status 200") == true)
        #expect(r["VAL-ENTRY-004"]?.message?.contains("sent: GET /api/v9/me/time_entries/current") == true)
        #expect(r["VAL-TIMER-001"]?.outcome == .passed)
    }

    @Test func restartScenarioIsSkippedWithoutAnOwnedServer() async throws {
        let store = try SQLiteStore(path: nil)
        try await store.migrate()
        let server = try await TestServer.start(store: store)
        let suite = RegressionSuite()
        let r = try await suite.run(suite.selecting("VAL-REG-004"), client: server.client, servers: nil)
        await server.stop()
        #expect(r.first?.outcome == .skipped && r.first?.message?.contains("cannot restart") == true)
    }

    @Test func selectionAndReports() {
        let suite = RegressionSuite()
        #expect(suite.selecting("VAL-TIMER-*").map(\.id) == ["VAL-TIMER-001", "VAL-TIMER-002"])
        #expect(suite.selecting("val-entry-004,VAL-SEC-TRACK-00?").count == 5)
        let results = [
            RegressionSuite.Result(id: "VAL-A-001", title: "a & b", outcome: .passed, seconds: 0.1, message: nil),
            RegressionSuite.Result(id: "VAL-A-002", title: "c", outcome: .failed, seconds: 0.2, message: "expected <x>\nreceived: 500"),
        ]
        let xml = SuiteReport.render(results, format: .junit, target: "t")
        #expect(xml.contains("<testcase name=\"VAL-A-002 c\" classname=\"tracking\""))
        #expect(xml.contains("<failure type=\"assertion\" message=\"expected &lt;x&gt;\">expected &lt;x&gt;\nreceived: 500</failure>"))
        // The common JUnit schema: errors on every suite, no skipped on testsuites, no properties in a case.
        #expect(xml.contains("<testsuites name=\"missionctl regress\" tests=\"2\" failures=\"1\" errors=\"0\" time=\"0.300\">"))
        #expect(xml.contains("<testsuite name=\"tracking\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\""))
        #expect(!xml.contains("<properties"))
        let unreachable = SuiteReport.unreachable("server unreachable: GET http://x/api/v9/me: refused", format: .junit, target: "http://x") ?? ""
        #expect(unreachable.contains("errors=\"1\"") && unreachable.contains("<error type=\"unreachable\" message=\"server unreachable: GET http://x/api/v9/me: refused\">"))
        #expect(SuiteReport.render(results, format: .text, target: "t").contains("1 passed, 1 failed"))
    }

    @Test func writeStateMergesAndKeepsEverythingElse() throws {
        let path = NSTemporaryDirectory() + "state-" + UUID().uuidString + ".json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"{"note": "keep", "assertions": {"VAL-DOC-001": {"status": "passed", "by": "me"}, "VAL-TIMER-001": {"status": "pending", "owner": "x"}}}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let results = [
            RegressionSuite.Result(id: "VAL-TIMER-001", title: "", outcome: .failed, seconds: 0, message: "m"),
            RegressionSuite.Result(id: "VAL-ENTRY-004", title: "", outcome: .passed, seconds: 0, message: nil),
            RegressionSuite.Result(id: "VAL-REG-004", title: "", outcome: .skipped, seconds: 0, message: "remote"),
        ]
        try ValidationStateWriter.merge(results, into: path)
        let root = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let a = try #require(root["assertions"] as? [String: [String: String]])
        #expect(root["note"] as? String == "keep")
        #expect(a["VAL-DOC-001"] == ["status": "passed", "by": "me"])
        #expect(a["VAL-TIMER-001"] == ["status": "failed", "owner": "x"])
        #expect(a["VAL-ENTRY-004"] == ["status": "passed"])
        #expect(a["VAL-REG-004"] == nil)  // skipped: not written
    }
}
