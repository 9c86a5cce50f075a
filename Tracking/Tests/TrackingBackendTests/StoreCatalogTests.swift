import Foundation
import Synchronization
import Testing

@testable import TrackingBackend

/// The statement catalog: written once, rendered per database, run by each store's executor with
/// the same transactions and the same error mapping.
@Suite struct StoreCatalogTests {
    @Test func eachDatabaseSpellsTheSameStatement() {
        let ids: [Int64] = [3, 5]
        let statement: SQLStatement =
            "UPDATE \(table: "projects") SET active = \(true), color = \(nil as String?) WHERE client_id = \(7 as Int64) AND id \(anyOf: ids)"
        let sqlite = SQLDialect.sqlite.render(statement)
        #expect(sqlite.sql == "UPDATE projects SET active = ?, color = ? WHERE client_id = ? AND id IN (SELECT value FROM json_each(?))")
        #expect(sqlite.values == [.bool(true), .text(nil), .int(7), .intList([3, 5])])
        let postgres = SQLDialect.postgres(schema: "s").render(statement)
        #expect(postgres.sql == "UPDATE \"s\".projects SET active = $1, color = $2 WHERE client_id = $3 AND id = ANY($4)")
        #expect(postgres.values == sqlite.values)
        // Appending keeps numbering.
        let more = statement + " AND workspace_id = \(9 as Int64)"
        #expect(SQLDialect.postgres(schema: "s").render(more).sql.hasSuffix("ANY($4) AND workspace_id = $5"))
        #expect(more.preparedName == nil && more.prepared(as: "n").preparedName == "n")
    }

