import Foundation
import Synchronization

/// Coalesces concurrent point reads of a remote database into batched queries.
///
/// A read queues its key. Up to `limit` drainer tasks, started on demand on `executor`, each take
/// every key queued by then, read them in one query, answer their readers and go on while keys
/// are queued. Under load one round trip thus answers many requests, and the next query leaves as
/// soon as the previous one is answered, without waiting for a request's task to be scheduled;
/// when idle, a read is one query, as before. Every read still reaches the database after it was
/// asked for, so a request sees every write that finished before it arrived.
final class BatchedReader<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// Reads the values of `keys` (distinct); a key without a value is absent from the result.
    typealias Fetch = @Sendable ([Key]) async throws -> [Key: Value]

    private struct Waiter {
        let key: Key
        let continuation: CheckedContinuation<Value?, any Error>
    }

    private struct State {
        var waiting: [Waiter] = []
        var draining = 0
        var batchCount = 0
        var keyCount = 0
    }
    private let state = Mutex(State())
    private let limit: Int
    private let executor: (any TaskExecutor)?
    private let fetch: Fetch

    /// `executor`: where the queries are sent and answered (nil: the global executor).
    init(limit: Int, executor: (any TaskExecutor)? = nil, fetch: @escaping Fetch) {
        self.limit = max(1, limit)
        self.executor = executor
        self.fetch = fetch
    }

    /// Batches run so far and the keys they read (tests and benchmarks).
    var statistics: (batches: Int, keys: Int) { state.withLock { ($0.batchCount, $0.keyCount) } }

    func read(_ key: Key) async throws -> Value? {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value?, any Error>) in
            // Queueing and deciding to start a drainer happen in one critical section, and a
            // drainer stops only under the same mutex after finding the queue empty, so no key is
            // left behind without a drainer to read it.
            let limit = limit
            let start: Bool = state.withLock { state in
                state.waiting.append(Waiter(key: key, continuation: continuation))
                guard state.draining < limit else { return false }
                state.draining += 1
                return true
            }
            if start { Task(executorPreference: executor) { await self.drain() } }
        }
    }

    /// Reads batches until no key is queued.
    private func drain() async {
        while true {
            let batch: [Waiter] = state.withLock { state in
                defer { state.waiting.removeAll(keepingCapacity: true) }
                if state.waiting.isEmpty { state.draining -= 1 }
                return state.waiting
            }
            if batch.isEmpty { return }
            var keys: [Key] = []
            keys.reserveCapacity(batch.count)
            var seen = Set<Key>(minimumCapacity: batch.count)
            for waiter in batch where seen.insert(waiter.key).inserted { keys.append(waiter.key) }
            state.withLock { state in
                state.batchCount += 1
                state.keyCount += keys.count
            }
            do {
                let values = try await fetch(keys)
                for waiter in batch { waiter.continuation.resume(returning: values[waiter.key]) }
            } catch {
                for waiter in batch { waiter.continuation.resume(throwing: error) }
            }
        }
    }
}
