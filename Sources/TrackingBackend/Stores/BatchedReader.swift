import Foundation

/// Coalesces concurrent point reads of a remote database into batched queries.
///
/// Up to `limit` batches run at once. A read that finds every slot busy waits; when a batch
/// finishes, it hands its slot to the oldest waiter, which reads its own key together with every
/// key waiting by then in one query. Under load, one round trip thus answers many requests;
/// when idle, a read is one query, as before. Every read still reaches the database after it was
/// asked for, so a request sees every write that finished before it arrived.
final class BatchedReader<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    /// Reads the values of `keys` (distinct); a key without a value is absent from the result.
    typealias Fetch = @Sendable ([Key]) async throws -> [Key: Value]

    private enum Turn: Sendable {
        case done(Value?)
        case lead
    }

    private struct Waiter {
        let key: Key
        let continuation: CheckedContinuation<Turn, any Error>
    }

    private let lock = NSLock()
    private var waiting: [Waiter] = []
    private var inFlight = 0
    private let limit: Int
    private let fetch: Fetch
    private var batchCount = 0
    private var keyCount = 0

    init(limit: Int, fetch: @escaping Fetch) {
        self.limit = max(1, limit)
        self.fetch = fetch
    }

    /// Batches run so far and the keys they read (tests and benchmarks).
    var statistics: (batches: Int, keys: Int) { lock.withLock { (batchCount, keyCount) } }

    func read(_ key: Key) async throws -> Value? {
        // Taking a slot or queueing happens in one critical section, so that a finishing batch
        // can never miss a waiter (it hands over its slot or gives it back under the same lock).
        let turn = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Turn, any Error>) in
            let lead: Bool = lock.withLock {
                guard inFlight < limit else {
                    waiting.append(Waiter(key: key, continuation: continuation))
                    return false
                }
                inFlight += 1
                return true
            }
            if lead { continuation.resume(returning: .lead) }
        }
        if case .done(let value) = turn { return value }
        return try await lead(key)
    }

    /// Runs one batch in the slot this reader holds, then passes the slot on.
    private func lead(_ key: Key) async throws -> Value? {
        let batch: [Waiter] = lock.withLock {
            defer { waiting.removeAll(keepingCapacity: true) }
            return waiting
        }
        var keys = [key]
        var seen: Set<Key> = [key]
        for waiter in batch where seen.insert(waiter.key).inserted { keys.append(waiter.key) }
        let outcome: Result<[Key: Value], any Error>
        do {
            outcome = .success(try await fetch(keys))
        } catch {
            outcome = .failure(error)
        }
        let next: Waiter? = lock.withLock {
            batchCount += 1
            keyCount += keys.count
            if waiting.isEmpty {
                inFlight -= 1
                return nil
            }
            return waiting.removeFirst()
        }
        next?.continuation.resume(returning: .lead)
        switch outcome {
        case .success(let values):
            for waiter in batch { waiter.continuation.resume(returning: .done(values[waiter.key])) }
            return values[key]
        case .failure(let error):
            for waiter in batch { waiter.continuation.resume(throwing: error) }
            throw error
        }
    }
}
