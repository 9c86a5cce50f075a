import Foundation
import Synchronization

/// A bounded, thread-safe in-memory map whose entries expire: API-token `Authorization` headers →
/// users, tag ids → names. Both can change (a token reset, a profile edit, a tag renamed or
/// deleted), possibly through another server on the same PostgreSQL schema, so an entry lives
/// `lifetime` at most; the server that makes a change clears the map at once. The bound caps
/// memory, and the map is simply cleared when full.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: (value: Value, expires: UInt64)]>([:])
    private let limit: Int
    private let lifetime: UInt64

    /// `lifetime` in seconds.
    init(limit: Int = 10_000, lifetime: Double = 1) {
        self.limit = limit
        self.lifetime = UInt64(lifetime * 1_000_000_000)
    }

    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    subscript(key: Key) -> Value? {
        let now = Self.now
        return values.withLock { values in
            guard let entry = values[key], entry.expires > now else { return nil }
            return entry.value
        }
    }

    /// The cached values among `keys`, and the keys that are missing (or expired).
    func lookup(_ keys: [Key]) -> (found: [Key: Value], missing: [Key]) {
        let now = Self.now
        return values.withLock { values in
            var found: [Key: Value] = [:]
            var missing: [Key] = []
            for key in keys {
                if let entry = values[key], entry.expires > now { found[key] = entry.value } else { missing.append(key) }
            }
            return (found, missing)
        }
    }

    func insert(_ value: Value, for key: Key) {
        let expires = Self.now + lifetime
        let limit = limit
        values.withLock { values in
            if values.count >= limit { values.removeAll(keepingCapacity: true) }
            values[key] = (value, expires)
        }
    }

    func removeAll() {
        values.withLock { $0.removeAll(keepingCapacity: true) }
    }
}
