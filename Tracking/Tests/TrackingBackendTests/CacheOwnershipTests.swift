import Foundation
import Logging
import Testing

@testable import TrackingBackend

/// PostgreSQL servers sharing a schema: only a server alone on it answers `current` from memory,
/// and whatever another server writes is seen at once, also when the owner was cut off.
@Suite struct CacheOwnershipTests {
    /// Quick heartbeats; a lease long enough that a loaded test machine does not end it mid-test.
    static let timing = CacheOwnership.Timing(heartbeat: .milliseconds(50), lease: .seconds(5))
    /// A short lease, for the test that waits one out.
    static let shortLease = CacheOwnership.Timing(heartbeat: .milliseconds(50), lease: .milliseconds(300))

    /// A server's store and service on `schema`, joined (migrate) before it is returned.
    static func server(_ schema: String, caching: Bool = true, timing: CacheOwnership.Timing) async throws -> (PostgresStore, TrackingService) {
        var logger = Logger(label: "test.regime")
        logger.logLevel = .error
        let store = try PostgresStore(
            url: StoreKind.postgresURL ?? "", schema: schema, logger: logger, cacheTiming: caching ? timing : nil)
        do {
            try await store.migrate()
        } catch {
            try? await store.close()
            throw error
        }
        return (store, TrackingService(store: store, credentials: Credentials(secret: Array(repeating: 7, count: 32), scryptRounds: 16)))
    }

    /// Runs `body` with a first server on a fresh test schema and a maker of more servers on it;
    /// every server is closed and the schema dropped afterwards, also when `body` throws.
    static func withSchema(
        timing: CacheOwnership.Timing = timing,
        _ body: (PostgresStore, TrackingService, _ more: (Bool) async throws -> (PostgresStore, TrackingService)) async throws -> Void
    ) async throws {
        let schema = "regime_\(UInt32.random(in: 0...UInt32.max))_test"
        try TestStore.checkTestSchema(schema)
        let (first, service) = try await server(schema, timing: timing)
        let opened = Opened()
        var failure: (any Error)?
        do {
            try await body(first, service) { caching in
                let made = try await server(schema, caching: caching, timing: timing)
                opened.add(made.0)
                return made
            }
        } catch {
            failure = error
        }
        for store in opened.all { try? await store.close() }
        try await first.dropSchema()
        try await first.close()
        if let failure { throw failure }
    }

    final class Opened: @unchecked Sendable {
        private let lock = NSLock()
        private var stores: [PostgresStore] = []
        func add(_ store: PostgresStore) { lock.withLock { stores.append(store) } }
        var all: [PostgresStore] { lock.withLock { stores } }
    }

    static func runningUser(_ service: TrackingService) async throws -> (User, TimeEntry) {
        let user = try await service.signup(
            email: "u\(UInt32.random(in: 0...UInt32.max))@example.com", password: "correct horse", fullname: "u", timezone: nil)
        var input = EntryInput()
        input.start = .value(Int64(Date().timeIntervalSince1970) - 60)
        return (user, try await service.create(for: user, workspaceID: user.defaultWorkspaceID, input: input))
    }