    /// Runs `body` with the test store's concrete type, so it can reach the executor.
    static func withCatalogStore(_ kind: StoreKind, _ body: (any CatalogStore, Harness) async throws -> Void) async throws {
        let h = try await Harness(kind)
        let store = h.testStore.store
        if let sqlite = store as? SQLiteStore {
            try await body(sqlite, h)
        } else {
            try await body(try #require(store as? PostgresStore), h)
        }
        try await h.close()
    }

    static func count<S: CatalogStore>(_ store: S, _ table: String) async throws -> Int64 {
        try await store.executor.read("SELECT COUNT(*) FROM \(table: table)") { try $0.int() }.first ?? -1
    }

    struct Abandoned: Error {}

    @Test(arguments: StoreKind.available)
    func aTransactionThatFailsLeavesNothing(kind: StoreKind) async throws {
        try await Self.withCatalogStore(kind) { store, h in
            try await Self.checkRollback(store, h)
        }
    }

    static func checkRollback<S: CatalogStore>(_ store: S, _ h: Harness) async throws {
        let user = try await h.user("taken")
        let workspaces = try await count(store, "workspaces")
        // The workspace is inserted before the e-mail turns out taken: it must not stay.
        await #expect(throws: TrackingError.self) {
            _ = try await store.createUser(
                email: "taken@example.com", fullname: "x", timezone: "UTC", passwordHash: "h", workspaceName: "w", now: h.now())
        }
        #expect(try await count(store, "workspaces") == workspaces)
        // A body that throws after a write: rolled back, and the next transaction works.
        await #expect(throws: Abandoned.self) {
            try await store.executor.transaction { session in
                try await session.execute("UPDATE \(table: "workspaces") SET name = \("renamed") WHERE id = \(user.defaultWorkspaceID)")
                throw Abandoned()
            }
        }
        #expect(try await store.memberships(userID: user.id).first?.workspace.name != "renamed")
        try await store.renameWorkspace(id: user.defaultWorkspaceID, name: "after", now: h.now())
        #expect(try await store.memberships(userID: user.id).first?.workspace.name == "after")
    }

    @Test(arguments: StoreKind.available)
    func aViolatedConstraintIsAConflictOnEitherStore(kind: StoreKind) async throws {
        try await Self.withCatalogStore(kind) { store, h in
            let user = try await h.user()
            // No such project: a reference violated.
            let orphan = TrackingTask(id: 0, workspaceID: user.defaultWorkspaceID, projectID: 987_654, name: "t", active: true, createdAt: h.now())
            let error = await #expect(throws: TrackingError.self) { _ = try await store.createTask(orphan) }
            #expect(error?.kind == .conflict)
            // A unique rule: the conflict it stands for.
            _ = try await store.createClient(workspaceID: user.defaultWorkspaceID, name: "Acme", notes: nil, creatorID: user.id, now: h.now())
            let taken = await #expect(throws: TrackingError.self) {
                _ = try await store.createClient(workspaceID: user.defaultWorkspaceID, name: "Acme", notes: nil, creatorID: user.id, now: h.now())
            }
            #expect(taken?.message.contains("client with this name") == true)
        }
    }

    /// Many transactions and single writes at once, on one workspace: none sees another's
    /// statements (SQLite's writer is one connection), and each is whole.
    @Test(arguments: StoreKind.available)
    func concurrentTransactionsStayWhole(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let store = h.testStore.store
        let user = try await h.user()
        let wid = user.defaultWorkspaceID
        let client = try await store.createClient(workspaceID: wid, name: "C", notes: nil, creatorID: user.id, now: h.now())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<24 {
                group.addTask {
                    switch i % 4 {
                    case 0: _ = try await store.tagIDs(workspaceID: wid, names: ["a", "b", "t\(i)"], creatorID: user.id, now: h.now())
                    case 1: _ = try await store.createWorkspace(name: "w\(i)", organizationName: nil, ownerID: user.id, now: h.now())
                    case 2: _ = try await store.archiveClient(id: client.id, now: h.now())
                    default:
                        var project = Project(id: 0, workspaceID: wid, name: "p\(i)", active: true, createdAt: h.now())
                        project.clientID = client.id
                        _ = try await store.createProject(project)
                    }
                }
            }
            try await group.waitForAll()
        }
        let tags = try await store.tags(workspaceIDs: [wid])
        #expect(tags.filter { $0.name == "a" }.count == 1 && tags.count == 2 + 6)
        #expect(try await store.memberships(userID: user.id).count == 1 + 6)
        #expect(try await store.projects(workspaceID: wid).count == 6)
        try await h.close()
    }

    /// Transactions run alone; single writes together, but never inside a transaction.
    @Test func theWriteGateRunsATransactionAlone() async throws {
        let gate = WriteGate()
        let log = LockedLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<60 {
                group.addTask {
                    let body = {
                        log.enter(i)
                        try await Task.sleep(for: .microseconds(200))
                        await Task.yield()
                        log.leave(i)
                    }
                    if i % 3 == 0 { try await gate.exclusive(body) } else { try await gate.shared(body) }
                }
            }
            try await group.waitForAll()
        }
        let events = log.events
        #expect(events.count == 120)
        // Replaying the log: while an exclusive body (i % 3 == 0) is inside, nothing else is.
        var inside: Set<Int> = []
        var sharedOverlap = false
        for event in events {
            switch event {
            case .enter(let i):
                #expect(inside.allSatisfy { $0 % 3 != 0 }, "\(i) entered during a transaction")
                #expect(i % 3 != 0 || inside.isEmpty, "transaction \(i) entered beside \(inside)")
                inside.insert(i)
                if inside.count > 1 { sharedOverlap = true }
            case .leave(let i): inside.remove(i)
            }
        }
        // Shared bodies did run together (the gate does not serialize them).
        #expect(sharedOverlap)
    }

    final class LockedLog: Sendable {
        enum Event: Equatable {
            case enter(Int), leave(Int)
            var id: Int { switch self { case .enter(let i), .leave(let i): i } }
        }
        private let state = Mutex<[Event]>([])
        func enter(_ i: Int) { state.withLock { $0.append(.enter(i)) } }
        func leave(_ i: Int) { state.withLock { $0.append(.leave(i)) } }
        var events: [Event] { state.withLock { $0 } }
    }
}
