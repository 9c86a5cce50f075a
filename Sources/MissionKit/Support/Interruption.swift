import MissionSystem
import Synchronization

/// Catches SIGINT, SIGTERM and SIGHUP while missionctl runs commands from input (`--rerun`):
/// the running command's whole process group is killed at once, and the caller cleans up and
/// reports the interrupt as an interrupt (never as a timeout or a failed command).
public final class Interruption: @unchecked Sendable {
    /// The first signal received (0: none) and the process group now running (0: none).
    private let state = Mutex<(received: Int32, group: pid_t)>((0, 0))
    private var sources: [DispatchSourceSignal] = []
    private let signals: [Int32]

    public init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        self.signals = signals
        for sig in signals {
            _ = signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in self?.receive(sig) }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received, 0 when none.
    public var receivedSignal: Int32 { state.withLock { $0.received } }

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
        state.withLock {
            if $0.received == 0 { $0.received = sig }
            if $0.group > 0 { kill(-$0.group, SIGKILL) }
        }
    }

    /// The process group now running; killed at once if a signal already arrived.
    public func running(_ pgid: pid_t) {
        state.withLock {
            $0.group = pgid
            if $0.received != 0 { kill(-pgid, SIGKILL) }
        }
    }

    public func finished() {
        state.withLock { $0.group = 0 }
    }

    /// Restores the default handling (a later signal ends missionctl as usual).
    public func cancel() {
        sources.forEach { $0.cancel() }
        for sig in signals { _ = signal(sig, SIG_DFL) }
    }
}
