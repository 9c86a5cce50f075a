import Foundation
import NIOPosix
import PostgresNIO
import Testing

@testable import TrackingBackend

/// The batched `current` read's own PostgreSQL connection: lost connections answer 503 and are
/// replaced, and no connection is ever dropped open (PostgresNIO asserts on that in debug builds,
/// which took a whole CI test run down).
@Suite struct DedicatedConnectionTests {
    /// A connection holder beside the test store's, on the same database and schema.
    static func holder(_ store: PostgresStore, _ group: MultiThreadedEventLoopGroup) -> DedicatedConnection {
        DedicatedConnection(configuration: store.hotConnection.configuration, eventLoop: group.next(), logger: store.logger)
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

    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func aDroppedHolderClosesItsConnection() async throws {
        let h = try await Harness(.postgres)
        let store = try #require(h.testStore.store as? PostgresStore)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var holder: DedicatedConnection? = Self.holder(store, group)
        let connection = try await holder!.run { $0 }
        #expect(!connection.isClosed)
        holder = nil
        let closed = await Self.closes(connection)
        #expect(closed, "the dropped holder left its connection open")
        if !closed { try await connection.close() }
        try await group.shutdownGracefully()
        try await h.close()
    }

    /// A connection-class error can arrive while the channel still looks open (a terminated
    /// backend's FATAL 57P01 before its close): it answers 503, and the connection is closed and
    /// replaced, not reused.
    @Test(.enabled(if: StoreKind.postgresURL != nil, "needs DATABASE_URL"))
    func aConnectionErrorOnAnOpenChannelAnswers503AndReconnects() async throws {
        let h = try await Harness(.postgres)
        let store = try #require(h.testStore.store as? PostgresStore)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let holder = Self.holder(store, group)
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
        try await group.shutdownGracefully()
        try await h.close()
    }
}
