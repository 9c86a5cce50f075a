import Foundation

/// The tracking regression suite: one scenario per validation-assertion id.
public enum TrackingScenarios {
    static let t0 = "2026-01-05T09:00:00Z"
    static let t1 = "2026-01-05T10:00:00Z"
    static let t2 = "2026-01-05T11:00:00Z"

    public static let all: [Scenario] = [
        Scenario("VAL-TIMER-001", "One running timer per user across workspaces") { c in
            let a = try await c.api.signup("timer")
            let wsB = try await c.api.workspace(a, name: "Second workspace")
            let first = try await c.api.create(a, #"{"start": "\#(t0)", "description": "first"}"#).expect(200, "start in workspace A")
            let firstID = try first.entryID("start in workspace A")
            let second = try await c.api.create(a, wid: wsB, #"{"start": "\#(t1)", "description": "second"}"#)
            try second.expect(409, "a second start in workspace B is rejected")
            let historyA = try await c.api.history(a).expect(200, "history of A")
            try require(runningCount(historyA) == 1 && historyA.array?.count == 1, "exactly one (running) entry in A's history", historyA)
            let historyB = try await c.api.history(a, wid: wsB).expect(200, "history of B")
            try require(historyB.array?.isEmpty == true, "nothing persisted in workspace B", historyB)
            let current = try await c.api.current(a).expect(200, "current")
            try require(current.field("id") as? Int == firstID, "current is still the first entry", current)
        },
        Scenario("VAL-TIMER-002", "Concurrent starts: exactly one wins") { c in
            let a = try await c.api.signup("concurrent")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<50 {
                    group.addTask { try await c.api.create(a, #"{"start": "2026-01-05T09:\#(String(format: "%02d", i)):00Z"}"#).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            let ok = statuses.filter { $0 == 200 }.count
            let history = try await c.api.history(a).expect(200, "history")
            try require(
                ok == 1 && statuses.filter { $0 == 409 }.count == 49,
                "50 parallel starts: exactly one 200 and 49 × 409, got \(ok) × 200 and statuses \(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
            try require(runningCount(history) == 1 && history.array?.count == 1, "exactly one running entry persisted", history)
        },
        Scenario("VAL-ENTRY-001", "A stopped entry is one canonical fact") { c in
            let a = try await c.api.signup("fact")
            let created = try await c.api.create(a, #"{"start": "\#(t0)", "stop": "\#(t1)", "description": "one fact"}"#).expect(200, "create a stopped entry")
            let id = try created.entryID("create")
            try require(created.field("duration") as? Int == 3600, "duration 3600 for a one-hour entry", created)
            let byID = try await c.api.entry(a, id: id).expect(200, "read by id")
            let history = try await c.api.history(a).expect(200, "history")
            let listed = (history.array ?? []).filter { $0["id"] as? Int == id }
            try require(history.array?.count == 1 && listed.count == 1, "the entry once in the history", history)
            for key in ["start", "stop", "duration", "description"] {
                try require(
                    "\(byID.field(key) ?? "nil")" == "\(listed[0][key] ?? "nil")" && "\(byID.field(key) ?? "nil")" == "\(created.field(key) ?? "nil")",
                    "`\(key)` identical in the create response, by id and in the list", byID)
            }
        },
        Scenario("VAL-ENTRY-002", "Editing a stopped entry updates that fact") { c in
            let a = try await c.api.signup("edit")
            let id = try await c.api.create(a, #"{"start": "\#(t0)", "stop": "\#(t1)", "description": "before"}"#).expect(200, "create").entryID("create")
            let edited = try await c.api.update(a, id: id, #"{"description": "after", "stop": "\#(t2)"}"#).expect(200, "edit")
            try require(edited.field("duration") as? Int == 7200 && edited.field("description") as? String == "after", "the edit applied", edited)
            let byID = try await c.api.entry(a, id: id).expect(200, "read by id")
            try require(byID.field("description") as? String == "after" && byID.field("duration") as? Int == 7200, "by id shows the edit", byID)
            let history = try await c.api.history(a).expect(200, "history")
            try require(
                history.array?.count == 1 && history.array?.first?["description"] as? String == "after", "one row in the list, edited (no duplicate)",
                history)
        },
        Scenario("VAL-ENTRY-003", "Inconsistent start/stop/duration is rejected without mutation") { c in
            let a = try await c.api.signup("inconsistent")
            try await c.api.create(a, #"{"start": "\#(t1)", "stop": "\#(t0)"}"#).expect(400, "stop before start")
            try await c.api.create(a, #"{"start": "\#(t0)", "stop": "\#(t1)", "duration": 60}"#).expect(400, "duration ≠ stop − start")
            let empty = try await c.api.history(a).expect(200, "history")
            try require(empty.array?.isEmpty == true, "nothing created by rejected requests", empty)
            let id = try await c.api.create(a, #"{"start": "\#(t0)", "stop": "\#(t1)", "description": "keep"}"#).expect(200, "create").entryID("create")
            try await c.api.update(a, id: id, #"{"stop": "2026-01-05T08:00:00Z"}"#).expect(400, "an edit putting stop before start")
            try await c.api.update(a, id: id, #"{"stop": "\#(t2)", "duration": 5}"#).expect(400, "an edit with a mismatching duration")
            let after = try await c.api.entry(a, id: id).expect(200, "read back")
            try require(after.field("duration") as? Int == 3600 && after.field("description") as? String == "keep", "the entry unchanged", after)
        },
        Scenario("VAL-ENTRY-004", "Idle current is 200 with body null") { c in
            let a = try await c.api.signup("idle")
            let r = try await c.api.current(a).expect(200, "idle current")
            try require(r.body.trimmingCharacters(in: .whitespacesAndNewlines) == "null", "body exactly `null`", r)
        },
        Scenario("VAL-ENTRY-005", "Start plus duration without stop is a stopped entry") { c in
            let a = try await c.api.signup("duration")
            let r = try await c.api.create(a, #"{"start": "\#(t0)", "duration": 1800}"#).expect(200, "create with duration")
            let stop = r.field("stop") as? String
            try require(stop?.hasPrefix("2026-01-05T09:30:00") == true && r.field("duration") as? Int == 1800, "stop = start + 30 min", r)
            let current = try await c.api.current(a).expect(200, "current")
            try require(current.body.trimmingCharacters(in: .whitespacesAndNewlines) == "null", "nothing running", current)
        },
        Scenario("VAL-REG-001", "The conflict holds on every create path with no contradictory persistence") { c in
            let a = try await c.api.signup("paths")
            let done = try await c.api.create(a, #"{"start": "\#(t0)", "stop": "\#(t1)", "description": "done"}"#).expect(200, "a stopped entry").entryID("create")
            let running = try await c.api.create(a, #"{"start": "\#(t2)", "description": "running"}"#).expect(200, "start").entryID("start")
            try await c.api.create(a, #"{"start": "\#(t2)"}"#).expect(409, "POST while running")
            try await c.api.update(a, id: done, #"{"stop": null}"#).expect(409, "PUT re-opening a stopped entry while another runs")
            try await c.api.update(a, id: done, #"{"duration": -1}"#).expect(409, "PUT with a negative duration while another runs")
            try await c.api.continueEntry(a, id: done).expect(409, "continue while running")
            let history = try await c.api.history(a).expect(200, "history")
            try require(runningCount(history) == 1 && history.array?.count == 2, "still one running entry among two", history)
            let current = try await c.api.current(a).expect(200, "current")
            try require(current.field("id") as? Int == running, "current unchanged", current)
            let stillDone = try await c.api.entry(a, id: done).expect(200, "the stopped entry")
            try require(stillDone.field("duration") as? Int == 3600, "the stopped entry unchanged", stillDone)
        },
        Scenario("VAL-REG-004", "Current and history agree across start, stop, edit and a restart", needsOwnedServer: true) { c in
            guard let factory = c.servers else { throw ScenarioSkipped("the suite does not own a remote server, so it cannot restart it") }
            let server = try await factory.restartableServer()
            do {
                let api = SuiteAPI(client: await server.client, runID: c.api.runID)
                let a = try await api.signup("restart")
                let id = try await api.create(a, #"{"start": "\#(t0)", "description": "across restart"}"#).expect(200, "start").entryID("start")
                try await agree(api, a, running: id)
                try await api.stop(a, id: id).expect(200, "stop")
                try await agree(api, a, running: nil)
                try await api.update(a, id: id, #"{"description": "edited"}"#).expect(200, "edit")
                try await server.restart()
                let restarted = SuiteAPI(client: await server.client, runID: c.api.runID)
                try await agree(restarted, a, running: nil)
                let e = try await restarted.entry(a, id: id).expect(200, "by id after restart")
                try require(e.field("description") as? String == "edited", "the edit survives the restart", e)
                let again = try await restarted.continueEntry(a, id: id).expect(200, "continue after restart").entryID("continue")
                try await agree(restarted, a, running: again)
                try await server.shutdown()
            } catch {
                try? await server.shutdown()
                throw error
            }
        },
        Scenario("VAL-SEC-TRACK-001", "Another user cannot see the current timer or history") { c in
            let a = try await c.api.signup("owner")
            let b = try await c.api.signup("intruder")
            _ = try await c.api.create(a, #"{"start": "\#(t0)", "description": "private"}"#).expect(200, "owner starts")
            let bCurrent = try await c.api.current(b).expect(200, "intruder's current")
            try require(bCurrent.body.trimmingCharacters(in: .whitespacesAndNewlines) == "null", "the owner's timer is not the intruder's", bCurrent)
            try await c.api.history(b, wid: a.workspaceID).expect(403, "the owner's workspace history")
            let own = try await c.api.history(b).expect(200, "intruder's own history")
            try require(own.array?.isEmpty == true, "nothing of the owner's in the intruder's history", own)
        },
        Scenario("VAL-SEC-TRACK-002", "Another user cannot read entries by id") { c in
            let a = try await c.api.signup("owner")
            let b = try await c.api.signup("intruder")
            let id = try await c.api.create(a, #"{"start": "\#(t0)", "stop": "\#(t1)"}"#).expect(200, "owner's entry").entryID("create")
            let r = try await c.api.entry(b, id: id)
            try r.expect(404, "another user's entry by id")
            try require(!r.body.contains("\"start\""), "no entry data in the 404 body", r)
        },
        Scenario("VAL-SEC-TRACK-003", "Another user cannot update, stop, delete or continue entries") { c in
            let a = try await c.api.signup("owner")
            let b = try await c.api.signup("intruder")
            let id = try await c.api.create(a, #"{"start": "\#(t0)", "description": "mine"}"#).expect(200, "owner starts").entryID("start")
            let before = try await c.api.entry(a, id: id).expect(200, "owner reads").body
            try await c.api.update(b, id: id, #"{"description": "hijacked"}"#).expect(404, "update through the intruder's workspace")
            try await c.api.update(b, wid: a.workspaceID, id: id, #"{"description": "hijacked"}"#).expect(403, "update through the owner's workspace")
            try await c.api.stop(b, id: id).expect(404, "stop")
            try await c.api.delete(b, id: id).expect(404, "delete")
            try await c.api.continueEntry(b, id: id).expect(404, "continue")
            let after = try await c.api.entry(a, id: id).expect(200, "owner reads back")
            try require(after.body == before, "the owner's entry unchanged", after)
            let bCurrent = try await c.api.current(b).expect(200, "intruder's current")
            try require(bCurrent.body.trimmingCharacters(in: .whitespacesAndNewlines) == "null", "no continued copy for the intruder", bCurrent)
        },
        Scenario("VAL-SEC-TRACK-004", "A batch touching another user's entry changes nothing at all") { c in
            let a = try await c.api.signup("owner")
            let b = try await c.api.signup("intruder")
            let theirs = try await c.api.create(a, #"{"start": "\#(t0)", "stop": "\#(t1)", "description": "owner"}"#).expect(200, "owner's").entryID("create")
            let mine = try await c.api.create(b, #"{"start": "\#(t0)", "stop": "\#(t1)", "description": "intruder"}"#).expect(200, "intruder's").entryID("create")
            let patch = #"[{"op": "replace", "path": "/description", "value": "batched"}]"#
            let r = try await c.api.batch(b, ids: [mine, theirs], patch)
            try require(r.status == 404 || r.status == 403, "the batch rejected (404/403)", r)
            let owner = try await c.api.entry(a, id: theirs).expect(200, "owner reads back")
            try require(owner.field("description") as? String == "owner", "the owner's entry unchanged", owner)
            let own = try await c.api.entry(b, id: mine).expect(200, "intruder reads back")
            try require(own.field("description") as? String == "intruder", "the intruder's own entry unchanged too (all or nothing)", own)
        },
    ]

    /// `current` and the history say the same thing about what is running.
    static func agree(_ api: SuiteAPI, _ a: Account, running: Int?) async throws {
        let current = try await api.current(a).expect(200, "current")
        let history = try await api.history(a).expect(200, "history")
        let runningInHistory = (history.array ?? []).filter { $0["stop"] is NSNull }.compactMap { $0["id"] as? Int }
        if let running {
            try require(current.field("id") as? Int == running && runningInHistory == [running], "current and history both show entry \(running) running", current)
        } else {
            try require(current.body.trimmingCharacters(in: .whitespacesAndNewlines) == "null" && runningInHistory.isEmpty, "neither current nor history shows a running entry", history)
        }
    }
}

/// A scenario that cannot run in this mode (reported as skipped, with the reason).
public struct ScenarioSkipped: Error, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
