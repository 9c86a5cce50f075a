import Foundation
import Synchronization

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
final class RunningEntryCache: Sendable {
    private struct State {
        var values: [Int64: TimeEntry?] = [:]
        var inFlight: [Int64: Int] = [:]
        var generation: UInt64 = 0
        var hitCount = 0
        var missCount = 0
    }
    private let state = Mutex(State())
    private let limit: Int

    /// `limit` caps memory; when full the map starts over.
    init(limit: Int = 100_000) {
        self.limit = max(1, limit)
    }

    /// Hits and misses so far (tests and diagnostics).
    var statistics: (hits: Int, misses: Int) { state.withLock { ($0.hitCount, $0.missCount) } }

    /// The user's running entry: cached, or read with `read` (and cached when no write interfered).
    func runningEntry(userID: Int64, read: () async throws -> TimeEntry?) async rethrows -> TimeEntry? {
        let (hit, started): (TimeEntry??, UInt64) = state.withLock { state in
            let hit = state.inFlight[userID] == nil ? state.values[userID] : nil
            if hit == nil { state.missCount += 1 } else { state.hitCount += 1 }
            return (hit, state.generation)
        }
        if let hit { return hit }
        let value = try await read()
        let limit = limit
        state.withLock { state in
            guard state.generation == started, state.inFlight[userID] == nil else { return }
            if state.values.count >= limit { state.values.removeAll(keepingCapacity: true) }
            state.values[userID] = .some(value)
        }
        return value
    }

    /// Forgets every value, and any read in flight is not kept (a new owner starts empty).
    func reset() {
        state.withLock { state in
            state.generation &+= 1
            state.values.removeAll()
        }
    }

    /// Runs a write of `userIDs`' entries; see the type's comment.
    func writing<T>(userIDs: [Int64], _ body: () async throws -> T) async rethrows -> T {
        state.withLock { state in
            state.generation &+= 1
            for id in userIDs {
                state.inFlight[id, default: 0] += 1
                state.values.removeValue(forKey: id)
            }
        }
        defer {
            state.withLock { state in
                state.generation &+= 1
                for id in userIDs {
                    state.values.removeValue(forKey: id)
                    if let count = state.inFlight[id], count > 1 { state.inFlight[id] = count - 1 } else { state.inFlight.removeValue(forKey: id) }
                }
            }
        }
        return try await body()
    }
}
