import Foundation

/// A bounded, thread-safe in-memory map for values that never change once known: API-token
/// `Authorization` headers → users (a token is derived from the user id and the server secret),
/// tag ids → names (tags are never renamed or deleted). Entries therefore never go stale; the
/// bound only caps memory, and the map is simply cleared when full.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private let limit: Int

    init(limit: Int = 10_000) {
        self.limit = limit
    }

    subscript(key: Key) -> Value? {
        lock.withLock { values[key] }
    }

    /// The cached values among `keys`, and the keys that are missing.
    func lookup(_ keys: [Key]) -> (found: [Key: Value], missing: [Key]) {
        lock.withLock {
            var found: [Key: Value] = [:]
            var missing: [Key] = []
            for key in keys {
                if let value = values[key] { found[key] = value } else { missing.append(key) }
            }
            return (found, missing)
        }
    }

    func insert(_ value: Value, for key: Key) {
        lock.withLock {
            if values.count >= limit { values.removeAll(keepingCapacity: true) }
            values[key] = value
        }
    }
}
