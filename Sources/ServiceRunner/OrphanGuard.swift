import CProcessSupport
import MissionSystem
import MissionKit

#if canImport(Glibc)
import Glibc
#endif

/// Kills process groups when missionctl dies, however it dies (SIGKILL included): a small shell,
/// in a group of its own, waits on a pipe that only missionctl holds open. When missionctl exits
/// without `disarm()`, the pipe closes and the shell kills the groups.
public final class OrphanGuard: @unchecked Sendable {
    private var writeFD: Int32
    private let pid: pid_t

    public init(groups: [pid_t]) throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw RunnerError("cannot create a pipe (\(String(cString: strerror(errno))))") }
        // Children never inherit the write end (every spawn also closes descriptors from 3 up).
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let script = "read word; [ \"$word\" = disarm ] && exit 0; for g in \"$@\"; do kill -9 \"-$g\" 2>/dev/null; done"
        let valid = groups.filter { $0 > 1 && $0 != getpgrp() }
        do {
            pid = try ProcessRunner.spawn(["/bin/sh", "-c", script, "missionctl-orphan-guard"] + valid.map(String.init), actions: &actions, environment: nil)
        } catch {
            close(fds[0])
            close(fds[1])
            throw RunnerError(error.message)
        }
        close(fds[0])
        writeFD = fds[1]
    }

    /// The groups were stopped properly: the guard exits without killing anything.
    public func disarm() {
        guard writeFD >= 0 else { return }
        _ = "disarm\n".withCString { write(writeFD, $0, 7) }
        close(writeFD)
        writeFD = -1
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    deinit {
        if writeFD >= 0 { close(writeFD) }
    }
}
