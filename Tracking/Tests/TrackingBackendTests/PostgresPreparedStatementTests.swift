import Foundation
import Testing

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
}
