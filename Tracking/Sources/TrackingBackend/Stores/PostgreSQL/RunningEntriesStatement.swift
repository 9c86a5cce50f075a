import PostgresNIO

/// The batched `current` read as a protocol-level prepared statement: parsed once per
/// connection, then only bound and executed, with the ids as one binary `bigint[]`.
///
/// Its SQL is static, so the table is unqualified: it runs only on the store's dedicated
/// connection, whose `search_path` is the store's schema alone (see `PostgresStore.init`).
struct RunningEntriesStatement: PostgresPreparedStatement {
    static let name = "missionctl_running_entries_v1"
    static let sql =
        "SELECT \(StoreSchema.entryColumns) FROM time_entries WHERE user_id = ANY($1) AND stop IS NULL AND deleted_at IS NULL"
    static var bindingDataTypes: [PostgresDataType] { [.int8Array] }

    typealias Row = TimeEntry

    let userIDs: [Int64]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(userIDs)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> TimeEntry {
        var cells = PostgresSQLRow(cells: row.makeIterator())
        return try TimeEntry(row: &cells)
    }
}
