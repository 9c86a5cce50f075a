import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TrackingBackend

/// SQLite on a full disk (issue 27, item 16): writes answer 503 "disk full", /readyz answers 503
/// naming the cause while writes fail, reads keep working, and writes work again once there is
/// room. `PRAGMA max_page_count` stands in for the full disk (SQLite answers SQLITE_FULL for both).
@Suite struct DiskFullTests {
    static func limitPages(_ store: SQLiteStore, to pages: Int?) async throws {
        try await (try store.writer).writeWithoutTransaction { db in
            let current = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages ?? current)")
        }
    }

    @Test func aFullDiskIs503ReadsGoOnAndWritesComeBack() async throws {
        let h = try await Harness(.sqlite)
        let store = try #require(h.testStore.store as? SQLiteStore)
        try await TrackingAPITests.app(h).test(.router) { client in
            let (auth, me) = try await TrackingAPITests.signup(client, "full")
            let wid = try #require(me["default_workspace_id"] as? Int)
            func post(_ i: Int) async throws -> (HTTPResponse.Status, String) {
                let description = String(repeating: "x", count: 2000)
                let response = try await client.execute(
                    uri: "/api/v9/workspaces/\(wid)/time_entries", method: .post, headers: auth,
                    body: TrackingAPITests.body(#"{"start": "2026-01-02T10:00:00Z", "duration": 60, "description": "\#(description)\#(i)"}"#))
                return (response.status, String(buffer: response.body))
            }
            #expect(try await post(0).0 == .ok)
            try await Self.limitPages(store, to: nil)
            var failed: (HTTPResponse.Status, String)?
            for i in 1...200 {
                let answer = try await post(i)
                if answer.0 != .ok { failed = answer; break }
            }
            let refused = try #require(failed, "no write failed under max_page_count")
            #expect(refused.0 == .serviceUnavailable && refused.1.contains("disk full"), "\(refused)")
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable && String(buffer: ready.body).contains("disk full"), "\(String(buffer: ready.body))")
            let read = try await client.execute(uri: "/api/v9/me/time_entries", method: .get, headers: auth)
            #expect(read.status == .ok)
            // Space is freed: ready again, and writes work.
            try await Self.limitPages(store, to: 1 << 30)
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
            #expect(try await post(1000).0 == .ok)
        }
        try await h.close()
    }
}
