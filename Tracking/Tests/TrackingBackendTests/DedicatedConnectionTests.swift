import Foundation
import NIOPosix
import PostgresNIO
import Testing

@testable import TrackingBackend

/// The batched `current` read's own PostgreSQL connection: lost connections answer 503 and are
/// replaced, and no connection is ever dropped open (PostgresNIO asserts on that in debug builds,
/// which took a whole CI test run down).
@Suite struct DedicatedConnectionTests {
    /// Runs `body` with a PostgreSQL test store and a maker of extra connection holders on the
    /// store's database and schema; store and holders' event loop are closed afterwards, also
    /// when `body` throws.
    static func withStore(_ body: (Harness, PostgresStore, () -> DedicatedConnection) async throws -> Void) async throws {
        let h = try await Harness(.postgres)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var failure: (any Error)?
        do {
            let store = try #require(h.testStore.store as? PostgresStore)
            try await body(h, store) {
                DedicatedConnection(configuration: store.hotConnection.configuration, eventLoop: group.next(), logger: store.logger)
            }
        } catch {
            failure = error
        }
        try await group.shutdownGracefully()
        try await h.close()
        if let failure { throw failure }
    }

    /// Waits up to 10 s for `connection` to close.
    static func closes(_ connection: PostgresConnection) async -> Bool {
        await withTaskGroup(of: Bool.self) { race in
            race.addTask { (try? await connection.closeFuture.get()) != nil }
            race.addTask {
                try? await Task.sleep(for: .seconds(10))
                return false
            }
            defer { race.cancelAll() }
            return await race.next() ?? false
        }
    }

    /// Killed by the server, the store's connection is reopened, and at most the read that found
    /// it dead fails, with 503, none after it.
    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func theHotConnectionComesBackAfterTheServerDropsIt() async throws {
        try await Self.withStore { h, store, _ in
            let user = try await h.user()
            var input = EntryInput()
            input.start = .value(h.now())
            let entry = try await h.service.create(for: user, workspaceID: user.defaultWorkspaceID, input: input)
            // Through the batched reader: the store's cache would answer without the connection.
            #expect(try await store.currentReads.read(user.id)?.id == entry.id)
            let pid = try await store.hotConnection.run { conn in
                var pid: Int32 = 0
                for try await value in try await conn.query("SELECT pg_backend_pid()", logger: store.logger).decode(Int32.self) { pid = value }
                return pid
            }
            try await store.client.query("SELECT pg_terminate_backend(\(pid))", logger: store.logger)
            var failures = 0
            for _ in 0..<5 {
                do {
                    #expect(try await store.currentReads.read(user.id)?.id == entry.id)
                } catch let error as TrackingError {
                    failures += 1
                    #expect(failures == 1 && error.kind == .unavailable, "\(error)")
                }
            }
            #expect(failures <= 1)
            #expect(store.hotConnection.openedCount == 2)
        }
    }

    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func aDroppedHolderClosesItsConnection() async throws {
        try await Self.withStore { _, _, makeHolder in
            var holder: DedicatedConnection? = makeHolder()
            let connection = try await holder!.run { $0 }
            #expect(!connection.isClosed)
            holder = nil
            let closed = await Self.closes(connection)
            #expect(closed, "the dropped holder left its connection open")
            if !closed { try await connection.close() }
        }
    }

    /// A connection-class error can arrive while the channel still looks open (a terminated
    /// backend's FATAL 57P01 before its close): it answers 503, and the connection is closed and
    /// replaced, not reused.
    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func aConnectionErrorOnAnOpenChannelAnswers503AndReconnects() async throws {
        try await Self.withStore { _, store, makeHolder in
            let holder = makeHolder()
            let first = try await holder.run { $0 }
            do {
                try await holder.run { conn in
                    try await conn.query(
                        "DO $$ BEGIN RAISE EXCEPTION 'connection lost' USING ERRCODE = '08006'; END $$", logger: store.logger)
                }
                Issue.record("the raised error was swallowed")
            } catch let error as TrackingError {
                #expect(error.kind == .unavailable)
            }
            #expect(await Self.closes(first), "the failed connection was left open")
            let second = try await holder.run { $0 }
            #expect(second !== first && !second.isClosed)
            #expect(holder.openedCount == 2)
            // A statement's own error is the caller's: the connection stays.
            await #expect(throws: PSQLError.self) {
                try await holder.run { conn in try await conn.query("SELECT 1/0", logger: store.logger) }
            }
            #expect(try await holder.run { $0 } === second)
            await holder.close()
        }
    }
}
