import Foundation
import Logging
import PostgresNIO

/// Whether this server may answer `current` from memory on PostgreSQL, where, unlike SQLite's
/// single server per file, several servers may share a schema.
///
/// A server caches running entries only while it is alone on its schema and *owns* the schema's
/// cache regime, the one row of `cache_regime` (epoch, owner). Every write of time entries, by any
/// server, locks that row `FOR SHARE` and goes ahead only if the regime lets it (`writeGate`): no
/// owner, or the writer itself, and not inside a takeover's delay. A regime change updates the row,
/// so it waits for the writes in flight and fences every later write that the new regime forbids.
///
/// Each server holds a shared advisory lock (the schema's membership) on its own connection and
/// renews its view every `heartbeat`:
/// - alone and no owner: it claims the regime (epoch + 1) and starts with an empty cache;
/// - the owner sees a second member: it stops using its cache, then gives the regime up;
/// - an owner whose connection is gone (its membership lock went with it), or has not run a
///   heartbeat for `3 × lease`, is replaced by a regime without owner whose writes wait `2 × lease`.
/// The owner trusts its cache for `lease` after the last heartbeat that confirmed its regime, so a
/// server cut off from PostgreSQL stops serving from memory before anybody else may write.
final class CacheOwnership: @unchecked Sendable {
    /// How often a server renews its view, and how long an owner trusts its cache without news.
    struct Timing: Sendable {
        var heartbeat: Duration
        var lease: Duration

        init(heartbeat: Duration = .milliseconds(250), lease: Duration = .seconds(1)) {
            self.heartbeat = heartbeat
            self.lease = lease
        }
    }

    /// The regime as one heartbeat saw it.
    struct View: Sendable {
        var pid: Int32
        var epoch: Int64
        var ownerID: String?
        var ownerPID: Int32?
        var members: Int64
        var joined: Bool
        var ownerAlive: Bool
        var writable: Bool
    }

    let cache = RunningEntryCache()
    /// This server's identity in the regime row.
    let id = UUID().uuidString
    let timing: Timing
    private let connection: DedicatedConnection
    private let table: String
    private let logger: Logger
    private let lock = NSLock()
    private var ownedEpoch: Int64?
    private var leaseEnd = ContinuousClock.now
    private var lastView: View?
    private var loop: Task<Void, Never>?
    private var claims = 0

    /// `table`: the schema-qualified `cache_regime`; `schema` names the membership lock.
    init(connection: DedicatedConnection, table: String, schema: String, timing: Timing, logger: Logger) {
        self.connection = connection
        self.table = table
        self.timing = timing
        self.logger = logger
        // The two-key advisory lock form: a namespace, and the schema's FNV-1a hash (non-negative,
        // since pg_locks shows it as an oid). Two schemas with the same hash only see each other as
        // members, which costs caching, never correctness.
        var hash: UInt32 = 2_166_136_261
        for byte in schema.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        membership = "\(Self.namespace), \(Int32(bitPattern: hash & 0x7FFF_FFFF))"
        let key = "l.classid = \(Self.namespace) AND l.objid = \(hash & 0x7FFF_FFFF) AND l.objsubid = 2"
        members = """
            l.locktype = 'advisory' AND l.granted AND \(key)
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """
    }

    private static let namespace: Int32 = 0x6D63  // "mc"
    /// Arguments of `pg_advisory_lock_shared(int, int)`.
    private let membership: String
    /// The `pg_locks l` rows of the membership lock.
    private let members: String

    /// Whether `current` may be answered from `cache` now.
    var cacheUsable: Bool { lock.withLock { ownedEpoch != nil && ContinuousClock.now < leaseEnd } }

    /// Regimes claimed so far (tests).
    var claimCount: Int { lock.withLock { claims } }

    /// The last heartbeat's view (tests, diagnostics).
    var view: View? { lock.withLock { lastView } }

