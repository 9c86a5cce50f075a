import MissionSystem
import MissionKit

/// Starts, checks and stops what services.yaml declares, in dependency order.
public struct ServiceSupervisor: Sendable {
    public let repo: String
    public let file: ServicesFile
    /// Seconds between healthcheck polls.
    public var interval = 0.5
    /// Seconds a single healthcheck may take.
    public var checkTimeout = 5.0

    public init(repo: String, file: ServicesFile) {
        self.repo = repo
        self.file = file
    }

    /// Loads `.factory/services.yaml`; malformed files fail with check's messages (file:line:col).
    public static func load(repo: String) throws -> ServiceSupervisor {
        let path = repo + "/.factory/services.yaml"
        guard FileSystem.exists(path) else { throw RunnerError("\(path): no services.yaml (declare `commands:` and `services:` there)") }
        let (file, problems) = ServicesFile.parse(try FileSystem.readBytes(path))
        guard let file, problems.isEmpty else {
            let lines = problems.map { ".factory/services.yaml:\($0.location.line):\($0.location.column): \($0.message)" }
            throw RunnerError(lines.joined(separator: "\n"))
        }
        let cycles = DependencyCycleRule.cycles(file)
        if let cycle = cycles.first {
            throw RunnerError(".factory/services.yaml: dependency cycle \((cycle + [cycle[0]]).joined(separator: " → "))")
        }
        return ServiceSupervisor(repo: repo, file: file)
    }

    /// `names` and everything they depend on, dependencies first (all services when empty).
    public func startOrder(_ names: [String]) throws -> [String] {
        let wanted = names.isEmpty ? file.services.map(\.name) : names
        var order: [String] = []
        var visiting: Set<String> = []
        func visit(_ name: String) throws {
            guard !order.contains(name) else { return }
            guard let service = file.service(name) else {
                let known = file.services.map(\.name).joined(separator: ", ")
                throw RunnerError("no service `\(name)` in .factory/services.yaml (declared: \(known.isEmpty ? "none" : known))")
            }
            guard visiting.insert(name).inserted else { return }
            for dep in service.dependsOn { try visit(dep.name) }
            order.append(name)
        }
        for name in wanted { try visit(name) }
        return order
    }

    // MARK: - Health

    public struct HealthResult: Sendable {
        public var healthy: Bool
        public var output: String
    }

    /// Runs the service's healthcheck once (a service without one is healthy while its process lives).
    public func health(_ service: ServicesFile.Service, pgid: Int32? = nil) -> HealthResult {
        guard let check = service.healthcheck else {
            if let pgid { return HealthResult(healthy: ProcessGroup.isAlive(pgid), output: "no healthcheck; process \(ProcessGroup.isAlive(pgid) ? "running" : "gone")") }
            return HealthResult(healthy: false, output: "no healthcheck")
        }
        guard let out = try? ProcessRunner.run("/bin/sh", ["-c", check], in: repo, timeout: checkTimeout) else {
            return HealthResult(healthy: false, output: "healthcheck could not run")
        }
        let text = (out.stdoutText + out.stderr).trimming()
        return HealthResult(healthy: out.status == 0 && !out.timedOut, output: out.timedOut ? "healthcheck timed out after \(Int(checkTimeout)) s" : text)
    }

    // MARK: - Up

    /// What `up` did for one service.
    public struct Started: Sendable {
        public var name: String
        public var reused: Bool
        public var pgid: Int32?
        public var seconds: Double
    }

