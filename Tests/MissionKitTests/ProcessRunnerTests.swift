import Foundation
import MissionKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Child processes: what they inherit from a busy, multi-threaded parent.
@Suite struct ProcessRunnerTests {
    /// A descriptor the parent left open (SwiftNIO's sockets are not close-on-exec) must not
    /// reach a child: a long-lived service holding a server's socket keeps it open after the
    /// server closes it.
    @Test func childrenGetOnlyTheStandardDescriptors() throws {
        let fd = open("/dev/null", O_RDONLY)  // deliberately not close-on-exec
        #expect(fd > 2)
        defer { close(fd) }
        let out = try ProcessRunner.run("/bin/sh", ["-c", "if [ -e /proc/$$/fd/\(fd) ]; then echo inherited; else echo closed; fi"])
        #expect(out.status == 0)
        #expect(out.stdoutText == "closed\n")
        // The standard three still reach it: output is captured, stdin is /dev/null.
        let io = try ProcessRunner.run("/bin/sh", ["-c", "read x; echo \"out:$?\"; echo err >&2; exit 3"])
        #expect(io.stdoutText == "out:1\n" && io.stderr == "err\n" && io.status == 3)
    }
}