    /// Joins the schema and renews every `heartbeat` until `stop()`. Returns once this server may
    /// write: the regime has no other owner and no takeover delay runs; after a bounded wait it
    /// returns anyway (writes then answer 503 until the regime allows them).
    func start() async {
        try? await beat()
        let heartbeat = timing.heartbeat
        let task = Task { [weak self] in
            var failing = false
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                guard !Task.isCancelled, let self else { return }
                do {
                    try await self.beat()
                    if failing { self.logger.info("cache regime heartbeat works again") }
                    failing = false
                } catch {
                    self.relinquish()
                    // Once per outage, not every heartbeat.
                    if !failing {
                        self.logger.warning("cache regime heartbeat failed, `current` is read from PostgreSQL: \(String(describing: error))")
                    }
                    failing = true
                }
            }
        }
        lock.withLock { loop = task }
        let deadline = ContinuousClock.now + timing.lease * 2 + timing.heartbeat * 8 + .seconds(2)
        while ContinuousClock.now < deadline {
            if let view, view.writable, view.ownerID == nil || view.ownerID == id { return }
            try? await Task.sleep(for: timing.heartbeat / 4)
        }
        logger.warning("another server still owns this schema's cache regime; time entry writes answer 503 until it lets go")
    }

    /// Stops renewing, gives the regime up when owned (so that another server need not wait out a
    /// takeover), and leaves the schema.
    func stop() async {
        await stopHeartbeat()
        if let epoch = relinquish() {
            _ = try? await connection.run { conn in try await endRegime(epoch, on: conn) }
        }
        await connection.close()
    }

    /// Stops renewing only: an owner keeps using its cache until its lease ends (tests).
    func stopHeartbeat() async {
        let task = lock.withLock {
            defer { loop = nil }
            return loop
        }
        task?.cancel()
        await task?.value
    }

    /// One heartbeat: join if needed, then renew, give up, take over or claim the regime.
    func beat() async throws {
        let sent = ContinuousClock.now
        try await connection.run { conn in
            var view = try await self.read(conn)
            if !view.joined {
                try await conn.query("SELECT pg_advisory_lock_shared(\(unescaped: membership))", logger: logger)
                view = try await self.read(conn)
            }
            var changed = false
            let owned = lock.withLock { ownedEpoch }
            // The row names this server and this very session: nobody else has written since.
            let mine = view.ownerID == id && view.ownerPID == view.pid
            if owned != nil && !(mine && view.epoch == owned) {
                relinquish()
                logger.warning("lost this schema's cache regime (epoch \(owned ?? -1)); serving `current` from PostgreSQL")
            }
            if mine {
                if view.members > 1 {
                    // Off before the row changes: once it has, another server may write.
                    relinquish()
                    try await endRegime(view.epoch, on: conn)
                    changed = true
                    logger.info("another server joined this schema: `current` is no longer answered from memory")
                } else if owned == view.epoch {
                    lock.withLock { leaseEnd = sent + timing.lease }
                } else {
                    // A regime that a failed heartbeat dropped here but not in the row: taken
                    // back, since only an owner gives it up, and left alone it would keep a server
                    // that joins later from writing.
                    take(view.epoch, confirmedAt: sent)
                }
            } else if view.ownerID != nil, !view.ownerAlive {
                // The owner's connection is gone, or idle for three leases (a hung or stopped
                // process keeps its connection open, and with it the regime, which would refuse
                // every other server's writes). It may still answer from memory until its lease
                // ends, so nobody writes for twice that.
                try await endRegime(view.epoch, writesWait: timing.lease * 2, on: conn)
                changed = true
                logger.warning("took over this schema's cache regime from a server that is gone (epoch \(view.epoch))")
            } else if view.ownerID == nil, view.members == 1 {
                let claimed = ContinuousClock.now
                var epoch: Int64?
                for try await e in try await conn.query(
                    """
                    UPDATE \(unescaped: table) SET epoch = epoch + 1, owner_id = \(id), owner_pid = pg_backend_pid()
                    WHERE id = 1 AND epoch = \(view.epoch) AND owner_id IS NULL RETURNING epoch
                    """, logger: logger
                ).decode(Int64.self) {
                    epoch = e
                }
                changed = true
                if let epoch {
                    take(epoch, confirmedAt: claimed)
                    lock.withLock { claims += 1 }
                    logger.info("alone on this schema: `current` is answered from memory (epoch \(epoch))")
                }
            }
            let latest = changed ? try await self.read(conn) : view
            lock.withLock { lastView = latest }
        }
    }

    /// Starts using the cache as owner of `epoch`, empty: a read that raced the last
    /// `relinquish()` may have filled it since, with what another server's write then changed.
    private func take(_ epoch: Int64, confirmedAt: ContinuousClock.Instant) {
        cache.reset()
        lock.withLock {
            ownedEpoch = epoch
            leaseEnd = confirmedAt + timing.lease
        }
    }

    /// Ends the regime `epoch` (when still current): no owner, and with `writesWait`, no writes
    /// for that long.
    private func endRegime(_ epoch: Int64, writesWait: Duration? = nil, on conn: PostgresConnection) async throws {
        let wait = writesWait.map(Self.seconds) ?? 0
        try await conn.query(
            """
            UPDATE \(unescaped: table) SET epoch = epoch + 1, owner_id = NULL, owner_pid = NULL,
                writable_from = greatest(writable_from, clock_timestamp() + make_interval(secs => \(wait)))
            WHERE id = 1 AND epoch = \(epoch)
            """, logger: logger)
    }

    /// Stops using the cache; returns the epoch owned until now.
    @discardableResult
    func relinquish() -> Int64? {
        let epoch: Int64? = lock.withLock {
            defer { ownedEpoch = nil }
            return ownedEpoch
        }
        if epoch != nil { cache.reset() }
        return epoch
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func read(_ conn: PostgresConnection) async throws -> View {
        let rows = try await conn.query(
            """
            WITH m AS (SELECT DISTINCT l.pid FROM pg_locks l WHERE \(unescaped: members))
            SELECT pg_backend_pid(), r.epoch, r.owner_id, r.owner_pid, (SELECT count(*) FROM m),
                EXISTS (SELECT 1 FROM m WHERE m.pid = pg_backend_pid()),
                EXISTS (SELECT 1 FROM m WHERE m.pid = r.owner_pid)
                    AND COALESCE((SELECT a.state_change >= clock_timestamp() - make_interval(secs => \(Self.seconds(timing.lease * 3)))
                        FROM pg_stat_activity a WHERE a.pid = r.owner_pid), TRUE),
                r.writable_from <= clock_timestamp()
            FROM \(unescaped: table) r WHERE r.id = 1
            """, logger: logger)
        for try await (pid, epoch, ownerID, ownerPID, members, joined, alive, writable) in rows.decode(
            (Int32, Int64, String?, Int32?, Int64, Bool, Bool, Bool).self)
        {
            return View(
                pid: pid, epoch: epoch, ownerID: ownerID, ownerPID: ownerPID, members: members, joined: joined, ownerAlive: alive,
                writable: writable)
        }
        throw TrackingError(.unavailable, "\(table) has no regime row; run the migrations")
    }

    /// The condition, for a `SELECT … FROM cache_regime WHERE id = 1 AND …`, under which the server
    /// `writerID` may write time entries now: no owner, or itself, whatever the epoch (only other
    /// servers' caches can miss a write, and while it owns the regime nobody else caches). SQL
    /// text, not bindings, so that it composes into any statement; the id is ours (a UUID).
    static func writeGate(writerID: String) -> String {
        "writable_from <= clock_timestamp() AND (owner_id IS NULL OR owner_id = '\(writerID)')"
    }
}
