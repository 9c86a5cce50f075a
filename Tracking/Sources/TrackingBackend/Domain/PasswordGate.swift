import Dispatch
import Foundation
import Synchronization

/// Where password logins are verified, so that they cannot freeze the server.
///
/// scrypt takes about half a second of CPU by design. Run on Swift's cooperative pool (one thread
/// per core), a few wrong-password clients took token requests from 3 ms to 5 s. Here every
/// hash runs on threads of its own, at most `limit` at a time; at most `queueLimit` more wait, and
/// any beyond answer 429 at once. Failed logins are counted per account and per client address,
/// and over `failureLimit` in `window` they answer 429 too, for the rest of the window.
final class PasswordGate: Sendable {
    let limit: Int
    let queueLimit: Int
    let failureLimit: (account: Int, address: Int)
    let window: Double

    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
        var failures: [String: (count: Int, since: Double)] = [:]
        var peak = 0
        var hashes = 0
    }
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "missionctl.password-hashing", attributes: .concurrent)
    /// Highest number of hashes seen at once, and hashes run (tests and diagnostics).
    var peak: Int { state.withLock { $0.peak } }
    var hashes: Int { state.withLock { $0.hashes } }

    init(
        limit: Int = max(1, ProcessInfo.processInfo.activeProcessorCount / 2), queueLimit: Int = 32,
        failureLimit: (account: Int, address: Int) = (20, 10), window: Double = 60
    ) {
        self.limit = max(1, limit)
        self.queueLimit = queueLimit
        self.failureLimit = failureLimit
        self.window = window
    }

    static var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Runs `work` (a hash) off the cooperative pool once a slot is free, or throws 429.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        let admitted: Bool? = state.withLock { state in
            if state.running < limit {
                state.running += 1
                state.peak = max(state.peak, state.running)
                return true
            }
            return state.waiting.count < queueLimit ? false : nil
        }
        guard let admitted else {
            throw TrackingError(.tooManyRequests, "too many password logins at once; retry shortly, or use the API token")
        }
        if !admitted {
            // Woken by a finishing hash, which hands its slot over (`running` stays counted).
            await withCheckedContinuation { continuation in
                let started: Bool = state.withLock { state in
                    if state.running < limit {
                        state.running += 1
                        state.peak = max(state.peak, state.running)
                        return true
                    }
                    state.waiting.append(continuation)
                    return false
                }
                if started { continuation.resume() }
            }
        }
        defer {
            let next: CheckedContinuation<Void, Never>? = state.withLock { state in
                state.hashes += 1
                if state.waiting.isEmpty {
                    state.running -= 1
                    return nil
                }
                return state.waiting.removeFirst()
            }
            next?.resume()
        }
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    /// Throws 429 while the account or the address has failed too often in the window.
    func checkAllowed(account: String, address: String?) throws {
        let now = Self.now
        let (window, limits) = (window, failureLimit)
        let blocked = state.withLock { state in
            Self.over(state.failures, key: "a:" + account, limit: limits.account, now: now, window: window)
                || (address.map { Self.over(state.failures, key: "i:" + $0, limit: limits.address, now: now, window: window) } ?? false)
        }
        if blocked {
            throw TrackingError(.tooManyRequests, "too many failed logins; wait a minute, or use the API token")
        }
    }

    func recordFailure(account: String, address: String?) {
        let now = Self.now
        let window = window
        state.withLock { state in
            Self.bump(&state.failures, "a:" + account, now: now, window: window)
            if let address { Self.bump(&state.failures, "i:" + address, now: now, window: window) }
            if state.failures.count > 100_000 { state.failures = state.failures.filter { now - $0.value.since < window } }
        }
    }

    private static func over(_ failures: [String: (count: Int, since: Double)], key: String, limit: Int, now: Double, window: Double) -> Bool {
        guard let entry = failures[key], now - entry.since < window else { return false }
        return entry.count >= limit
    }

    private static func bump(_ failures: inout [String: (count: Int, since: Double)], _ key: String, now: Double, window: Double) {
        if let entry = failures[key], now - entry.since < window {
            failures[key] = (entry.count + 1, entry.since)
        } else {
            failures[key] = (1, now)
        }
    }
}