    /// Starts `names` and their dependencies, dependencies first. Already-healthy services are
    /// reused (never stopped by missionctl). On failure everything this call started is stopped
    /// again and the error names the service, its last healthcheck output and the log's tail.
    public func up(_ names: [String], timeout: Double, grace: Double = 10, report: (String) -> Void = { _ in }) throws -> [Started] {
        var state = try RunState.load(repo: repo)
        var started: [Started] = []
        let logs = repo + "/.factory/run/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        do {
            for name in try startOrder(names) {
                guard let service = file.service(name) else { continue }
                if let entry = state.services[name], let pgid = verifiedGroup(name, entry), health(service, pgid: pgid).healthy {
                    report("\(name): already running (pid \(pgid))")
                    continue
                }
                let begin = Date()
                if let port = service.port,
                    let other = started.first(where: { $0.name != name && file.service($0.name)?.port == port })
                {
                    // Its healthcheck would pass on the other service's port: it would look reused while never running.
                    throw RunnerError(
                        "service `\(name)` declares port \(port), which `\(other.name)` already serves in this run; give each service its own port",
                        isServiceFailure: true)
                }
                if service.healthcheck != nil, health(service).healthy {
                    state.services[name] = RunState.Entry(pgid: nil, reused: true, log: nil, startedAt: begin)
                    try state.save(repo: repo)
                    started.append(Started(name: name, reused: true, pgid: nil, seconds: 0))
                    report("\(name): reused (its healthcheck already passes; missionctl will not stop it)")
                    continue
                }
                guard let start = service.start else { throw RunnerError("service `\(name)` has no `start` command and its healthcheck fails") }
                let log = "\(logs)/\(name).log"
                let pid = try ProcessGroup.spawnDetached(start, in: repo, log: log)
                state.services[name] = RunState.Entry(
                    pgid: pid, reused: false, log: log, startedAt: begin, identity: RunState.ProcessIdentity.of(pid))
                try state.save(repo: repo)
                started.append(Started(name: name, reused: false, pgid: pid, seconds: 0))
                try waitHealthy(service, pid: pid, log: log, timeout: timeout)
                started[started.count - 1].seconds = Date().timeIntervalSince(begin)
                report("\(name): healthy after \(Date().timeIntervalSince(begin).fixed(1)) s (pid \(pid), log \(FileSystem.relativePath(log, to: repo)))")
            }
        } catch {
            // Leave nothing behind that this call started.
            for s in started.reversed() where !s.reused {
                if let pgid = s.pgid { ProcessGroup.terminate(pgid, grace: grace) }
                state.services[s.name] = nil
            }
            for s in started where s.reused { state.services[s.name] = nil }
            try? state.save(repo: repo)
            throw error
        }
        return started
    }

    func waitHealthy(_ service: ServicesFile.Service, pid: Int32, log: String, timeout: Double) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = HealthResult(healthy: false, output: "")
        while true {
            if let code = ProcessGroup.exitStatus(pid), service.healthcheck == nil || !health(service).healthy {
                throw RunnerError(
                    "service `\(service.name)` exited with status \(code) before it became healthy\n\(tail(log))", isServiceFailure: true)
            }
            last = health(service, pgid: pid)
            if last.healthy { return }
            if Date() >= deadline { break }
            usleep(UInt32(interval * 1_000_000))
        }
        throw RunnerError(
            """
            service `\(service.name)` did not become healthy within \(Int(timeout)) s
            last healthcheck (`\(service.healthcheck ?? "none")`): \(last.output.isEmpty ? "(no output)" : last.output)
            \(tail(log))
            """, isServiceFailure: true)
    }

    func tail(_ log: String, lines: Int = 15) -> String {
        // The last 64 KiB hold the last lines; a log of gigabytes is never read whole.
        guard let data = FileSystem.readTail(log, count: 64 * 1024), !data.isEmpty else { return "log \(FileSystem.relativePath(log, to: repo)): (empty)" }
        let text = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
        return "last lines of \(FileSystem.relativePath(log, to: repo)):\n\(text)"
    }

    /// The process group of `entry` when it provably is the one this tool started for `name`:
    /// a service of services.yaml, a group id above 1 that is not missionctl's own, and a leader
    /// with the recorded boot and start time (or, once the leader exited, members that all
    /// started after it in the same boot). Nil otherwise: such a group is never signalled.
    func verifiedGroup(_ name: String, _ entry: RunState.Entry) -> pid_t? {
        guard file.service(name) != nil, !entry.reused, let pgid = entry.pgid, pgid > 1, pgid != getpgrp(), pgid != getpid(),
            let recorded = entry.identity, ProcessGroup.isAlive(pgid)
        else { return nil }
        if let leader = RunState.ProcessIdentity.of(pgid) { return leader == recorded ? pgid : nil }
        guard ProcessGroup.bootID == recorded.bootID, let members = ProcessGroup.livingMembers(pgid), !members.isEmpty else { return nil }
        return members.allSatisfy { (ProcessGroup.startTime($0) ?? 0) >= recorded.startTime } ? pgid : nil
    }

    // MARK: - Down

    /// Stops what missionctl started, dependents first: the `stop` command when there is one,
    /// then SIGTERM to the process group, SIGKILL after `grace`. Reused services are left alone.
    public func down(_ names: [String], grace: Double, report: (String) -> Void = { _ in }) throws {
        var state = try RunState.load(repo: repo)
        let order = names.isEmpty ? try startOrder(file.services.map(\.name)).filter { state.services[$0] != nil } + state.services.keys.filter { file.service($0) == nil }.sorted() : try startOrder(names)
        for name in order.reversed() {
            guard let entry = state.services[name] else { continue }
            if entry.reused {
                report("\(name): reused, left running (missionctl did not start it)")
            } else if file.service(name) == nil {
                report("\(name): not in services.yaml; its state entry is dropped, nothing is signalled")
            } else if let recorded = entry.pgid {
                if let pgid = verifiedGroup(name, entry) {
                    if let stop = file.service(name)?.stop {
                        _ = try? ProcessRunner.run("/bin/sh", ["-c", stop], in: repo, timeout: grace)
                    }
                    let killed = ProcessGroup.terminate(pgid, grace: grace)
                    report("\(name): stopped (pid \(pgid)\(killed ? ", SIGKILL after \(Int(grace)) s" : ""))")
                } else if ProcessGroup.isAlive(recorded) {
                    report("\(name): process group \(recorded) is not the one missionctl started (reboot, reused pid, or an edited state file): left alone")
                } else {
                    report("\(name): was not running")
                }
            }
            state.services[name] = nil
            try state.save(repo: repo)
        }
    }

    // MARK: - Status

    public struct Status: Sendable {
        public var name: String
        public var state: String
        public var pid: Int32?
        public var port: Int?
        public var ownership: String
    }

    public func status() throws -> [Status] {
        let state = try RunState.load(repo: repo)
        return file.services.map { service in
            let entry = state.services[service.name]
            let alive = entry.flatMap { verifiedGroup(service.name, $0) } != nil
            let healthy = (entry?.reused == true || alive) ? health(service, pgid: entry?.pgid).healthy : false
            let label: String
            if entry?.reused == true {
                label = healthy ? "healthy" : "unhealthy"
            } else if alive {
                label = healthy ? "healthy" : (service.healthcheck == nil ? "running" : "unhealthy")
            } else {
                label = "stopped"
            }
            return Status(
                name: service.name, state: label, pid: alive ? entry?.pgid : nil, port: service.port,
                ownership: entry == nil ? "-" : (entry?.reused == true ? "reused" : "owned"))
        }
    }
}
