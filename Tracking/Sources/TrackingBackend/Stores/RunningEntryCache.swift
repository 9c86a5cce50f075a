import Foundation

/// Each user's running entry (or its absence), kept in memory by the one process that writes the
/// database's time entries, so that `current`, which clients poll, need not query it every time.
///
/// Coherence rests on two rules. Every write of a user's entries runs inside `writing(userIDs:)`:
/// while it is in flight, reads of those users go to the database, and when it ends (committed or
/// not) their cached values are dropped. A value read from the database is kept only if no write
/// started or ended while it was being read (`generation`), so a read that raced a write can never
/// cache what the write replaced. Nothing else may write entries: `SQLiteStore` holds an exclusive
/// lock on its database for as long as it caches (see `SQLiteStore.Access`). PostgreSQL servers
/// share their schema, so `PostgresStore` keeps no such cache.
final class RunningEntryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int64: TimeEntry?] = [:]
    private var inFlight: [Int64: Int] = [:]
    private var generation: UInt64 = 0
    private let limit: Int
    private var hitCount = 0
    private var missCount = 0

    /// `limit` caps memory; when full the map starts over.
    init(limit: Int = 100_000) {
        self.limit = max(1, limit)
    }

    /// Hits and misses so far (tests and diagnostics).
    var statistics: (hits: Int, misses: Int) { lock.withLock { (hitCount, missCount) } }

    /// The user's running entry: cached, or read with `read` (and cached when no write interfered).
    func runningEntry(userID: Int64, read: () async throws -> TimeEntry?) async rethrows -> TimeEntry? {
        let (hit, started): (TimeEntry??, UInt64) = lock.withLock {
            let hit = inFlight[userID] == nil ? values[userID] : nil
            if hit == nil { missCount += 1 } else { hitCount += 1 }
            return (hit, generation)
        }
        if let hit { return hit }
        let value = try await read()
        lock.withLock {
            guard generation == started, inFlight[userID] == nil else { return }
            if values.count >= limit { values.removeAll(keepingCapacity: true) }
            values[userID] = .some(value)
        }
        return value
    }

    /// Forgets every value, and any read in flight is not kept (a new owner starts empty).
    func reset() {
        lock.withLock {
            generation &+= 1
            values.removeAll()
        }
    }

    /// Runs a write of `userIDs`' entries; see the type's comment.
    func writing<T>(userIDs: [Int64], _ body: () async throws -> T) async rethrows -> T {
        lock.withLock {
            generation &+= 1
            for id in userIDs {
                inFlight[id, default: 0] += 1
                values.removeValue(forKey: id)
            }
        }
        defer {
            lock.withLock {
                generation &+= 1
                for id in userIDs {
                    values.removeValue(forKey: id)
                    if let count = inFlight[id], count > 1 { inFlight[id] = count - 1 } else { inFlight.removeValue(forKey: id) }
                }
            }
        }
        return try await body()
    }
}
