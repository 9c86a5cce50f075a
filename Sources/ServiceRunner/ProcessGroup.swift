import CProcessSupport
import MissionSystem
import MissionKit

#if canImport(Glibc)
import Glibc
#endif

/// Starting and stopping commands in their own process groups, so that stopping a service
/// reaches everything it started, and nothing it started outlives it.
public enum ProcessGroup {
    /// Starts `/bin/sh -c command` detached in a new process group (pgid = pid), in `directory`,
    /// with stdin from /dev/null and stdout+stderr appended to `log`. Returns the pid.
    public static func spawnDetached(_ command: String, in directory: String, log: String, environment: [String: String]? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        mc_spawn_file_actions_addchdir(&actions, directory)
        return try spawn(["/bin/sh", "-c", command], actions: &actions, environment: environment)
    }

    /// Runs `arguments` in the foreground (same terminal, own process group so signals can be
    /// forwarded to everything it started) and returns its pid. `outputToStandardError` sends
    /// its standard output to standard error.
    public static func spawnForeground(
        _ arguments: [String], in directory: String, environment: [String: String]? = nil, outputToStandardError: Bool = false
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // A report on standard output (validate's) stays clean while the child's output is shown.
        if outputToStandardError { posix_spawn_file_actions_adddup2(&actions, 2, 1) }
        mc_spawn_file_actions_addchdir(&actions, directory)
        return try spawn(arguments, actions: &actions, environment: environment)
    }

    static func spawn(_ arguments: [String], actions: inout posix_spawn_file_actions_t, environment: [String: String]?) throws -> pid_t {
        do {
            return try ProcessRunner.spawn(arguments, actions: &actions, environment: environment)
        } catch {
            throw RunnerError(error.message)
        }
    }

    /// Whether any process of group `pgid` is still alive. Zombies do not count: an exited
    /// service re-parented to an init that reaps slowly (or never) is gone all the same.
    public static func isAlive(_ pgid: pid_t) -> Bool {
        reap(pgid)
        guard kill(-pgid, 0) == 0 || errno == EPERM else { return false }
        guard let members = livingMembers(pgid) else { return true }  // no /proc: trust kill(2)
        return !members.isEmpty
    }

    /// The boot this machine is in (a recorded pid means nothing after a reboot).
    public static var bootID: String? {
        (try? FileSystem.readBytes("/proc/sys/kernel/random/boot_id", limit: 4096)).map { String(decoding: $0, as: UTF8.self).trimming() }
    }

    /// When `pid` started, in clock ticks since boot (/proc/<pid>/stat field 22); nil when it is gone.
    public static func startTime(_ pid: pid_t) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else {
            return nil
        }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }

    /// Pids of group `pgid` that are not zombies, from /proc (nil when /proc is unavailable).
    public static func livingMembers(_ pgid: pid_t) -> [pid_t]? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        var result: [pid_t] = []
        for entry in entries {
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // "pid (comm) state ppid pgrp …": comm may contain spaces, so parse after the last ')'.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, let group = pid_t(fields[2]), group == pgid else { continue }
            if fields[0] != "Z" && fields[0] != "X" { result.append(pid) }
        }
        return result
    }

    /// Reaps `pid` if it is our exited child, so it does not linger as a zombie.
    public static func reap(_ pid: pid_t) {
        var status: Int32 = 0
        _ = waitpid(pid, &status, WNOHANG)
    }

    /// Whether our child `pid` has exited (then its status), without blocking.
    public static func exitStatus(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        guard r == pid else { return nil }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// SIGTERM to the group, then SIGKILL after `grace` seconds if anything survives.
    /// Returns true when SIGKILL was needed.
    @discardableResult
    public static func terminate(_ pgid: pid_t, grace: Double) -> Bool {
        guard isAlive(pgid) else { return false }
        kill(-pgid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while Date() < deadline {
            if !isAlive(pgid) { return false }
            usleep(50_000)
        }
        kill(-pgid, SIGKILL)
        for _ in 0..<100 {
            if !isAlive(pgid) { break }
            usleep(20_000)
        }
        return true
    }

    /// Waits for our child `pid` and returns its exit code (128+signal when killed), or nil when
    /// another thread reaped it first (a liveness check during shutdown), so no code is invented.
    public static func wait(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        while true {
            if waitpid(pid, &status, 0) >= 0 { break }
            if errno != EINTR { return nil }
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

/// A runner failure with a message that names the service and says what happened.
public struct RunnerError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// A service that failed (never healthy, exited early): a result, exit 1, not a usage error.
    public var isServiceFailure: Bool
    public init(_ message: String, isServiceFailure: Bool = false) {
        self.message = message
        self.isServiceFailure = isServiceFailure
    }
    public var description: String { message }
}
