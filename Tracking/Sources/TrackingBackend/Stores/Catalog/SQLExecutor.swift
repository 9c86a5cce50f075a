/// Statements run inside one transaction (`SQLExecutor.transaction`).
protocol SQLSession {
    associatedtype Row: SQLRow
    /// Runs `statement` and decodes every row it returns (none for most writes).
    func rows<T: Sendable>(_ statement: SQLStatement, _ decode: @Sendable (inout Row) throws -> T) async throws -> [T]
}

/// What the store catalog needs of a database, and all it needs: each store implements it once
/// (`SQLiteExecutor` over GRDB, `PostgresExecutor` over PostgresNIO), and every statement lives
/// in `CatalogStore`.
///
/// Every write maps a violated unique rule to the conflict it stands for
/// (`StoreSchema.uniqueViolation`), and any other violated constraint to 409.
protocol SQLExecutor: Sendable {
    associatedtype Row: SQLRow
    associatedtype Session: SQLSession where Session.Row == Row
    /// A read of one statement (SQLite: on a reader, never waiting for the writer).
    func read<T: Sendable>(_ statement: SQLStatement, _ decode: @Sendable (inout Row) throws -> T) async throws -> [T]
    /// A write of one statement, committed on its own; returns the rows it returns (`RETURNING`).
    func write<T: Sendable>(_ statement: SQLStatement, _ decode: @Sendable (inout Row) throws -> T) async throws -> [T]
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: (Session) async throws -> T) async throws -> T
}

extension SQLExecutor {
    func read<T: SQLRowDecodable>(_ statement: SQLStatement, as type: T.Type = T.self) async throws -> [T] {
        try await read(statement) { try T(row: &$0) }
    }

    func write(_ statement: SQLStatement) async throws {
        _ = try await write(statement) { _ in () }
    }

    /// An INSERT … RETURNING id: the new row's id.
    func insert(_ statement: SQLStatement) async throws -> Int64 {
        try singleID(try await write(statement) { try $0.int() })
    }
}

extension SQLSession {
    func execute(_ statement: SQLStatement) async throws {
        _ = try await rows(statement) { _ in () }
    }

    /// An INSERT … RETURNING id: the new row's id.
    func insert(_ statement: SQLStatement) async throws -> Int64 {
        try singleID(try await rows(statement) { try $0.int() })
    }
}

private func singleID(_ ids: [Int64]) throws -> Int64 {
    guard let id = ids.first else { throw TrackingError(.unavailable, "the database returned no id") }
    return id
}
