import Dispatch

/// Runs a throwing computation on another thread right away; `value()` waits for it.
///
/// Used to overlap independent subprocess calls (each blocks its thread on I/O).
final class Concurrent<T: Sendable>: @unchecked Sendable {
    private var result: Result<T, MissionError>?
    private let group = DispatchGroup()

    init(_ body: @escaping @Sendable () throws(MissionError) -> T) {
        group.enter()
        DispatchQueue.global().async {
            let outcome = Result { () throws(MissionError) in try body() }
            self.result = outcome
            self.group.leave()
        }
    }

    func value() throws(MissionError) -> T {
        group.wait()
        return try result!.get()
    }
}
