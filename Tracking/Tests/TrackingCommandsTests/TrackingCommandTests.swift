import Foundation
import MissionCommands
import Testing
import TrackingCommands

/// The companion's commands, in process.
@Suite struct TrackingCommandTests {
    static func run(_ arguments: [String]) async -> (status: Int32, stdout: String, stderr: String) {
        let capture = Console.Capture()
        let status = await Console.capturing(capture) { await CommandLineEntry.execute(MissionctlTracking.self, arguments: arguments) }
        return (status, capture.stdout, capture.stderr)
    }

    @Test(arguments: [[], ["backend"], ["backend", "serve"], ["backend", "user"], ["regress"]])
    func helpRendersWithoutStrayBackslashes(_ command: [String]) async {
        let r = await Self.run(command + ["--help"])
        #expect(r.status == 0, "\(command): \(r.stderr)")
        #expect(r.stdout.contains("USAGE:"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { !$0.hasSuffix("\\") })
    }

    /// The listing `missionctl check --suite-ids` and `validate` read.
    @Test func listAsJSONGivesEveryScenarioId() async throws {
        let r = await Self.run(["regress", "--list", "--format", "json"])
        #expect(r.status == 0)
        let items = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: String]])
        #expect(items.count >= 13)
        #expect(items.allSatisfy { ($0["id"] ?? "").hasPrefix("VAL-") && !($0["title"] ?? "").isEmpty })
        let only = await Self.run(["regress", "--list", "--only", "VAL-TIMER-*"])
        #expect(only.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("VAL-TIMER-") })
    }

    /// A closed port is unreachable, and --output still gets a JUnit file that says so.
    @Test func anUnreachableServerStillWritesTheReport() async throws {
        let out = NSTemporaryDirectory() + "regress-" + UUID().uuidString + ".xml"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = await Self.run(["regress", "--base-url", "http://127.0.0.1:1", "--format", "junit", "--output", out])
        #expect(r.status == 2)
        #expect(r.stderr.contains("server unreachable: "))
        #expect(r.stderr.filter { $0 == "(" }.count == r.stderr.filter { $0 == ")" }.count, "\(r.stderr)")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(xml.contains("<error type=\"unreachable\""))
    }

    @Test func unknownOnlyPatternIsAUsageError() async {
        let r = await Self.run(["regress", "--only", "VAL-NOPE-*"])
        #expect(r.status == 2 && r.stderr.contains("no scenario id matches"))
    }
}
