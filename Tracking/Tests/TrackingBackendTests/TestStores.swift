import Foundation
import Logging
import Testing
import TrackingBackend

/// The stores the domain and HTTP tests run against: SQLite always, PostgreSQL when
/// `DATABASE_URL` is set (CI sets it; `missingDatabaseURLFailsInCI` fails CI if not).
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["DATABASE_URL"]
        return url?.isEmpty == false ? url : nil
    }

    static var available: [StoreKind] {
        if postgresURL == nil {
            print("note: DATABASE_URL is not set: the PostgreSQL store tests are skipped (SQLite ones run)")
            return [.sqlite]
        }
        return [.sqlite, .postgres]
    }
}

/// A store for one test, removed afterwards.
final class TestStore: Sendable {
    /// The store with its services running (PostgreSQL's pool and probe).
    private let opened: StandaloneStore
    var store: any TrackingStore { opened.store }
    let schema: String?
    /// The SQLite file's folder: a file, not memory, so tests take the server's own read path
    /// (WAL, the reader pool).
    let folder: String?

    /// Only schemas named `*_test` may be created and dropped by tests: the guard the original
    /// project lacked (it relied on a `search_path` convention alone).
    static func checkTestSchema(_ name: String) throws {
        guard name.hasSuffix("_test") else {
            throw TrackingError(.badRequest, "refusing to use schema `\(name)` in tests: test schemas must end in _test")
        }
    }

    init(_ kind: StoreKind) async throws {
        let store: any TrackingStore
        switch kind {
        case .sqlite:
            let folder = NSTemporaryDirectory() + "missionctl-store-\(UUID().uuidString)"
            store = try SQLiteStore(path: folder + "/test.sqlite")
            schema = nil
            self.folder = folder
        case .postgres:
            let name = "t\(UInt32.random(in: 0...UInt32.max))_\(ProcessInfo.processInfo.processIdentifier)_test"
            try Self.checkTestSchema(name)
            guard let url = StoreKind.postgresURL else { throw TrackingError(.unavailable, "DATABASE_URL not set") }
            var logger = Logger(label: "test.postgres")
            logger.logLevel = .error
            // A server's store: `current` answered from memory while alone on the schema.
            store = try PostgresStore(url: url, schema: name, logger: logger)
            schema = name
            folder = nil
        }
        opened = StandaloneStore(store, logger: Logger(label: "test.store"))
        try await store.migrate()
    }

    func tearDown() async throws {
        if let schema, let pg = store as? PostgresStore {
            try Self.checkTestSchema(schema)
            try await pg.dropSchema()
        }
        try await opened.close()
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }
}

/// A service over a test store, with a cheap password hash and a controllable clock.
final class Harness: @unchecked Sendable {
    let testStore: TestStore
    let service: TrackingService
    private let lock = NSLock()
    private var clock: Int64 = 1_767_268_800  // 2026-01-01T12:00:00Z

    init(_ kind: StoreKind) async throws {
        testStore = try await TestStore(kind)
        let box = ClockBox()
        service = TrackingService(store: testStore.store, credentials: Credentials(secret: Array(repeating: 7, count: 32), scryptRounds: 16)) {
            box.now()
        }
        box.harness = self
    }

    func now() -> Int64 { lock.withLock { clock } }
    func advance(_ seconds: Int64) { lock.withLock { clock += seconds } }

    func user(_ name: String = "u\(UInt32.random(in: 0...UInt32.max))") async throws -> User {
        try await userWithToken(name).0
    }

    /// A new user and the API token signup issued.
    func userWithToken(_ name: String = "u\(UInt32.random(in: 0...UInt32.max))") async throws -> (User, token: String) {
        try await service.signup(email: "\(name)@example.com", password: "correct horse", fullname: name, timezone: nil)
    }

    func close() async throws { try await testStore.tearDown() }

    final class ClockBox: @unchecked Sendable {
        weak var harness: Harness?
        func now() -> Int64 { harness?.now() ?? 0 }
    }
}

@Suite struct TestHarnessTests {
    @Test func testSchemaGuardRefusesBusinessSchemas() {
        #expect(throws: TrackingError.self) { try TestStore.checkTestSchema("missionctl") }
        #expect(throws: TrackingError.self) { try TestStore.checkTestSchema("public") }
        #expect(throws: TrackingError.self) { try TestStore.checkTestSchema("opentoggl_test_backup") }
        #expect(throws: Never.self) { try TestStore.checkTestSchema("opentoggl_test") }
    }

    @Test func missingDatabaseURLFailsInCI() {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(StoreKind.postgresURL != nil, "CI must provide DATABASE_URL so the PostgreSQL store is tested")
        }
    }
}
