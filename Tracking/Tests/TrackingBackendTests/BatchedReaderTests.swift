import Foundation
import NIOPosix
import Testing

@testable import TrackingBackend

/// Concurrent point reads share queries, every reader gets its own key's value, at most `limit`
/// queries run at once, and a failed query fails its batch without losing a slot.
@Suite struct BatchedReaderTests {
    /// Records what the fake database was asked, and how many queries overlapped.
    final class FakeDatabase: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var queries: [[Int]] = []
        private var running = 0
        private(set) var mostAtOnce = 0
        var failing = false

        func fetch(_ keys: [Int]) async throws -> [Int: String] {
            let fail = lock.withLock {
                queries.append(keys)
                running += 1
                mostAtOnce = max(mostAtOnce, running)
                return failing
            }
            try? await Task.sleep(for: .milliseconds(5))  // a round trip, during which others queue
            lock.withLock { running -= 1 }
            if fail { throw TrackingError(.unavailable, "database down") }
            // Even keys have a value; odd keys have none.
            return Dictionary(uniqueKeysWithValues: keys.filter { $0 % 2 == 0 }.map { ($0, "value \($0)") })
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test(arguments: [1, 2])
    func concurrentReadsShareQueries(limit: Int) async throws {
        let database = FakeDatabase()
        let reader = BatchedReader<Int, String>(limit: limit) { try await database.fetch($0) }
        let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for i in 0..<200 { group.addTask { (i % 50, try await reader.read(i % 50)) } }
            return try await group.reduce(into: [(Int, String?)]()) { $0.append($1) }
        }
        #expect(answers.count == 200)
        for (key, value) in answers { #expect(value == (key % 2 == 0 ? "value \(key)" : nil)) }
        // 200 reads; with 5 ms per query they cannot each have had their own.
        #expect(database.queries.count < 100)
        #expect(database.queries.allSatisfy { Set($0).count == $0.count })  // a key once per query
        #expect(database.mostAtOnce <= limit)
        #expect(reader.statistics.batches == database.queries.count)
    }

    @Test func anIdleReadIsOneQueryOfOneKey() async throws {
        let database = FakeDatabase()
        let reader = BatchedReader<Int, String>(limit: 2) { try await database.fetch($0) }
        #expect(try await reader.read(4) == "value 4")
        #expect(try await reader.read(5) == nil)
        #expect(database.queries == [[4], [5]])
    }

    @Test func failuresReachEveryReaderOfTheBatchAndFreeTheSlot() async throws {
        let database = FakeDatabase()
        database.failing = true
        let reader = BatchedReader<Int, String>(limit: 1) { try await database.fetch($0) }
        let failures = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<40 {
                group.addTask {
                    do {
                        _ = try await reader.read(i)
                        return false
                    } catch {
                        return (error as? TrackingError)?.kind == .unavailable
                    }
                }
            }
            return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(failures == 40)
        database.failing = false
        #expect(try await reader.read(8) == "value 8")  // the one slot came back after every failure
    }

    /// The queries run on the executor given (PostgreSQL's event loop in the store), not on the
    /// readers' tasks.
    @Test func batchesRunOnTheGivenExecutor() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let database = FakeDatabase()
        let offLoop = Counter()
        let reader = BatchedReader<Int, String>(limit: 1, executor: EventLoopTaskExecutor(loop)) { keys in
            if !loop.inEventLoop { offLoop.add() }
            return try await database.fetch(keys)
        }
        let answers = try await withThrowingTaskGroup(of: String?.self) { group in
            for i in 0..<60 { group.addTask { try await reader.read(i * 2) } }
            return try await group.reduce(into: 0) { count, value in count += value == nil ? 0 : 1 }
        }
        #expect(answers == 60)
        #expect(offLoop.value == 0)
        #expect(database.queries.count >= 1)
        try await group.shutdownGracefully()
    }
}
