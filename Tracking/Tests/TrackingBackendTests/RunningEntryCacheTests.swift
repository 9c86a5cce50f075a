import Foundation
import Testing

@testable import TrackingBackend

/// The SQLite server's in-memory running entries: a hit skips the database, every write drops
/// what it touched, a read that raced a write is never kept, and only the process holding the
/// database's lock caches at all.
@Suite struct RunningEntryCacheTests {
    static func entry(_ id: Int64, user: Int64, description: String = "d") -> TimeEntry {
        TimeEntry(
            id: id, workspaceID: 1, userID: user, projectID: nil, taskID: nil, description: description, billable: false,
            start: 1_767_268_800, stop: nil, duronly: false, createdWith: "test", tagIDs: [], at: 1_767_268_800, deletedAt: nil)
    }

    @Test func hitsSkipTheDatabaseUntilAWriteOfThatUser() async throws {
        let cache = RunningEntryCache()
        var reads = 0
        func current(_ user: Int64) async -> TimeEntry? {
            await cache.runningEntry(userID: user) {
                reads += 1
                return user == 1 ? Self.entry(10, user: 1) : nil
            }
        }
        #expect(await current(1)?.id == 10)
        #expect(await current(1)?.id == 10)
        #expect(await current(2) == nil)
        #expect(await current(2) == nil)  // "no running entry" is cached too
        #expect(reads == 2)
        await cache.writing(userIDs: [1]) {}
        #expect(await current(1)?.id == 10)
        #expect(await current(2) == nil)
        #expect(reads == 3)  // only user 1 was read again
        #expect(cache.statistics.hits == 3 && cache.statistics.misses == 3)
    }

    @Test func readsDuringAWriteGoToTheDatabase() async throws {
        let cache = RunningEntryCache()
        _ = await cache.runningEntry(userID: 1) { Self.entry(10, user: 1) }
        let seen = await cache.writing(userIDs: [1]) {
            await cache.runningEntry(userID: 1) { Self.entry(10, user: 1, description: "being written") }?.description
        }
        #expect(seen == "being written")
        #expect(await cache.runningEntry(userID: 1) { Self.entry(10, user: 1, description: "after") }?.description == "after")
    }

    @Test func aReadThatRacedAWriteIsNotKept() async throws {
        let cache = RunningEntryCache()
        let started = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        // A read that fetched the old row, then stalled while a write committed and finished.
        let stale = Task.detached {
            await cache.runningEntry(userID: 1) {
                started.signal()
                proceed.wait()
                return Self.entry(10, user: 1, description: "old")
            }
        }
        await Task.detached { started.wait() }.value
        await cache.writing(userIDs: [1]) {}
        proceed.signal()
        #expect(await stale.value?.description == "old")  // it answers what it read…
        let next = await cache.runningEntry(userID: 1) { Self.entry(10, user: 1, description: "new") }
        #expect(next?.description == "new")  // …but did not cache it
    }

    @Test func currentFollowsConcurrentStartsAndStops() async throws {
        let h = try await Harness(.sqlite)
        let store = try #require(h.testStore.store as? SQLiteStore)
        let users = try await withThrowingTaskGroup(of: User.self) { group in
            for i in 0..<6 { group.addTask { try await h.user("cache\(i)") } }
            return try await group.reduce(into: [User]()) { $0.append($1) }
        }
        // Each user starts and stops timers while others poll `current` for them.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for user in users {
                group.addTask {
                    for _ in 0..<15 {
                        var input = EntryInput()
                        input.start = .value(h.now())
                        let entry = try await h.service.create(for: user, workspaceID: user.defaultWorkspaceID, input: input)
                        // Read-your-writes: a poll after the start sees it, one after the stop does not.
                        #expect(try await h.service.current(for: user)?.id == entry.id)
                        _ = try await h.service.stop(for: user, workspaceID: user.defaultWorkspaceID, id: entry.id)
                        #expect(try await h.service.current(for: user) == nil)
                    }
                    var input = EntryInput()
                    input.start = .value(h.now())
                    _ = try await h.service.create(for: user, workspaceID: user.defaultWorkspaceID, input: input)
                }
                group.addTask {
                    for _ in 0..<100 { _ = try await h.service.current(for: user) }
                }
            }
            try await group.waitForAll()
        }
        // Quiet now: the first read caches, the second is answered from memory; both match the table.
        let cache = try #require(store.runningEntries)
        let hitsBefore = cache.statistics.hits
        for user in users {
            let first = try await store.runningEntry(userID: user.id)
            let second = try await store.runningEntry(userID: user.id)
            #expect(first != nil && first == second)
            #expect(second == (try await store.runningEntryFromDatabase(userID: user.id)))
        }
        #expect(cache.statistics.hits - hitsBefore == users.count)
        try await h.close()
    }

    @Test func onlyOneStoreOwnsADatabaseFile() async throws {
        let folder = NSTemporaryDirectory() + "missionctl-owner-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/db.sqlite"
        let owner = try SQLiteStore(path: path)
        try await owner.migrate()
        do {
            _ = try SQLiteStore(path: path)
            Issue.record("a second exclusive store opened the same file")
        } catch let error as TrackingError {
            #expect(error.message.contains("another missionctl server is using \(path)"))
            #expect(error.message.contains("PostgreSQL"))
        }
        // Administration beside the server: accounts yes, time entries no.
        let admin = try SQLiteStore(path: path, access: .accounts)
        let user = try await admin.createUser(
            email: "ops@example.com", fullname: "Ops", timezone: "UTC", passwordHash: "x", workspaceName: "Ops", now: 1_767_268_800)
        #expect(try await owner.user(email: "ops@example.com")?.user.id == user.id)
        let entry = NewTimeEntry(
            workspaceID: user.defaultWorkspaceID, userID: user.id, projectID: nil, taskID: nil, description: "", billable: false,
            start: 1_767_268_800, stop: nil, duronly: false, createdWith: "test", tagIDs: [], at: 1_767_268_800)
        await #expect(throws: TrackingError.self) { try await admin.insertEntry(entry) }
        #expect(try await owner.runningEntry(userID: user.id) == nil)
        try await admin.close()
        // Closing the owner releases the file for the next server.
        try await owner.close()
        let next = try SQLiteStore(path: path)
        #expect(try await next.runningEntry(userID: user.id) == nil)
        try await next.close()
    }
}
