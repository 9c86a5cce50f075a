import ArgumentParser
import MissionSystem
import MissionKit
import ServiceRunner
import Synchronization

/// `missionctl services`: run what .factory/services.yaml declares.
struct ServicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: "Start, check and stop what .factory/services.yaml declares, with real health checks.",
        discussion: """
            Services start detached in their own process group, dependencies first, with output in \
            .factory/run/logs/<name>.log, and are polled with their healthcheck until healthy. A service whose \
            healthcheck already passes is reused: not started, and never stopped by missionctl. Whatever missionctl \
            started is stopped in reverse dependency order: the `stop` command, then SIGTERM to the process group, \
            SIGKILL after the grace period. State lives in .factory/run/services.json.
            """,
        subcommands: [
            ServicesListCommand.self, ServicesUpCommand.self, ServicesDownCommand.self, ServicesStatusCommand.self,
            ServicesRunCommand.self, ServicesExecCommand.self,
        ]
    )
}

extension RepoOption {
    func supervisor() throws -> ServiceSupervisor {
        let root = try root()
        do { return try ServiceSupervisor.load(repo: root) } catch let e as RunnerError { throw MissionError(e.message) }
    }
}

func runnerErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as RunnerError { throw MissionError(e.message, exitStatus: e.isServiceFailure ? 1 : nil) }
}

struct ServicesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List commands and services, with ports and dependencies.")
    @OptionGroup var repo: RepoOption

    func run() throws {
        let s = try repo.supervisor()
        Console.line("commands:")
        for c in s.file.commands { Console.line("  \(TextTable.pad(c.name, 24)) \(c.command)") }
        Console.line("services:")
        for svc in s.file.services {
            let deps = svc.dependsOn.map(\.name).joined(separator: ", ")
            Console.line("  \(TextTable.pad(svc.name, 24)) port \(svc.port.map(String.init) ?? "-")  depends on: \(deps.isEmpty ? "-" : deps)")
        }
    }
}

struct ServicesUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "up", abstract: "Start services (all when none named) and their dependencies.")
    @OptionGroup var repo: RepoOption
    @Option(help: "Seconds each service may take to become healthy.") var timeout: Double = 60
    @Option(help: "Seconds between SIGTERM and SIGKILL when a failed start is rolled back.") var grace: Double = 10
    @Argument(help: "Services to start.") var names: [String] = []

    func run() throws {
        let s = try repo.supervisor()
        _ = try runnerErrors { try s.up(names, timeout: timeout, grace: grace) { Console.line($0) } }
    }
}

struct ServicesDownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "down", abstract: "Stop what missionctl started, in reverse dependency order.")
    @OptionGroup var repo: RepoOption
    @Option(help: "Seconds between SIGTERM and SIGKILL.") var grace: Double = 10
    @Argument(help: "Services to stop (all when none).") var names: [String] = []

    func run() throws {
        let s = try repo.supervisor()
        try runnerErrors { try s.down(names, grace: grace) { Console.line($0) } }
    }
}

struct ServicesStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show each service: healthy, unhealthy, running or stopped, pid, port, owned or reused.")
    @OptionGroup var repo: RepoOption

    func run() throws {
        let s = try repo.supervisor()
        let rows = try runnerErrors { try s.status() }
        let table = [["SERVICE", "STATE", "PID", "PORT", "OWNER"]] + rows.map {
            [$0.name, $0.state, $0.pid.map(String.init) ?? "-", $0.port.map(String.init) ?? "-", $0.ownership]
        }
        Console.out(TextTable.render(table))
    }
}

