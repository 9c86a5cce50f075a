import Foundation
import MissionKit
import ServiceRunner
import Testing

/// Real processes: small shell scripts as services, checked with the process table.
@Suite(.serialized) struct ServiceSupervisorTests {
    final class Repo {
        let root = NSTemporaryDirectory() + "missionctl-services-" + UUID().uuidString

        init(_ yaml: String) throws {
            try FileManager.default.createDirectory(atPath: root + "/.factory", withIntermediateDirectories: true)
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: root + "/.factory/services.yaml"))
        }

        deinit {
            // Never leave a process behind, even when a test failed half-way.
            if let state = try? RunState.load(repo: root) {
                for entry in state.services.values { if let pgid = entry.pgid { ProcessGroup.terminate(pgid, grace: 0.2) } }
            }
            try? FileManager.default.removeItem(atPath: root)
        }

        func supervisor() throws -> ServiceSupervisor {
            var s = try ServiceSupervisor.load(repo: root)
            s.interval = 0.1
            return s
        }

        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + name) }
        func read(_ name: String) -> String { (try? String(contentsOfFile: root + "/" + name, encoding: .utf8)) ?? "" }
    }

    static let yaml = """
        commands:
          test: "true"
        services:
          db:
            start: echo $$ > db.pid && sleep 0.5 && echo db >> order.txt && touch db.ready && exec sleep 300
            healthcheck: test -f db.ready
          api:
            start: echo api >> order.txt; touch api.ready; exec sleep 300
            stop: echo api-stop-command >> order.txt
            healthcheck: test -f api.ready
            depends_on: [db]
          never:
            start: echo starting never; echo boom >&2; exec sleep 300
            healthcheck: echo still warming up; exit 1
          stubborn:
            start: trap '' TERM; touch stubborn.ready; while true; do sleep 0.1; done
            healthcheck: test -f stubborn.ready
          external:
            start: touch external.was-started; exec sleep 300
            healthcheck: test -f external.ready
        """

    @Test func dependenciesStartFirstAndStopLast() throws {
        let repo = try Repo(Self.yaml)
        let s = try repo.supervisor()
        let started = try s.up(["api"], timeout: 10)
        #expect(started.map(\.name) == ["db", "api"])
        #expect(repo.read("order.txt") == "db\napi\n")
        let groups = started.compactMap(\.pgid)
        #expect(groups.count == 2 && groups.allSatisfy(ProcessGroup.isAlive))
        #expect(try s.status().first { $0.name == "api" }?.state == "healthy")
        try s.down([], grace: 2)
        #expect(repo.read("order.txt") == "db\napi\napi-stop-command\n")  // api's stop command ran; db has none
        #expect(groups.allSatisfy { !ProcessGroup.isAlive($0) })
        #expect(try s.status().allSatisfy { $0.state == "stopped" })
    }

    @Test func unhealthyServiceFailsWithNameHealthcheckAndLogAndLeavesNothing() throws {
        let repo = try Repo(Self.yaml)
        let s = try repo.supervisor()
        let before = Date()
        do {
            _ = try s.up(["db", "never"], timeout: 1.5, grace: 1)
            Issue.record("expected a failure")
        } catch let error as RunnerError {
            #expect(error.message.contains("service `never` did not become healthy within 1 s"))
            #expect(error.message.contains("still warming up"))
            #expect(error.message.contains("boom"))  // the log's tail
            #expect(error.isServiceFailure)  // exit 1: a result, not a usage error
        }
        #expect(Date().timeIntervalSince(before) < 10)
        // db was started by this call, so the failed `up` stopped it again.
        let state = try RunState.load(repo: repo.root)
        #expect(state.services.isEmpty)
        let dbGroup = try #require(Int32(repo.read("db.pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!ProcessGroup.isAlive(dbGroup))  // the dependency this call started is gone too
        #expect(try s.status().allSatisfy { $0.state == "stopped" })
    }

    @Test func sigkillAfterTheGracePeriod() throws {
        let repo = try Repo(Self.yaml)
        let s = try repo.supervisor()
        let started = try s.up(["stubborn"], timeout: 5)
        let pgid = try #require(started.first?.pgid)
        var lines: [String] = []
        let begin = Date()
        try s.down(["stubborn"], grace: 1) { lines.append($0) }
        #expect(Date().timeIntervalSince(begin) >= 1)
        #expect(lines.first?.contains("SIGKILL after 1 s") == true)
        #expect(!ProcessGroup.isAlive(pgid))
        #expect(ProcessGroup.livingMembers(pgid) == [])
    }

    @Test func healthyServicesAreReusedAndNeverStopped() throws {
        let repo = try Repo(Self.yaml)
        FileManager.default.createFile(atPath: repo.root + "/external.ready", contents: nil)
        let s = try repo.supervisor()
        let started = try s.up(["external"], timeout: 5)
        #expect(started.first?.reused == true)
        #expect(!repo.exists("external.was-started"))
        var lines: [String] = []
        try s.down([], grace: 1) { lines.append($0) }
        #expect(lines == ["external: reused, left running (missionctl did not start it)"])
    }

    @Test func malformedServicesFileNamesThePosition() throws {
        let repo = try Repo("services:\n  api: [\n")
        #expect(throws: RunnerError.self) { _ = try repo.supervisor() }
        do { _ = try repo.supervisor() } catch let e as RunnerError { #expect(e.message.hasPrefix(".factory/services.yaml:3:")) }
    }

    @Test func unknownServiceIsAClearError() throws {
        let repo = try Repo(Self.yaml)
        #expect(throws: RunnerError.self) { _ = try repo.supervisor().up(["nope"], timeout: 1) }
    }

    @Test func aStateFileNeverMakesItSignalAProcessItDidNotStart() throws {
        let repo = try Repo(Self.yaml)
        // An unrelated process in a group of its own, as a reboot or pid reuse would leave it.
        let stranger = try ProcessGroup.spawnDetached("exec sleep 300", in: repo.root, log: repo.root + "/stranger.log")
        defer {
            ProcessGroup.terminate(stranger, grace: 0.2)
            try? FileManager.default.removeItem(atPath: RunState.path(repo: repo.root))
        }
        let start = try #require(ProcessGroup.startTime(stranger))
        let boot = try #require(ProcessGroup.bootID)
        var state = RunState()
        let now = Date()
        state.services["api"] = .init(pgid: stranger, reused: false, log: nil, startedAt: now)  // no identity: edited
        state.services["db"] = .init(pgid: stranger, reused: false, log: nil, startedAt: now, identity: .init(bootID: boot, startTime: start + 1))
        state.services["ghost"] = .init(pgid: stranger, reused: false, log: nil, startedAt: now, identity: .init(bootID: boot, startTime: start))
        state.services["never"] = .init(pgid: 0, reused: false, log: nil, startedAt: now, identity: .init(bootID: boot, startTime: start))
        state.services["stubborn"] = .init(pgid: getpgrp(), reused: false, log: nil, startedAt: now, identity: .init(bootID: boot, startTime: 0))
        try state.save(repo: repo.root)
        var lines: [String] = []
        try repo.supervisor().down([], grace: 0.5) { lines.append($0) }
        #expect(ProcessGroup.isAlive(stranger))
        #expect(lines.contains { $0.hasPrefix("ghost: not in services.yaml") })
        #expect(lines.contains { $0.hasPrefix("api:") && $0.contains("left alone") })
        #expect(lines.contains { $0.hasPrefix("db:") && $0.contains("left alone") })
        #expect(!lines.contains { $0.contains("stopped") })
        #expect(try RunState.load(repo: repo.root).services.isEmpty)
    }

    @Test func aSecondServiceOnTheSamePortIsAnErrorNotReused() throws {
        let repo = try Repo("""
            services:
              one:
                start: touch one.ready; exec sleep 300
                healthcheck: test -f one.ready
                port: 47811
              two:
                start: touch two.was-started; exec sleep 300
                healthcheck: test -f one.ready
                port: 47811
            """)
        do {
            _ = try repo.supervisor().up([], timeout: 5, grace: 0.5)
            Issue.record("expected a failure")
        } catch let error as RunnerError {
            #expect(error.message.contains("port 47811") && error.message.contains("`one`"))
            #expect(error.isServiceFailure)
        }
        #expect(try RunState.load(repo: repo.root).services.isEmpty)
    }
}
