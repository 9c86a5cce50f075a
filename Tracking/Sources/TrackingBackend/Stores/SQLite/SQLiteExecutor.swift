import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The store catalog's statements on SQLite (see `SQLExecutor`).
///
/// Reads run synchronously on the calling thread, on a reader of their own (`SQLiteReaderPool`):
/// WAL readers never wait for the writer and an indexed read takes microseconds, so this is
/// cheaper than an async hop to GRDB's queue and back. Writes run on the one writer connection:
/// a statement on its own through GRDB's queue, a transaction alone (`WriteGate`), its
/// statements synchronous, so it can span the catalog's awaits.
final class SQLiteExecutor: SQLExecutor {
    private let database: any DatabaseWriter
    /// Readers for a file database; nil in memory, where the writer serves reads too.
    let readers: SQLiteReaderPool?
    /// The database as errors name it: its path, or "the in-memory database".
    let label: String
    private let gate = WriteGate()
    private struct State {
        var closed = false
        /// Set when a write failed for want of space (SQLITE_FULL), cleared by the next write
        /// that succeeds: `/readyz` answers 503 naming the cause meanwhile, while reads go on working.
        var diskFull: String?
    }
    private let state = Mutex(State())

    init(database: any DatabaseWriter, readers: SQLiteReaderPool?, label: String) {
        self.database = database
        self.readers = readers
        self.label = label
    }

    /// The writer connection, or 503 once closed (a closed SQLite handle must never be used).
    var writer: any DatabaseWriter {
        get throws {
            try state.withLock { state in
                if state.closed { throw TrackingError(.unavailable, "the database is closed") }
                return database
            }
        }
    }

    /// The writer, closed or not (for closing it).
    var writerIgnoringClosed: any DatabaseWriter { database }

    /// Why writes fail (disk full), if they do.
    var diskFull: String? { state.withLock { $0.diskFull } }

    /// Later calls fail with 503; returns false when already closed.
    func markClosed() -> Bool {
        state.withLock { state in
            defer { state.closed = true }
            return !state.closed
        }
    }

    // MARK: SQLExecutor

    func read<T: Sendable>(_ statement: SQLStatement, _ decode: @Sendable (inout SQLiteRow) throws -> T) async throws -> [T] {
        if let readers { return try readers.read { db in try Self.fetch(db, statement, decode) } }
        // In memory the writer is the only connection: a read must not see an open transaction.
        return try await gate.shared { try readOnWriter(statement, decode) }
    }

    func write<T: Sendable>(_ statement: SQLStatement, _ decode: @Sendable (inout SQLiteRow) throws -> T) async throws -> [T] {
        try await gate.shared {
            let rows = try await onWriterQueue { db in try Self.fetchWriting(db, statement, decode) }
            committed()
            return rows
        }
    }

    func transaction<T>(_ body: (Session) async throws -> T) async throws -> T {
        try await gate.exclusive {
            try onWriter { db in
                // Every path below commits or rolls back; were one left open, this one's statements would join it.
                if db.isInsideTransaction { try db.rollback() }
                try db.beginTransaction(.immediate)
            }
            do {
                let result = try await body(Session(executor: self))
                try onWriter { db in try db.commit() }
                committed()
                return result
            } catch {
                try? onWriter { db in if db.isInsideTransaction { try db.rollback() } }
                throw error
            }
        }
    }

    /// `body` in one transaction on the writer (migrations, probes).
    func inTransaction<T>(_ body: (Database) throws -> T) async throws -> T {
        try await gate.exclusive {
            let result = try onWriter { db in
                try db.beginTransaction(.immediate)
                do {
                    let result = try body(db)
                    try db.commit()
                    return result
                } catch {
                    try? db.rollback()
                    throw error
                }
            }
            committed()
            return result
        }
    }

    /// A transaction's statements, run on the writer while the transaction holds the gate.
    struct Session: SQLSession {
        let executor: SQLiteExecutor
        func rows<T: Sendable>(_ statement: SQLStatement, _ decode: @Sendable (inout SQLiteRow) throws -> T) async throws -> [T] {
            try executor.onWriter { db in try SQLiteExecutor.fetchWriting(db, statement, decode) }
        }
    }

