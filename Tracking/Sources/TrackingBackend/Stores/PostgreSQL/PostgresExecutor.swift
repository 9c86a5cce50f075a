import Logging
import PostgresNIO

/// The store catalog's statements on PostgreSQL (see `SQLExecutor`), through the client's pool.
struct PostgresExecutor: SQLExecutor {
    let client: PostgresClient
    let dialect: SQLDialect
    let logger: Logger

    func read<T: Sendable>(_ statement: SQLStatement, _ decode: @Sendable (inout PostgresSQLRow) throws -> T) async throws -> [T] {
        if let name = statement.preparedName { return try await prepared(name, statement, decode) }
        return try await Self.rows(client.query(query(statement), logger: logger), decode)
    }

    func write<T: Sendable>(_ statement: SQLStatement, _ decode: @Sendable (inout PostgresSQLRow) throws -> T) async throws -> [T] {
        try await mappingConstraints { try await Self.rows(client.query(query(statement), logger: logger), decode) }
    }

    func transaction<T>(_ body: (Session) async throws -> T) async throws -> T {
        try await mappingConstraints {
            try await client.withTransaction(logger: logger) { conn in
                try await body(Session(connection: conn, executor: self))
            }
        }
    }

    /// A transaction's statements, on its connection.
    struct Session: SQLSession {
        let connection: PostgresConnection
        let executor: PostgresExecutor
        func rows<T: Sendable>(_ statement: SQLStatement, _ decode: @Sendable (inout PostgresSQLRow) throws -> T) async throws -> [T] {
            try await PostgresExecutor.rows(connection.query(executor.query(statement), logger: executor.logger), decode)
        }
    }

    func query(_ statement: SQLStatement) -> PostgresQuery {
        let (sql, values) = dialect.render(statement)
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .int(let n): binds.append(n)
            case .text(let s): binds.append(s)
            case .bool(let b): binds.append(b)
            case .intList(let ids): binds.append(ids)
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    static func rows<T>(_ sequence: PostgresRowSequence, _ decode: (inout PostgresSQLRow) throws -> T) async throws -> [T] {
        var result: [T] = []
        for try await row in sequence {
            var reader = PostgresSQLRow(cells: row.makeIterator())
            result.append(try decode(&reader))
        }
        return result
    }

    /// A hot read as a session-level prepared statement: `PREPARE` once per connection (when
    /// `EXECUTE` says it is missing), then `EXECUTE name(ids)`. PostgreSQL then skips parsing and
    /// planning, which were most of its CPU per request, and the statement stays
    /// schema-qualified. The values (integers only) are inlined into `EXECUTE` as integer
    /// literals, so nothing user-supplied reaches the SQL text. Like any prepared statement,
    /// this needs session-level connections (no transaction-pooling proxy).
    private func prepared<T>(
        _ name: String, _ statement: SQLStatement, _ decode: (inout PostgresSQLRow) throws -> T
    ) async throws -> [T] {
        let (sql, values) = dialect.render(statement)
        var ids: [Int64] = []
        for value in values {
            // Anything else is read the ordinary way.
            guard case .int(let id?) = value else { return try await Self.rows(client.query(query(statement), logger: logger), decode) }
            ids.append(id)
        }
        // Rows are collected on the leased connection and decoded once it is back in the pool.
        let rows = try await client.withConnection { conn in
            let execute = PostgresQuery(unsafeSQL: "EXECUTE \(name)(\(ids.map(String.init).joined(separator: ", ")))")
            do {
                return try await Self.collect(conn.query(execute, logger: logger))
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "26000" {  // invalid_sql_statement_name
                let types = Array(repeating: "bigint", count: ids.count).joined(separator: ", ")
                try await conn.query(PostgresQuery(unsafeSQL: "PREPARE \(name)(\(types)) AS \(sql)"), logger: logger)
                return try await Self.collect(conn.query(execute, logger: logger))
            }
        }
        return try rows.map { row in
            var reader = PostgresSQLRow(cells: row.makeIterator())
            return try decode(&reader)
        }
    }

    private static func collect(_ sequence: PostgresRowSequence) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        for try await row in sequence { rows.append(row) }
        return rows
    }

    /// A violated unique rule → the conflict it stands for; any other violated constraint → 409.
    /// The transaction, if any, was rolled back.
    private func mappingConstraints<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            // withTransaction wraps what the closure threw.
            let inner = (error as? PostgresTransactionError)?.closureError ?? error
            if let psql = inner as? PSQLError, let state = psql.serverInfo?[.sqlState], state.hasPrefix("23") {
                if state == "23505" { throw StoreSchema.uniqueViolation(on: psql.serverInfo?[.tableName]) }
                throw TrackingError(.conflict, "conflicting data: \(psql.serverInfo?[.message] ?? "constraint violated")")
            }
            throw inner
        }
    }
}
