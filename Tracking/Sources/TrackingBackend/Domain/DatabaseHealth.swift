import Foundation
import Synchronization

/// Whether the store's database answers, as a background probe last saw it (`PostgresHealthProbe`).
/// Requests consult it so that an outage is answered at once: 503 for every new request while the
/// database is down, and 503 for a request already waiting on it the moment the probe finds it
/// gone, instead of holding the client until a pool or TCP timeout.
public final class DatabaseHealth: Sendable {
    private struct State {
        var reason: String?
        var waiters: [Int: @Sendable () -> Void] = [:]
        var nextWaiter = 0
    }
    private let state = Mutex(State())

    public init() {}

    /// Why the database is unavailable, or nil while it answers.
    public var unavailableReason: String? { state.withLock { $0.reason } }

    /// The 503 a request gets while the database is down.
    public static func unavailable(_ reason: String) -> TrackingError {
        TrackingError(.unavailable, "the database is unavailable (\(reason)); retry the request")
    }

    /// The probe found the database gone: every request waiting on it is answered now.
    func markDown(_ why: String) {
        let woken: [@Sendable () -> Void] = state.withLock { state in
            let wasUp = state.reason == nil
            state.reason = why
            guard wasUp else { return [] }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for wake in woken { wake() }
    }

    /// The probe reached the database again.
    func markUp() { state.withLock { $0.reason = nil } }

    /// Runs `body`, answering 503 at once while the database is down, and as soon as it goes down
    /// while `body` waits on it. `body` is then left to finish or fail on its own: its result is
    /// never sent, so nothing it does is acknowledged.
    public func guarded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        if let reason = unavailableReason { throw Self.unavailable(reason) }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = ResumeOnce(continuation)
            let id: Int? = state.withLock { state in
                guard state.reason == nil else { return nil }
                state.nextWaiter += 1
                let id = state.nextWaiter
                state.waiters[id] = { [weak self] in
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
                self.state.withLock { _ = $0.waiters.removeValue(forKey: id) }
                once.resume(with: result)
            }
        }
    }

    /// A continuation resumed by whichever comes first: the result or the outage.
    private final class ResumeOnce<T: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<T, any Error>?>

        init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = Mutex(continuation) }

        func resume(with result: Result<T, any Error>) {
            continuation.withLock { continuation in
                defer { continuation = nil }
                return continuation
            }?.resume(with: result)
        }
    }
}
