import Foundation

/// A bounded in-memory map from API token to user. Tokens are derived from the user id and the
/// server secret, so an entry can never become wrong while the process runs; the bound only
/// caps memory (the cache is simply cleared when full).
final class TokenCache: @unchecked Sendable {
    private let lock = NSLock()
    private var users: [String: User] = [:]
    private let limit: Int

    init(limit: Int = 10_000) {
        self.limit = limit
    }

    func user(for token: String) -> User? {
        lock.withLock { users[token] }
    }

    func insert(_ user: User, for token: String) {
        lock.withLock {
            if users.count >= limit { users.removeAll(keepingCapacity: true) }
            users[token] = user
        }
    }
}
