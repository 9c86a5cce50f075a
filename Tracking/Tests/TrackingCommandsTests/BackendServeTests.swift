import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
import MissionTestSupport
#endif

@Suite struct BackendServeTests {
    /// Starts `missionctl backend serve` on a free port and returns the process and its base URL.
    static func serve(_ extra: [String] = [], database: String = "sqlite::memory:") throws -> (Process, String, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary.path)
        process.arguments = ["backend", "serve", "--port", "0", "--database", database, "--log-level", "warning"] + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            if byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://") else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "server did not start: \(text)"])
        }
        return (process, String(text[range.lowerBound...]), out)
    }

    static func get(_ url: String, auth: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        if let auth { request.setValue(auth, forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func servesAndShutsDownGracefullyOnSIGTERM() async throws {
        let (process, base, _) = try Self.serve()
        defer { if process.isRunning { process.terminate() } }
        let (status, body) = try await Self.get(base + "/healthz")
        #expect(status == 200 && body.contains("ok"))
        let (ready, _) = try await Self.get(base + "/readyz")
        #expect(ready == 200)
        let (forbidden, _) = try await Self.get(base + "/api/v9/me")
        #expect(forbidden == 403)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }

    @Test func badDatabaseURLIsAUsageError() throws {
        let r = try binary.run(["backend", "serve", "--database", "mysql://nope"])
        #expect(r.status == 2 && r.stderr.contains("--database must be"))
    }

    @Test func userAddPrintsAToken() throws {
        let dir = NSTemporaryDirectory() + "missionctl-user-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try binary.run(
            ["backend", "user", "--email", "ops@example.com", "--password-stdin", "--database", "sqlite:\(dir)/db.sqlite",
             "--token-secret-file", "\(dir)/secret"], stdin: "correct horse battery\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.range(of: #"api_token: [0-9a-f]{32}"#, options: .regularExpression) != nil)
        let mode = try FileManager.default.attributesOfItem(atPath: "\(dir)/secret")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aSecondServerOnTheSameSQLiteFileIsRefusedButUserAddWorks() async throws {
        let dir = NSTemporaryDirectory() + "missionctl-owner-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let database = "sqlite:\(dir)/db.sqlite"
        let (process, base, _) = try Self.serve(["--token-secret-file", "\(dir)/secret"], database: database)
        defer { if process.isRunning { process.terminate() } }
        let second = try binary.run(["backend", "serve", "--port", "0", "--database", database])
        #expect(second.status == 2)
        #expect(second.stderr.contains("another missionctl server is using \(dir)/db.sqlite"), "\(second.stderr)")
        // Accounts can still be added beside the running server, and it sees them at once.
        let add = try binary.run(
            ["backend", "user", "--email", "ops@example.com", "--password-stdin", "--database", database,
             "--token-secret-file", "\(dir)/secret"], stdin: "correct horse battery\n")
        #expect(add.status == 0, "\(add.stderr)")
        let token = try #require(add.stdout.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let auth = "Basic " + Data("\(token):api_token".utf8).base64EncodedString()
        let (status, body) = try await Self.get(base + "/api/v9/me/time_entries/current", auth: auth)
        #expect(status == 200 && body == "null")
    }
}