    /// Polls `condition` every 10 ms for up to 10 s.
    static func eventually(_ condition: () async throws -> Bool) async rethrows -> Bool {
        for _ in 0..<1000 {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func aLoneServerAnswersCurrentFromMemoryAndSeesItsOwnWrites() async throws {
        try await Self.withSchema { store, service, _ in
            let ownership = try #require(store.ownership)
            #expect(ownership.cacheUsable)
            let (user, entry) = try await Self.runningUser(service)
            #expect(try await service.current(for: user)?.id == entry.id)
            let batches = store.currentReads.statistics.batches
            for _ in 0..<20 { #expect(try await service.current(for: user)?.id == entry.id) }
            #expect(store.currentReads.statistics.batches == batches, "hits must not query PostgreSQL")
            #expect(ownership.cache.statistics.hits >= 20)
            _ = try await service.stop(for: user, workspaceID: user.defaultWorkspaceID, id: entry.id)
            #expect(try await service.current(for: user) == nil)
        }
    }

    /// The owner gives the regime up when a second server joins, before that server writes; the
    /// second server's stop is then seen by the first at once, and the first owns it again once
    /// the second has left.
    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func aSecondServerEndsCachingBeforeItWrites() async throws {
        try await Self.withSchema { first, firstService, more in
            let ownership = try #require(first.ownership)
            let (user, entry) = try await Self.runningUser(firstService)
            #expect(try await firstService.current(for: user)?.id == entry.id)  // now cached
            let (second, secondService) = try await more(true)
            #expect(!ownership.cacheUsable)
            #expect(second.ownership?.cacheUsable == false)
            _ = try await secondService.stop(for: user, workspaceID: user.defaultWorkspaceID, id: entry.id)
            #expect(try await firstService.current(for: user) == nil)
            let (other, started) = try await Self.runningUser(secondService)
            #expect(try await firstService.current(for: other)?.id == started.id)
            try await second.close()
            #expect(await Self.eventually { ownership.cacheUsable }, "the first server did not own the regime again")
            #expect(ownership.claimCount >= 2)
        }
    }

    /// A failed heartbeat turns the owner's cache off while the row still names it: the next
    /// heartbeat takes the regime back, so that the owner still gives it up to a newcomer, whose
    /// writes would otherwise be refused for good.
    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func anOwnerWhoseHeartbeatFailedTakesTheRegimeBackAndStillGivesItUp() async throws {
        try await Self.withSchema { first, firstService, more in
            let ownership = try #require(first.ownership)
            ownership.relinquish()  // what the heartbeat loop does when a heartbeat throws
            #expect(!ownership.cacheUsable)
            #expect(await Self.eventually { ownership.cacheUsable }, "the owner did not take its regime back")
            let (_, secondService) = try await more(true)
            #expect(!ownership.cacheUsable)
            let (user, entry) = try await Self.runningUser(secondService)
            #expect(try await firstService.current(for: user)?.id == entry.id)
        }
    }

    /// A store outside the regime (nobody's owner) cannot write while a server caches.
    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func writesThatTheRegimeForbidsAreRefusedAndLeaveNothing() async throws {
        try await Self.withSchema { first, firstService, more in
            let (user, entry) = try await Self.runningUser(firstService)
            _ = try await firstService.stop(for: user, workspaceID: user.defaultWorkspaceID, id: entry.id)
            let (outsider, _) = try await more(false)
            #expect(first.ownership?.cacheUsable == true)
            var new = NewTimeEntry(
                workspaceID: user.defaultWorkspaceID, userID: user.id, projectID: nil, taskID: nil, description: "outsider",
                billable: false, start: 1_767_268_800, stop: nil, duronly: false, createdWith: "test", tagIDs: [], at: 1_767_268_800)
            await #expect(throws: PostgresStore.regimeRefusal) { try await outsider.insertEntry(new) }
            var stopped = try #require(try await outsider.entry(id: entry.id))
            stopped.description = "changed by the outsider"
            await #expect(throws: PostgresStore.regimeRefusal) { try await outsider.updateEntries([stopped]) }
            #expect(try await firstService.current(for: user) == nil)
            #expect(try await outsider.entry(id: entry.id)?.description == entry.description)
            new.description = "owner"
            #expect(try await first.insertEntry(new).description == "owner")
        }
    }

    /// An owner that stopped renewing keeps its cache until its lease ends, and is replaced only
    /// after that: cut off from PostgreSQL (its connection killed), or hung with its connection
    /// open (which would otherwise hold the regime and refuse every other server's writes).
    @Test(
        .enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"),
        arguments: [true, false])
    func aLostOwnerIsReplacedOnlyOnceItsLeaseHasEnded(connectionKilled: Bool) async throws {
        try await Self.withSchema(timing: Self.shortLease) { first, firstService, more in
            let ownership = try #require(first.ownership)
            let (user, entry) = try await Self.runningUser(firstService)
            #expect(try await firstService.current(for: user)?.id == entry.id)  // now cached
            await ownership.stopHeartbeat()
            if connectionKilled {
                let pid = try #require(ownership.view?.pid)
                try await first.client.query("SELECT pg_terminate_backend(\(pid))", logger: first.logger)
            }
            let (second, secondService) = try await more(true)
            if connectionKilled {
                #expect(second.ownership?.view?.ownerID != ownership.id, "the lost owner kept the regime")
            } else {
                #expect(second.ownership?.view?.ownerID == nil, "the hung owner still holds the regime")
            }
            #expect(!ownership.cacheUsable, "the second server may write while the cut-off owner still trusts its cache")
            _ = try await secondService.stop(for: user, workspaceID: user.defaultWorkspaceID, id: entry.id)
            #expect(try await firstService.current(for: user) == nil)
        }
    }
}

