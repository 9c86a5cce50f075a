import Foundation
import Testing

@testable import TrackingBackend

/// Password logins cannot freeze the server, reveal which accounts exist, or be guessed at speed.
/// Counted, not timed: the gate records how many hashes ran and how many ran at once.
@Suite struct PasswordGateTests {
    func expectError(_ kind: TrackingError.Kind, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected \(kind)")
        } catch let error as TrackingError {
            #expect(error.kind == kind, "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test(arguments: StoreKind.available)
    func unknownAndKnownAccountsCostTheSameAndSuccessIsCachedBriefly(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let gate = PasswordGate(limit: 1, queueLimit: 64, failureLimit: (100, 100))
        let service = TrackingService(store: h.service.store, credentials: h.service.credentials, passwords: gate)
        let (user, token) = try await h.userWithToken("lena")
        let before = gate.hashes
        await expectError(.forbidden) { _ = try await service.authenticate(authorization: Self.basic("nobody@example.com", "guess")) }
        #expect(gate.hashes == before + 1)  // the decoy hash: as long as a wrong password for a real account
        await expectError(.forbidden) { _ = try await service.authenticate(authorization: Self.basic("lena@example.com", "guess")) }
        #expect(gate.hashes == before + 2)
        for _ in 0..<3 { #expect(try await service.authenticate(authorization: Self.basic("lena@example.com", "correct horse")).id == user.id) }
        #expect(gate.hashes == before + 3)  // verified once, then cached
        _ = try await service.authenticate(authorization: Self.basic(token, "api_token"))
        #expect(gate.hashes == before + 3)  // tokens never hash
        try await h.close()
    }

    @Test(arguments: StoreKind.available)
    func concurrentWrongPasswordsHashOneAtATimeOffThePool(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let gate = PasswordGate(limit: 1, queueLimit: 64, failureLimit: (1000, 1000))
        let service = TrackingService(store: h.service.store, credentials: h.service.credentials, passwords: gate)
        _ = try await h.user("mo")
        let before = gate.hashes
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<16 {
                group.addTask { _ = try? await service.authenticate(authorization: Self.basic("mo@example.com", "wrong \(i)"), address: "10.0.0.\(i)") }
            }
        }
        #expect(gate.hashes == before + 16 && gate.peak == 1)
        try await h.close()
    }

    @Test func aFullQueueAnswers429AtOnce() async throws {
        let gate = PasswordGate(limit: 1, queueLimit: 0)
        // The hash blocks on the gate's own thread; the test itself only awaits (a blocked
        // cooperative thread could starve the other tests on a 2-core machine).
        let release = DispatchSemaphore(value: 0)
        let first = Task { try await gate.run { release.wait(); return 1 } }
        while gate.peak == 0 { try await Task.sleep(for: .milliseconds(5)) }
        await expectError(.tooManyRequests) { _ = try await gate.run { 2 } }
        release.signal()
        #expect(try await first.value == 1)
        #expect(try await gate.run { 3 } == 3)  // the slot came back
    }

    @Test(arguments: StoreKind.available)
    func failedLoginsAreThrottledPerAddressAndPerAccount(kind: StoreKind) async throws {
        let h = try await Harness(kind)
        let gate = PasswordGate(limit: 2, queueLimit: 8, failureLimit: (account: 3, address: 2))
        let service = TrackingService(store: h.service.store, credentials: h.service.credentials, passwords: gate)
        let (user, token) = try await h.userWithToken("nia")
        let right = Self.basic("nia@example.com", "correct horse")
        for _ in 0..<2 {
            await expectError(.forbidden) { _ = try await service.authenticate(authorization: Self.basic("nia@example.com", "x"), address: "10.0.0.1") }
        }
        // The address is over its limit: even the right password waits out the window there.
        await expectError(.tooManyRequests) { _ = try await service.authenticate(authorization: right, address: "10.0.0.1") }
        await expectError(.forbidden) { _ = try await service.authenticate(authorization: Self.basic("nia@example.com", "y"), address: "10.0.0.2") }
        // Now the account is: from any address.
        await expectError(.tooManyRequests) { _ = try await service.authenticate(authorization: right, address: "10.0.0.3") }
        // Token clients of that account are not affected.
        #expect(try await service.authenticate(authorization: Self.basic(token, "api_token"), address: "10.0.0.1").id == user.id)
        try await h.close()
    }
}
