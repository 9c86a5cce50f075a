import Synchronization

/// Lets one body run at a time, across suspensions; the others wait their turn in order,
/// suspended rather than blocking a thread.
///
/// SQLite's writer connection is one, and a transaction spans several statements with awaits
/// between them (`SQLiteExecutor.transaction`): every write takes the gate, so no statement of
/// another request runs inside someone else's transaction.
final class SerialGate: Sendable {
    private struct State {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
        var head = 0
    }
    private let state = Mutex(State())

    func run<T>(_ body: () async throws -> T) async rethrows -> T {
        await enter()
        defer { leave() }
        return try await body()
    }

    private func enter() async {
        let entered = state.withLock { state in
            if state.busy { return false }
            state.busy = true
            return true
        }
        if entered { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let enteredNow = state.withLock { state in
                // The holder may have left since the first look.
                if !state.busy {
                    state.busy = true
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if enteredNow { continuation.resume() }
        }
    }

    /// Hands the gate to the first waiter (it stays busy), or opens it.
    private func leave() {
        let next: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard state.head < state.waiting.count else {
                state.busy = false
                state.waiting.removeAll(keepingCapacity: true)
                state.head = 0
                return nil
            }
            defer { state.head += 1 }
            return state.waiting[state.head]
        }
        next?.resume()
    }
}
