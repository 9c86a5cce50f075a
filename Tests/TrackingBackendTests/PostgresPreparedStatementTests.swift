import Foundation
import Testing
import PostgresNIO

@testable import TrackingBackend

/// PostgreSQL's hot reads run as per-connection prepared statements; two stores on two schemas
/// must each read their own table, prepared first or not.
@Suite struct PostgresPreparedStatementTests {
    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func preparedReadsStayInTheirSchema() async throws {
        let (a, b) = (try await Harness(.postgres), try await Harness(.postgres))
        let (userA, userB) = (try await a.user("same"), try await b.user("same"))
        #expect(userA.id == userB.id)  // both schemas start their ids at 1
        var input = EntryInput()
        input.start = .value(a.now())
        input.description = .value("in A")
        let entryA = try await a.service.create(for: userA, workspaceID: userA.defaultWorkspaceID, input: input)
        input.description = .value("in B")
        let entryB = try await b.service.create(for: userB, workspaceID: userB.defaultWorkspaceID, input: input)
        for _ in 0..<20 {  // the first reads PREPARE on their connections, later ones EXECUTE
            #expect(try await a.testStore.store.runningEntry(userID: userA.id)?.description == "in A")
            #expect(try await b.testStore.store.runningEntry(userID: userB.id)?.description == "in B")
            #expect(try await a.testStore.store.entry(id: entryA.id)?.description == "in A")
            #expect(try await b.testStore.store.entry(id: entryB.id)?.description == "in B")
            #expect(try await a.testStore.store.membership(userID: userA.id, workspaceID: userA.defaultWorkspaceID) != nil)
        }
        #expect(try await a.testStore.store.membership(userID: userA.id, workspaceID: userA.defaultWorkspaceID + 1000) == nil)
        try await a.close()
        try await b.close()
    }

    /// The batched `current` read's own connection: killed by the server, it is reopened, and
    /// at most the read that found it dead fails, with 503, none after it.
    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func theHotConnectionComesBackAfterTheServerDropsIt() async throws {
        let h = try await Harness(.postgres)
        let store = try #require(h.testStore.store as? PostgresStore)
        let user = try await h.user()
        var input = EntryInput()
        input.start = .value(h.now())
        let entry = try await h.service.create(for: user, workspaceID: user.defaultWorkspaceID, input: input)
        #expect(try await store.runningEntry(userID: user.id)?.id == entry.id)
        let pid = try await store.hotConnection.run { conn in
            var pid: Int32 = 0
            for try await value in try await conn.query("SELECT pg_backend_pid()", logger: store.logger).decode(Int32.self) { pid = value }
            return pid
        }
        try await store.client.query("SELECT pg_terminate_backend(\(pid))", logger: store.logger)
        var failures = 0
        for _ in 0..<5 {
            do {
                #expect(try await store.runningEntry(userID: user.id)?.id == entry.id)
            } catch let error as TrackingError {
                failures += 1
                #expect(failures == 1 && error.kind == .unavailable, "\(error)")
            }
        }
        #expect(failures <= 1)
        #expect(store.hotConnection.openedCount == 2)
        try await h.close()
    }
}
