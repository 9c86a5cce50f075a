import Foundation
import Testing

@testable import TrackingBackend

#if canImport(Glibc)
    import Glibc
#endif

/// The SQLite owner lock: a refusal must close its descriptor exactly once. A second close of
/// the same number closed whatever file another thread had opened in between; in CI that was
/// another test's SQLite file, whose next COMMIT failed with "disk I/O error".
@Suite struct OwnerLockTests {
    @Test func aRefusedLockClosesItsDescriptorOnlyOnce() throws {
        let folder = NSTemporaryDirectory() + "missionctl-lock-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/db.sqlite"
        let held = try OwnerLock(database: database)
        // Another thread keeps opening /dev/null and checks that its descriptor stays open. File
        // numbers are reused lowest first, so a refusal's stray second close lands on its file.
        let victims = Victims()
        let prober = Thread {
            while !victims.done {
                let fd = open("/dev/null", O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { continue }
                for _ in 0..<50 where fcntl(fd, F_GETFD) < 0 { victims.hit() }
                close(fd)
            }
        }
        prober.start()
        for _ in 0..<3000 {
            #expect(throws: TrackingError.self) { _ = try OwnerLock(database: database) }
        }
        victims.finish()
        #expect(victims.count == 0, "another thread's file was closed under it \(victims.count) times")
        held.release()
    }

    final class Victims: @unchecked Sendable {
        private let lock = NSLock()
        private var hits = 0
        private var stopped = false
        var done: Bool { lock.withLock { stopped } }
        var count: Int { lock.withLock { hits } }
        func hit() { lock.withLock { hits += 1 } }
        func finish() { lock.withLock { stopped = true } }
    }
}
