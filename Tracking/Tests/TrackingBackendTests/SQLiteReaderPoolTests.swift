import Foundation
import Testing

@testable import TrackingBackend

/// The file store's synchronous read path: readers see every committed write, stay few, and
/// refuse work once the store is closed.
@Suite struct SQLiteReaderPoolTests {
    @Test func readersSeeCommittedWritesAndStayFew() async throws {
        let h = try await Harness(.sqlite)
        let store = try #require(h.testStore.store as? SQLiteStore)
        let readers = try #require(store.readers)
        let users = try await withThrowingTaskGroup(of: User.self) { group in
            for i in 0..<8 { group.addTask { try await h.user("reader\(i)") } }
            return try await group.reduce(into: [User]()) { $0.append($1) }
        }
        // 400 concurrent reads, each of which must see its user's write (a running timer).
        for user in users {
            var input = EntryInput()
            input.start = .value(h.now())
            _ = try await h.service.create(for: user, workspaceID: user.defaultWorkspaceID, input: input)
        }
        let seen = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<400 {
                let user = users[i % users.count]
                group.addTask { try await store.runningEntry(userID: user.id)?.userID == user.id }
            }
            return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(seen == 400)
        // Synchronous reads hold a connection only while a thread runs them.
        #expect(readers.openedCount >= 1 && readers.openedCount <= ProcessInfo.processInfo.activeProcessorCount + 2)
        try await h.close()
    }

    @Test func readsAfterCloseAnswerUnavailable() async throws {
        let h = try await Harness(.sqlite)
        let user = try await h.user()
        try await h.close()
        do {
            _ = try await h.testStore.store.runningEntry(userID: user.id)
            Issue.record("a read after close succeeded")
        } catch let error as TrackingError {
            #expect(error.kind == .unavailable)
        }
    }
}