    // MARK: Connections

    private func readOnWriter<T>(_ statement: SQLStatement, _ decode: (inout SQLiteRow) throws -> T) throws -> [T] {
        try writer.unsafeRead { db in try Self.fetch(db, statement, decode) }
    }

    /// Runs `body` on the writer, synchronously: for a transaction's statements, which hold the
    /// gate, so it never waits for another request's write, and which must not be cancelled
    /// between BEGIN and COMMIT.
    func onWriter<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction(body)
        } catch {
            throw mapped(error)
        }
    }

    /// Runs `body` on the writer's own queue: a statement committed on its own, while the
    /// request's thread serves others, and GRDB runs queued writes back to back. (With every
    /// write taking the gate in turn, start/stop cycles ran 6–9% slower in `scripts/bench-backend`.)
    private func onWriterQueue<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.writeWithoutTransaction(body)
        } catch {
            throw mapped(error)
        }
    }

    /// A write committed: the disk has room again.
    private func committed() {
        state.withLock { $0.diskFull = nil }
    }

    /// A full disk (or a database at its `max_page_count`) answers 503 "disk full" instead of a
    /// bare 500, and is remembered until a write commits again; a violated constraint answers
    /// the conflict it stands for.
    private func mapped(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_FULL:
            let message = "disk full: \(label) cannot grow; writes fail until space is freed (reads still work)"
            state.withLock { $0.diskFull = message }
            return TrackingError(.unavailable, message)
        case .SQLITE_CONSTRAINT:
            // SQLite names the violated index's table and columns: "UNIQUE constraint failed: time_entries.user_id".
            let table = error.message?.split(separator: ":").last?.split(separator: ".").first.map { $0.trimmingCharacters(in: .whitespaces) }
            if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE { return StoreSchema.uniqueViolation(on: table) }
            return TrackingError(.conflict, "conflicting data: \(error.message ?? "constraint violated")")
        default:
            return error
        }
    }

    // MARK: Statements

    private static func prepare(_ db: Database, _ statement: SQLStatement) throws -> Statement {
        let (sql, values) = SQLDialect.sqlite.render(statement)
        // Cached per connection: preparing (and authorizing) a statement cost more than running
        // it, and the catalog has a bounded set of shapes (`\(anyOf:)` binds one JSON array).
        let prepared = try db.cachedStatement(sql: sql)
        try prepared.setArguments(StatementArguments(values.map(databaseValue)))
        return prepared
    }

    private static func databaseValue(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .int(let n): n.databaseValue
        case .text(let s): s.databaseValue
        case .bool(let b): b.databaseValue
        case .intList(let ids): ("[" + ids.map(String.init).joined(separator: ",") + "]").databaseValue
        }
    }

    /// A read, stepped through SQLite's C API: GRDB's `Row` builds a column-name index for every
    /// row, which on the hot `current` path cost more than the query itself.
    static func fetch<T>(_ db: Database, _ statement: SQLStatement, _ decode: (inout SQLiteRow) throws -> T) throws -> [T] {
        let prepared = try prepare(db, statement)
        let s = prepared.sqliteStatement
        defer { sqlite3_reset(s) }  // ends the implicit read transaction at once
        var result: [T] = []
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { return result }
            guard code == SQLITE_ROW else {
                let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: prepared.sql)
            }
            var row = SQLiteRow(statement: s)
            result.append(try decode(&row))
        }
    }

    /// A write, through GRDB's cursor, so GRDB sees the statement run (transaction state,
    /// failed statements leaving its cache); rows are still decoded from the C API.
    static func fetchWriting<T>(_ db: Database, _ statement: SQLStatement, _ decode: (inout SQLiteRow) throws -> T) throws -> [T] {
        let prepared = try prepare(db, statement)
        let cursor = try GRDB.Row.fetchCursor(prepared)
        var result: [T] = []
        while try cursor.next() != nil {
            var row = SQLiteRow(statement: prepared.sqliteStatement)
            result.append(try decode(&row))
        }
        return result
    }
}
