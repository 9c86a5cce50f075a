import PostgresNIO

/// What an operator needs from a PostgreSQL error: the server's own message and SQLSTATE, or the
/// client-side code and its cause ("connection refused"). `PSQLError`'s description hides all of
/// it ("Generic description …"), so a log said nothing about, say, too many clients. For logs
/// only, never a response (the server's message may quote a value); it leaves out the query.
enum PostgresErrorText {
    /// One line for a log: `server: sorry, too many clients already (SQLSTATE 53300)`.
    static func describe(_ error: any Error) -> String {
        if let transaction = error as? PostgresTransactionError,
            let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError
        {
            return describe(inner)
        }
        guard let psql = error as? PSQLError else { return String(describing: error) }
        if let info = psql.serverInfo, let message = info[.message] {
            return "server: \(message)" + (info[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
        }
        return psql.underlying.map { "\(psql.code): \(String(describing: $0))" } ?? "\(psql.code)"
    }

    /// A short cause for /readyz and the 503s: "connection refused", "too many connections".
    static func cause(_ error: any Error) -> String {
        if let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState] {
            if state == "53300" { return "too many connections to the server" }
            if state.hasPrefix("57P") { return "server shutting down or starting" }
            if state.hasPrefix("28") { return "authentication failed" }
            if state == "3D000" { return "the database does not exist" }
            if state.hasPrefix("53") { return "the server is out of resources" }
        }
        let text = describe(error).lowercased()
        if text.contains("refused") { return "connection refused" }
        if text.contains("timeout") || text.contains("timed out") || text.contains("closed") { return "connection lost" }
        return "connection failed"
    }
}
