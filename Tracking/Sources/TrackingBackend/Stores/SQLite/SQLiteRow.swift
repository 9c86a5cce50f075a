import GRDB
import GRDBSQLite

/// The current row of a stepped SQLite statement.
struct SQLiteRow: SQLRow {
    let statement: SQLiteStatement
    private var column: Int32 = 0

    init(statement: SQLiteStatement) {
        self.statement = statement
    }

    private mutating func next() -> Int32 {
        defer { column += 1 }
        return column
    }

    mutating func int() throws -> Int64 { sqlite3_column_int64(statement, next()) }
    mutating func optionalInt() throws -> Int64? {
        let i = next()
        return sqlite3_column_type(statement, i) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, i)
    }
    mutating func text() throws -> String { try optionalText() ?? "" }
    mutating func optionalText() throws -> String? {
        let i = next()
        guard let bytes = sqlite3_column_text(statement, i) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, i))), as: UTF8.self)
    }
    mutating func bool() throws -> Bool { try int() != 0 }
    mutating func optionalBool() throws -> Bool? { try optionalInt().map { $0 != 0 } }
}
