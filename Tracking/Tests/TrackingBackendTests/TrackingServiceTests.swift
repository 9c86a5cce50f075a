import Foundation
import Testing
import TrackingBackend

/// The timer rules at the domain level, on every available store.
@Suite struct TrackingServiceTests {
    func start(_ h: Harness, _ user: User, workspace: Int64? = nil, at offset: Int64 = 0, description: String = "work") async throws -> TimeEntry {
        var input = EntryInput()
        input.start = .value(h.now() + offset)
        input.description = .value(description)
        return try await h.service.create(for: user, workspaceID: workspace ?? user.defaultWorkspaceID, input: input)
    }

    func expectError(_ expected: TrackingError, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected \(expected.message)")
        } catch let error as TrackingError {
            #expect(error == expected)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: StoreKind.available)
    func cachedTokenHeadersKeepTheirOwnUsers(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let (alice, aliceToken) = try await h.userWithToken("alice")
        let (bob, bobToken) = try await h.userWithToken("bob")
        func header(_ user: User) -> String {
            "Basic " + Data("\(user.id == alice.id ? aliceToken : bobToken):api_token".utf8).base64EncodedString()
        }
        for _ in 0..<3 {  // the first round fills the cache, the others hit it
            #expect(try await h.service.authenticate(authorization: header(alice)).id == alice.id)
            #expect(try await h.service.authenticate(authorization: header(bob)).id == bob.id)
        }
        let password = "Basic " + Data("alice@example.com:wrong password".utf8).base64EncodedString()
        await expectError(.forbidden) { _ = try await h.service.authenticate(authorization: password) }
        let forged = "Basic " + Data("\(String(repeating: "0", count: 32)):api_token".utf8).base64EncodedString()
        await expectError(.forbidden) { _ = try await h.service.authenticate(authorization: forged) }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func oneRunningTimerAcrossWorkspaces(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let user = try await h.user()
        let second = try await h.service.createWorkspace(for: user, name: "Second")
        let first = try await start(h, user)
        await expectError(.runningConflict) { _ = try await start(h, user, workspace: second.workspace.id) }
        #expect(try await h.service.current(for: user)?.id == first.id)
        let inSecond = try await h.service.list(for: user, query: EntryQuery(workspaceID: second.workspace.id))
        #expect(inSecond.isEmpty)  // nothing persisted by the rejected start
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func concurrentStartsLetExactlyOneWin(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let user = try await h.user()
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<200 {
                group.addTask {
                    var input = EntryInput()
                    input.start = .value(h.now() - Int64(i))
                    return (try? await h.service.create(for: user, workspaceID: user.defaultWorkspaceID, input: input)) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        let all = try await h.service.list(for: user, query: EntryQuery())
        #expect(all.filter(\.isRunning).count == 1 && all.count == 1)
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func runningStopAndIdle(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let user = try await h.user()
        #expect(try await h.service.current(for: user) == nil)
        let entry = try await start(h, user)
        #expect(entry.stop == nil && entry.duration == -entry.start)
        h.advance(90)
        let stopped = try await h.service.stop(for: user, workspaceID: user.defaultWorkspaceID, id: entry.id)
        #expect(stopped.stop == entry.start + 90 && stopped.duration == 90)
        await expectError(.alreadyStopped) { _ = try await h.service.stop(for: user, workspaceID: user.defaultWorkspaceID, id: entry.id) }
        #expect(try await h.service.entry(for: user, id: entry.id) == stopped)
        #expect(try await h.service.current(for: user) == nil)
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func inconsistentTimesAreRejectedWithoutMutation(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let user = try await h.user()
        let wid = user.defaultWorkspaceID
        var input = EntryInput()
        input.start = .value(h.now())
        input.stop = .value(h.now() - 10)
        await expectError(.stopBeforeStart) { _ = try await h.service.create(for: user, workspaceID: wid, input: input) }
        input.stop = .value(h.now() + 60)
        input.duration = .value(30)
        await expectError(.durationMismatch) { _ = try await h.service.create(for: user, workspaceID: wid, input: input) }
        #expect(try await h.service.list(for: user, query: EntryQuery()).isEmpty)

        var byDuration = EntryInput()
        byDuration.start = .value(h.now() - 3600)
        byDuration.duration = .value(1800)
        let stopped = try await h.service.create(for: user, workspaceID: wid, input: byDuration)
        #expect(stopped.stop == h.now() - 1800 && stopped.duration == 1800)

        var bad = EntryInput()
        bad.stop = .value(stopped.start - 1)
        await expectError(.stopBeforeStart) { _ = try await h.service.update(for: user, workspaceID: wid, id: stopped.id, input: bad) }
        #expect(try await h.service.entry(for: user, id: stopped.id) == stopped)
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func continueNeverChangesTheOriginal(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let user = try await h.user()
        let wid = user.defaultWorkspaceID
        let project = try await h.service.createProject(for: user, workspaceID: wid, name: "P")
        var input = EntryInput()
        input.start = .value(h.now() - 600)
        input.duration = .value(300)
        input.description = .value("write docs")
        input.projectID = .value(project.id)
        input.tags = .value(["docs", "mission"])
        let original = try await h.service.create(for: user, workspaceID: wid, input: input)
        let continued = try await h.service.continueEntry(for: user, workspaceID: wid, id: original.id)
        #expect(continued.id != original.id && continued.isRunning)
        #expect(continued.description == "write docs" && continued.projectID == project.id && continued.tagIDs == original.tagIDs)
        #expect(try await h.service.entry(for: user, id: original.id) == original)
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func otherUsersEntriesAreInvisibleAndUnchanged(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let owner = try await h.user()
        let other = try await h.user()
        let entry = try await start(h, owner)
        let wid = owner.defaultWorkspaceID
        await expectError(.entryNotFound) { _ = try await h.service.entry(for: other, id: entry.id) }
        // The other user is not even a member of the owner's workspace: 403 before anything else.
        await expectError(.forbidden) { _ = try await h.service.stop(for: other, workspaceID: wid, id: entry.id) }
        // In their own workspace the id is simply not found.
        let otherWid = other.defaultWorkspaceID
        await expectError(.entryNotFound) { _ = try await h.service.stop(for: other, workspaceID: otherWid, id: entry.id) }
        await expectError(.entryNotFound) { try await h.service.delete(for: other, workspaceID: otherWid, id: entry.id) }
        await expectError(.entryNotFound) { _ = try await h.service.continueEntry(for: other, workspaceID: otherWid, id: entry.id) }
        var change = EntryInput()
        change.description = .value("hijacked")
        await expectError(.entryNotFound) { _ = try await h.service.update(for: other, workspaceID: otherWid, id: entry.id, input: change) }
        let mine = try await start(h, other)
        await expectError(.entryNotFound) {
            _ = try await h.service.batch(for: other, workspaceID: otherWid, ids: [mine.id, entry.id], changes: [.description("batch")])
        }
        #expect(try await h.service.entry(for: owner, id: entry.id) == entry)
        #expect(try await h.service.entry(for: other, id: mine.id) == mine)  // the batch changed nothing at all
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func catalogIdsMustBelongToTheWorkspace(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let user = try await h.user()
        let other = try await h.user()
        let foreign = try await h.service.createProject(for: other, workspaceID: other.defaultWorkspaceID, name: "Theirs")
        let mine = try await h.service.createProject(for: user, workspaceID: user.defaultWorkspaceID, name: "Mine")
        let task = try await h.service.createTask(for: user, workspaceID: user.defaultWorkspaceID, projectID: mine.id, name: "T")
        var input = EntryInput()
        input.start = .value(h.now())
        input.duration = .value(60)
        input.projectID = .value(foreign.id)
        await #expect(throws: TrackingError.self) { _ = try await h.service.create(for: user, workspaceID: user.defaultWorkspaceID, input: input) }
        input.projectID = .absent
        input.taskID = .value(task.id)
        await expectError(.taskWithoutProject) { _ = try await h.service.create(for: user, workspaceID: user.defaultWorkspaceID, input: input) }
        input.projectID = .value(mine.id)
        let ok = try await h.service.create(for: user, workspaceID: user.defaultWorkspaceID, input: input)
        #expect(ok.taskID == task.id)
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func deleteIsSoftForSince(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let user = try await h.user()
        let entry = try await start(h, user)
        let before = h.now()
        h.advance(5)
        try await h.service.delete(for: user, workspaceID: user.defaultWorkspaceID, id: entry.id)
        #expect(try await h.service.current(for: user) == nil)
        #expect(try await h.service.list(for: user, query: EntryQuery()).isEmpty)
        let synced = try await h.service.list(for: user, query: EntryQuery(since: before))
        #expect(synced.map(\.id) == [entry.id] && synced[0].deletedAt != nil)
        await expectError(.entryNotFound) { _ = try await h.service.entry(for: user, id: entry.id) }
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func updateThatWouldLeaveASecondRunningEntryConflicts(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let user = try await h.user()
        let wid = user.defaultWorkspaceID
        var done = EntryInput()
        done.start = .value(h.now() - 7200)
        done.duration = .value(600)
        let stopped = try await h.service.create(for: user, workspaceID: wid, input: done)
        _ = try await start(h, user)
        var reopen = EntryInput()
        reopen.stop = .null
        await expectError(.runningConflict) { _ = try await h.service.update(for: user, workspaceID: wid, id: stopped.id, input: reopen) }
        #expect(try await h.service.entry(for: user, id: stopped.id) == stopped)
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func migrationsAreIdempotent(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let user = try await h.user()
        try await h.testStore.store.migrate()
        try await h.testStore.store.migrate()
        #expect(try await h.service.store.memberships(userID: user.id).count == 1)
        try await h.close()
    }

    @Test func credentials() throws {
        let c = Credentials(secret: Array(repeating: 1, count: 32), scryptRounds: 16)
        let hash = try c.hashPassword("correct horse")
        #expect(hash.hasPrefix("scrypt$16$8$1$") && !hash.contains("correct"))
        #expect(c.verifyPassword("correct horse", hash: hash))
        #expect(!c.verifyPassword("wrong horse", hash: hash))
        let token = c.newToken()
        #expect(token.count == 32 && token.allSatisfy(\.isHexDigit) && token != c.newToken())
        #expect(c.tokenHash(token) != token)
        // Sealed for `/me`: opens under the same secret only.
        let sealed = try #require(c.seal(token))
        #expect(!sealed.contains(token) && c.open(sealed) == token)
        #expect(Credentials(secret: Array(repeating: 2, count: 32), scryptRounds: 16).open(sealed) == nil)
        #expect(c.accountID(userID: 42).count == 22 && c.accountID(userID: 42) != c.accountID(userID: 43))
    }

    @Test func timeFormat() {
        #expect(TimeFormat.parse("2026-01-02T10:00:00Z") == 1_767_348_000)
        #expect(TimeFormat.parse("2026-01-02T12:00:00+02:00") == 1_767_348_000)
        #expect(TimeFormat.parse("2026-01-02T10:00:00.750Z") == 1_767_348_000)
        #expect(TimeFormat.parse("2026-01-02") == 1_767_312_000)
        #expect(TimeFormat.parse("2026-02-31T00:00:00Z") == nil)
        #expect(TimeFormat.parse("2026-01-02T10:00:00") == nil)
        #expect(TimeFormat.parse("yesterday") == nil)
        #expect(TimeFormat.format(1_767_348_000) == "2026-01-02T10:00:00+00:00")
        // Hand-written digits agree with strftime-style formatting across the representable range.
        for _ in 0..<2_000 {
            let t = Int64.random(in: -62_135_596_800...253_402_300_799)  // 0001-01-01 ... 9999-12-31
            var raw = time_t(t)
            var parts = tm()
            gmtime_r(&raw, &parts)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d+00:00", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
            #expect(TimeFormat.format(t) == expected, "\(t)")
            #expect(TimeFormat.parse(expected) == t, "\(expected)")
        }
    }
}
