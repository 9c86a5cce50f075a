import Synchronization

/// Keeps SQLite's one writer connection coherent while a catalog transaction spans awaits
/// (`SQLiteExecutor.transaction`): a transaction runs alone (`exclusive`); statements committed
/// on their own (`shared`) run together, since GRDB's queue already serializes them, and so keep
/// its pipelining. Waiters are served in arrival order (a waiting transaction is not overtaken),
/// suspended rather than blocking a thread.
final class WriteGate: Sendable {
    private struct Waiter {
        let exclusive: Bool
        let continuation: CheckedContinuation<Void, Never>
    }
    private struct State {
        var shared = 0
        var exclusive = false
        var waiting: [Waiter] = []

        /// Whether a newcomer may enter now.
        func admits(exclusive wantsExclusive: Bool) -> Bool {
            guard !exclusive, waiting.isEmpty else { return false }
            return wantsExclusive ? shared == 0 : true
        }

        mutating func enter(exclusive wantsExclusive: Bool) {
            if wantsExclusive { exclusive = true } else { shared += 1 }
        }

        /// The waiters that may enter now, in order, entered.
        mutating func admitWaiting() -> [CheckedContinuation<Void, Never>] {
            var admitted: [CheckedContinuation<Void, Never>] = []
            while let first = waiting.first, !exclusive, !first.exclusive || shared == 0 {
                waiting.removeFirst()
                enter(exclusive: first.exclusive)
                admitted.append(first.continuation)
            }
            return admitted
        }
    }
    private let state = Mutex(State())

    /// Runs `body` alone: no other body, shared or exclusive, runs meanwhile.
    func exclusive<T>(_ body: () async throws -> T) async rethrows -> T {
        await enter(exclusive: true)
        defer { leave(exclusive: true) }
        return try await body()
    }

    /// Runs `body` beside other shared bodies, never during an exclusive one.
    func shared<T>(_ body: () async throws -> T) async rethrows -> T {
        await enter(exclusive: false)
        defer { leave(exclusive: false) }
        return try await body()
    }

    private func enter(exclusive: Bool) async {
        let entered = state.withLock { state in
            guard state.admits(exclusive: exclusive) else { return false }
            state.enter(exclusive: exclusive)
            return true
        }
        if entered { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let admitted = state.withLock { state in
                state.waiting.append(Waiter(exclusive: exclusive, continuation: continuation))
                // The holders may have left since the first look.
                return state.admitWaiting()
            }
            for waiter in admitted { waiter.resume() }
        }
    }

    private func leave(exclusive: Bool) {
        let admitted = state.withLock { state in
            if exclusive { state.exclusive = false } else { state.shared -= 1 }
            return state.admitWaiting()
        }
        for waiter in admitted { waiter.resume() }
    }
}
