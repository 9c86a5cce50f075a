import Foundation

/// Whether the store's database answers, as a background probe last saw it (`PostgresHealthProbe`).
/// Requests consult it so that an outage is answered at once: 503 for every new request while the
/// database is down, and 503 for a request already waiting on it the moment the probe finds it
/// gone, instead of holding the client until a pool or TCP timeout.
public final class DatabaseHealth: @unchecked Sendable {
    private let lock = NSLock()
    private var reason: String?
    private var waiters: [Int: @Sendable () -> Void] = [:]
    private var nextWaiter = 0

    public init() {}

    /// Why the database is unavailable, or nil while it answers.
    public var unavailableReason: String? { lock.withLock { reason } }

    /// The 503 a request gets while the database is down.
    public static func unavailable(_ reason: String) -> TrackingError {
        TrackingError(.unavailable, "the database is unavailable (\(reason)); retry the request")
    }

    /// The probe found the database gone: every request waiting on it is answered now.
    func markDown(_ why: String) {
        let woken: [@Sendable () -> Void] = lock.withLock {
            let wasUp = reason == nil
            reason = why
            guard wasUp else { return [] }
            defer { waiters.removeAll() }
            return Array(waiters.values)
        }
        for wake in woken { wake() }
    }

    /// The probe reached the database again.
    func markUp() { lock.withLock { reason = nil } }

    /// Runs `body`, answering 503 at once while the database is down, and as soon as it goes down
    /// while `body` waits on it. `body` is then left to finish or fail on its own: its result is
    /// never sent, so nothing it does is acknowledged.
    public func guarded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        if let reason = unavailableReason { throw Self.unavailable(reason) }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = ResumeOnce(continuation)
            let id: Int? = lock.withLock {
                guard reason == nil else { return nil }
                nextWaiter += 1
                let id = nextWaiter
                waiters[id] = { [weak self] in
                    once.resume(with: .failure(Self.unavailable(self?.unavailableReason ?? "connection lost")))
                }
                return id
            }
            guard let id else {
                once.resume(with: .failure(Self.unavailable(unavailableReason ?? "connection lost")))
                return
            }
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await body()) } catch { result = .failure(error) }
                self.lock.withLock { _ = self.waiters.removeValue(forKey: id) }
                once.resume(with: result)
            }
        }
    }

    /// A continuation resumed by whichever comes first: the result or the outage.
    private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T, any Error>?

        init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = continuation }

        func resume(with result: Result<T, any Error>) {
            lock.withLock { () -> CheckedContinuation<T, any Error>? in
                defer { continuation = nil }
                return continuation
            }?.resume(with: result)
        }
    }
}
