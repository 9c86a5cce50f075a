/// One result row, read column by column in the order the statement selected them. Each store
/// reads its database's cells directly (SQLite's C API, PostgreSQL's cells), with no per-row
/// dictionary of column names.
protocol SQLRow {
    mutating func int() throws -> Int64
    mutating func optionalInt() throws -> Int64?
    mutating func text() throws -> String
    mutating func optionalText() throws -> String?
    mutating func bool() throws -> Bool
    mutating func optionalBool() throws -> Bool?
}