struct ServicesRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run commands.NAME through /bin/sh -c in the repository root; its exit code is passed through.")
    @OptionGroup var repo: RepoOption
    @Argument(help: "The command's name in services.yaml.") var name: String
    @Argument(parsing: .postTerminator, help: "Arguments appended to the command (after --).") var arguments: [String] = []

    func run() throws {
        let s = try repo.supervisor()
        guard let command = s.file.command(name) else {
            throw MissionError("no command `\(name)` in .factory/services.yaml (declared: \(s.file.commands.map(\.name).joined(separator: ", ")))")
        }
        // Arguments are passed as positional parameters, never spliced into the shell text.
        let pid = try runnerErrors { try ProcessGroup.spawnForeground(["/bin/sh", "-c", command.command + " \"$@\"", name] + arguments, in: s.repo) }
        let forwarder = SignalForwarder(pgid: pid)
        let code = ProcessGroup.wait(pid) ?? 1
        forwarder.cancel()
        throw ExitCode(code)
    }
}

struct ServicesExecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Bring services up, run a command, bring them down, and exit with the command's code.",
        discussion: "Ctrl-C or SIGTERM at any point stops everything it started. Example: missionctl services exec --with api -- curl -sf http://127.0.0.1:18080/readyz")
    @OptionGroup var repo: RepoOption
    @Option(help: "Comma-separated services to bring up (default: all).") var with: String?
    @Option(help: "Seconds each service may take to become healthy.") var timeout: Double = 60
    @Option(help: "Seconds between SIGTERM and SIGKILL.") var grace: Double = 10
    @Argument(parsing: .postTerminator, help: "The command to run (after --).") var command: [String] = []

    func validate() throws {
        if command.isEmpty { throw ValidationError("name the command to run after --, e.g. missionctl services exec -- swift test") }
    }

    func run() throws {
        let s = try repo.supervisor()
        let names = with?.split(separator: ",").map { $0.trimming(" \t") } ?? []
        let cleanup = ExecCleanup(supervisor: s, grace: grace)
        cleanup.install()
        let started = try runnerErrors { try s.up(names, timeout: timeout, grace: grace) { Console.raw($0 + "\n") } }
        let pid = try runnerErrors { try ProcessGroup.spawnForeground(command, in: FileManager.default.currentDirectoryPath) }
        cleanup.child = pid
        // Even a SIGKILL of missionctl must not leave the command or these services running.
        cleanup.orphanGuard = try runnerErrors { try OrphanGuard(groups: [pid] + started.compactMap(\.pgid)) }
        let code = ProcessGroup.wait(pid)
        // Interrupted: the signal handler owns shutdown and exits with 128+signal; never race it.
        if cleanup.isInterrupted || code == nil { cleanup.waitForever() }
        cleanup.child = nil
        try runnerErrors { try s.down(names, grace: grace) { Console.raw($0 + "\n") } }
        cleanup.orphanGuard?.disarm()
        throw ExitCode(code ?? 1)
    }
}

/// Forwards SIGINT/SIGTERM to a child's process group while it runs.
final class SignalForwarder: @unchecked Sendable {
    let sources: [DispatchSourceSignal]

    init(pgid: pid_t) {
        sources = [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { kill(-pgid, sig) }
            source.resume()
            return source
        }
    }

    func cancel() { sources.forEach { $0.cancel() } }
}

/// On SIGINT/SIGTERM during `exec`: stop the command and every service this run started, then exit.
final class ExecCleanup: @unchecked Sendable {
    let supervisor: ServiceSupervisor
    let grace: Double
    var child: pid_t?
    var orphanGuard: OrphanGuard?
    var sources: [DispatchSourceSignal] = []
    private let interrupted = Mutex(false)

    var isInterrupted: Bool { interrupted.withLock { $0 } }

    /// Blocks the main flow while the handler stops everything and exits the process.
    func waitForever() -> Never {
        while true { sleep(60) }
    }

    init(supervisor: ServiceSupervisor, grace: Double) {
        self.supervisor = supervisor
        self.grace = grace
    }

    func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [self] in
                interrupted.withLock { $0 = true }
                if let child { ProcessGroup.terminate(child, grace: grace) }
                try? supervisor.down([], grace: grace) { Console.raw($0 + "\n") }
                orphanGuard?.disarm()
                exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }
}
