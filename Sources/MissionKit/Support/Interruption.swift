import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Catches SIGINT, SIGTERM and SIGHUP while missionctl runs commands from input (`--rerun`):
/// the running command's whole process group is killed at once, and the caller cleans up and
/// reports the interrupt as an interrupt (never as a timeout or a failed command).
public final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32 = 0
    private var group: pid_t = 0
    private var sources: [DispatchSourceSignal] = []
    private let signals: [Int32]

    public init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        self.signals = signals
        for sig in signals {
            Glibc.signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in self?.receive(sig) }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received, 0 when none.
    public var receivedSignal: Int32 { lock.withLock { received } }

    /// The signal's name, for messages.
    public var signalName: String {
        switch receivedSignal {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(receivedSignal)"
        }
    }

    private func receive(_ sig: Int32) {
        lock.withLock {
            if received == 0 { received = sig }
            if group > 0 { kill(-group, SIGKILL) }
        }
    }

    /// The process group now running; killed at once if a signal already arrived.
    public func running(_ pgid: pid_t) {
        lock.withLock {
            group = pgid
            if received != 0 { kill(-pgid, SIGKILL) }
        }
    }

    public func finished() {
        lock.withLock { group = 0 }
    }

    /// Restores the default handling (a later signal ends missionctl as usual).
    public func cancel() {
        sources.forEach { $0.cancel() }
        for sig in signals { Glibc.signal(sig, SIG_DFL) }
    }
}
