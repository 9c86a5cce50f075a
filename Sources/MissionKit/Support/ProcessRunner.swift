import CProcessSupport
import MissionSystem

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with an argument array (never through a shell) and captures its output.
///
/// Built on `posix_spawn` directly: it is several times cheaper than Foundation's `Process`
/// per call (which matters for handoff verification's git calls), and it can put the child in its
/// own process group, so a timeout kills everything the child started.
public enum ProcessRunner {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String
        public var timedOut: Bool
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `executable` (a path, or a name looked up in PATH) with `arguments` in `directory`.
    /// The child runs in a process group of its own; when it exits, whatever it left running in
    /// that group (`sleep 91 &`) is killed. With `timeout` (seconds), the whole group is killed
    /// when it expires; with `interruption`, when missionctl receives SIGINT/SIGTERM/SIGHUP.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil, timeout: Double? = nil,
        environment: [String: String]? = nil, interruption: Interruption? = nil
    ) throws(MissionError) -> Output {
        let path: String
        if executable.contains("/") {
            path = executable
        } else if let found = which(executable) {
            path = found
        } else {
            throw MissionError("cannot run \(executable): not found in PATH")
        }
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0 else { throw MissionError("cannot create a pipe: \(errnoText())") }
        guard pipe(&errPipe) == 0 else {
            let reason = errnoText()
            close(outPipe[0])
            close(outPipe[1])
            throw MissionError("cannot create a pipe: \(reason)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        if let directory { mc_spawn_file_actions_addchdir(&actions, directory) }
        let pid: pid_t
        do {
            pid = try spawn([path] + arguments, actions: &actions, environment: environment)
        } catch {
            close(outPipe[1])
            close(errPipe[1])
            close(outPipe[0])
            close(errPipe[0])
            throw error
        }
        close(outPipe[1])
        close(errPipe[1])
        interruption?.running(pid)
        defer { interruption?.finished() }
        let deadline = timeout.map { DispatchTime.now().uptimeNanoseconds + UInt64($0 * 1_000_000_000) }
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        var timedOut = false
        var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0), pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 65536)
        var leaderExited = false
        while open > 0 {
            // Wake up now and then: the child may have exited while a process it left behind
            // still holds the pipes open.
            var wait: Int32 = 250
            if !leaderExited, exitedWithoutReaping(pid) {
                leaderExited = true
                kill(-pid, SIGKILL)  // the leader is a zombie until reaped, so its group id is still ours
            }
            if let deadline {
                let now = DispatchTime.now().uptimeNanoseconds
                if now >= deadline {
                    timedOut = true
                    kill(-pid, SIGKILL)
                    break
                }
                wait = Int32(min(250, (deadline - now) / 1_000_000 + 1))
            }
            let ready = poll(&fds, 2, wait)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for i in 0..<2 where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if i == 0 { stdout += buffer[0..<n] } else { stderr += buffer[0..<n] }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(fds[i].fd)
                    fds[i].fd = -1
                    open -= 1
                }
            }
        }
        for i in 0..<2 where fds[i].fd >= 0 { close(fds[i].fd) }
        // Leftovers of the group die before the leader is reaped (its pid, and so the group id,
        // cannot be reused before that).
        while !exitedWithoutReaping(pid) { usleep(1000) }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: exitCode, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self), timedOut: timedOut)
    }

    /// Spawns `arguments` (the first is a path or a PATH name) in a new process group with default
    /// signal handling and an empty signal mask, after the caller's file actions. The child gets
    /// descriptors 0–2 only: SwiftNIO's sockets are not close-on-exec, and a service that
    /// inherited one would keep a server's connection or port open after the server closed it.
    public static func spawn(
        _ arguments: [String], actions: inout posix_spawn_file_actions_t, environment: [String: String]?
    ) throws(MissionError) -> pid_t {
        mc_spawn_file_actions_addclosefrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let program = arguments[0].contains("/") ? arguments[0] : (which(arguments[0]) ?? arguments[0])
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw MissionError("cannot run \(arguments[0]): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Whether `pid` has exited, without reaping it (WNOWAIT keeps the zombie and its ids).
    static func exitedWithoutReaping(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        let rc = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        return rc == 0 && info._sifields._sigchld.si_pid == pid
    }

    /// The first executable named `name` in PATH.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
