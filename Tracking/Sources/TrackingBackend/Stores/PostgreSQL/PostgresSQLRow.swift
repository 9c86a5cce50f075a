import PostgresNIO

/// One PostgreSQL result row, read cell by cell: decoding a row as one tuple instantiated
/// generic tuple metadata for every row, a tenth of the server's time on `current`.
struct PostgresSQLRow: SQLRow {
    var cells: PostgresRow.Iterator

    private mutating func cell() throws -> PostgresCell {
        guard let cell = cells.next() else { throw TrackingError(.unavailable, "the database returned a row with too few columns") }
        return cell
    }

    mutating func int() throws -> Int64 { try cell().decode(Int64.self) }
    mutating func optionalInt() throws -> Int64? { try cell().decode(Int64?.self) }
    mutating func text() throws -> String { try cell().decode(String.self) }
    mutating func optionalText() throws -> String? { try cell().decode(String?.self) }
    mutating func bool() throws -> Bool { try cell().decode(Bool.self) }
    mutating func optionalBool() throws -> Bool? { try cell().decode(Bool?.self) }
}
