import Foundation
import NIOCore
import Synchronization

/// Caps open connections, in all and per client address, and closes connections that go quiet,
/// so that clients that open connections and never finish a request cannot use up the server's
/// file descriptors: 10,000 half-sent requests once left `/healthz` unanswered. A connection over
/// a cap is closed at once; one on which nothing is read or written for `idleTimeout` is closed
/// then, whether it is between requests or in the middle of sending one (a request whose headers
/// never complete is never seen by the HTTP layer, whose own idle timeout waits for it).
public final class ConnectionLimiter: Sendable {
    public let total: Int
    public let perAddress: Int
    public let idleTimeout: TimeAmount
    private struct State {
        var open = 0
        var byAddress: [String: Int] = [:]
        var refused = 0
    }
    private let state = Mutex(State())
    /// Connections refused so far (tests and diagnostics).
    public var refused: Int { state.withLock { $0.refused } }

    public init(total: Int, perAddress: Int, idleTimeout: Double = 30) {
        self.total = max(1, total)
        self.perAddress = max(1, perAddress)
        self.idleTimeout = .nanoseconds(Int64(max(0.05, idleTimeout) * 1_000_000_000))
    }

    /// The default total: the soft descriptor limit less room for the database and logs, at most 10,000.
    public static var defaultTotal: Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1000 }
        return max(64, min(10_000, Int(clamping: limit.rlim_cur) - 128))
    }

    func admit(_ address: String) -> Bool {
        let (total, perAddress) = (total, perAddress)
        return state.withLock { state in
            guard state.open < total, state.byAddress[address, default: 0] < perAddress else {
                state.refused += 1
                return false
            }
            state.open += 1
            state.byAddress[address, default: 0] += 1
            return true
        }
    }

    func release(_ address: String) {
        state.withLock { state in
            state.open -= 1
            if let n = state.byAddress[address], n > 1 { state.byAddress[address] = n - 1 } else { state.byAddress.removeValue(forKey: address) }
        }
    }

    /// One per connection: counts it while it is open, closes it when a cap is reached or when it
    /// has been quiet for the idle timeout. It never looks into what passes through it.
    final class Handler: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny
        typealias OutboundIn = NIOAny
        let limiter: ConnectionLimiter
        var admitted: String?
        var lastActivity = NIODeadline.now()
        var watch: RepeatedTask?

        init(_ limiter: ConnectionLimiter) {
            self.limiter = limiter
        }

        func handlerAdded(context: ChannelHandlerContext) {
            if context.channel.isActive { admitOrClose(context) }
        }

        func channelActive(context: ChannelHandlerContext) {
            if admitted == nil { admitOrClose(context) }
            context.fireChannelActive()
        }

        func admitOrClose(_ context: ChannelHandlerContext) {
            let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
            guard limiter.admit(address) else {
                context.close(promise: nil)
                return
            }
            admitted = address
            lastActivity = .now()
            let timeout = limiter.idleTimeout
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let selfBound = NIOLoopBound(self, eventLoop: context.eventLoop)
            watch = context.eventLoop.scheduleRepeatedTask(initialDelay: timeout, delay: .nanoseconds(timeout.nanoseconds / 4)) { _ in
                if NIODeadline.now() - selfBound.value.lastActivity >= timeout { loopBound.value.close(promise: nil) }
            }
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            lastActivity = .now()
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            lastActivity = .now()
            context.write(data, promise: promise)
        }

        func channelInactive(context: ChannelHandlerContext) {
            watch?.cancel()
            watch = nil
            if let address = admitted {
                limiter.release(address)
                admitted = nil
            }
            context.fireChannelInactive()
        }
    }
}
