import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import TrackingBackend

/// One log line per request, never a secret; lines from `BackendLogHandler`.
@Suite struct RequestLogTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test func everyRequestLogsOneLineWithoutSecrets() async throws {
        let h = try await Harness(.sqlite)
        let lines = Lines()
        let logger = Logger(label: "missionctl.backend") { label in
            BackendLogHandler(label: label, level: .info, write: { lines.append($0) })
        }
        let app = BackendServer.application(service: h.service, host: "127.0.0.1", port: 0, signupEnabled: true, logger: logger)
        let secrets = Lines()
        secrets.append("correct horse")
        try await app.test(.router) { client in
            let (auth, me) = try await TrackingAPITests.signup(client, "logger")
            let token = try #require(me["api_token"] as? String)
            secrets.append(token)
            secrets.append(try #require(auth[.authorization]).replacingOccurrences(of: "Basic ", with: ""))
            let before = lines.all.count
            _ = try await client.execute(uri: "/api/v9/me", method: .get, headers: auth)
            _ = try await client.execute(uri: "/api/v9/me/time_entries/current", method: .get, headers: auth)
            _ = try await client.execute(uri: "/api/v9/nowhere", method: .get, headers: auth)
            _ = try await client.execute(uri: "/api/v9/me", method: .get)
            let requestLines = lines.all[before...].filter { $0.contains("ms\n") }
            #expect(requestLines.count == 4, "\(lines.all)")
            for (line, expected) in zip(requestLines, [
                "GET /api/v9/me 200 ", "GET /api/v9/me/time_entries/current 200 ", "GET /api/v9/nowhere 404 ", "GET /api/v9/me 403 ",
            ]) {
                #expect(line.contains(expected), "\(line)")
                #expect(line.contains(" info missionctl.backend: "), "\(line)")
                #expect(line.hasSuffix("\n") && line.dropLast().firstIndex(of: "\n") == nil)
            }
        }
        for line in lines.all {
            for secret in secrets.all { #expect(!line.contains(secret), "\(line) leaks a secret") }
        }
        try await h.close()
    }

    @Test func metadataIsWrittenOnlyWithTheLine() {
        let lines = Lines()
        var logger = Logger(label: "unit") { label in BackendLogHandler(label: label, level: .notice, write: { lines.append($0) }) }
        logger[metadataKey: "request"] = "42"
        logger.info("below the level")
        logger.notice("kept", metadata: ["extra": "yes"])
        #expect(lines.all.count == 1)
        let line = try? #require(lines.all.first)
        #expect(line?.contains(" notice unit: extra=yes request=42 kept\n") == true, "\(line ?? "")")
        // 2026-11-26T22:03:14.123Z
        #expect(line?.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z "#, options: .regularExpression) != nil)
    }
}
