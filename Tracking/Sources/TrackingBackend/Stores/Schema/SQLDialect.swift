/// How one database spells the shared schema (`StoreSchema.migrations`).
struct SQLDialect: Sendable {
    enum Database: Sendable { case sqlite, postgres }

    let database: Database
    /// PostgreSQL's schema, which every table name is qualified with; nil for SQLite.
    let schema: String?

    static let sqlite = SQLDialect(database: .sqlite, schema: nil)
    static func postgres(schema: String) -> SQLDialect { SQLDialect(database: .postgres, schema: schema) }

    /// A table's name as statements must write it.
    func table(_ name: String) -> String {
        guard let schema else { return name }
        return "\"\(schema)\".\(name)"
    }

    /// The statements of one change, run in order.
    func statements(_ change: SchemaChange) -> [String] {
        switch change {
        case .createTable(let t):
            var parts = t.columns.map(columnDefinition)
            if let key = t.primaryKey { parts.append("PRIMARY KEY (\(key.joined(separator: ", ")))") }
            parts += t.uniqueTogether.map { "UNIQUE (\($0.joined(separator: ", ")))" }
            let ifNotExists = t.ifNotExists ? "IF NOT EXISTS " : ""
            return ["CREATE TABLE \(ifNotExists)\(table(t.name)) (\(parts.joined(separator: ", ")))"]
        case .addColumns(let name, let columns):
            // One column per statement: SQLite's ALTER TABLE adds one at a time.
            return columns.map { "ALTER TABLE \(table(name)) ADD COLUMN \(columnDefinition($0))" }
        case .createIndex(let index):
            let unique = index.unique ? "UNIQUE " : ""
            let predicate = index.predicate.map { " WHERE \($0)" } ?? ""
            // An index lives in its table's schema in PostgreSQL, so its own name is never qualified.
            return ["CREATE \(unique)INDEX \(index.name) ON \(table(index.table)) (\(index.columns.joined(separator: ", ")))\(predicate)"]
        case .dropTable(let name):
            return ["DROP TABLE IF EXISTS \(table(name))"]
        }
    }

    /// Every statement of a migration.
    func statements(_ migration: SchemaMigration) -> [String] {
        migration.changes.flatMap(statements)
    }

    func columnDefinition(_ c: SchemaChange.Column) -> String {
        var sql = "\(c.name) \(typeName(c.type))"
        if c.type != .key && !c.nullable { sql += " NOT NULL" }
        if c.unique { sql += " UNIQUE" }
        if let value = c.defaultValue { sql += " DEFAULT \(literal(value))" }
        if case .reference(let other) = c.type { sql += " REFERENCES \(table(other))(id)" }
        return sql
    }

    func typeName(_ type: SchemaChange.ColumnType) -> String {
        switch (database, type) {
        case (.sqlite, .key): "INTEGER PRIMARY KEY AUTOINCREMENT"
        case (.postgres, .key): "BIGSERIAL PRIMARY KEY"
        case (.sqlite, .integer), (.sqlite, .reference), (.sqlite, .boolean): "INTEGER"
        case (.postgres, .integer), (.postgres, .reference): "BIGINT"
        case (.postgres, .boolean): "BOOLEAN"
        case (_, .text): "TEXT"
        case (.sqlite, .timestamp): "TEXT"
        case (.postgres, .timestamp): "TIMESTAMPTZ"
        }
    }

    func literal(_ value: SchemaChange.DefaultValue) -> String {
        switch (database, value) {
        case (_, .integer(let n)): String(n)
        case (.sqlite, .boolean(let b)): b ? "1" : "0"
        case (.postgres, .boolean(let b)): b ? "TRUE" : "FALSE"
        case (.sqlite, .now): "CURRENT_TIMESTAMP"
        case (.postgres, .now): "now()"
        }
    }

    /// `statement`'s text in this database's spelling, with its values in placeholder order.
    func render(_ statement: SQLStatement) -> (sql: String, values: [SQLValue]) {
        var sql = ""
        var values: [SQLValue] = []
        for fragment in statement.fragments {
            switch fragment {
            case .text(let text): sql += text
            case .table(let name): sql += table(name)
            case .value(let value):
                values.append(value)
                switch (database, value) {
                // One bound JSON array: a single statement shape (and cached statement) for any count.
                case (.sqlite, .intList): sql += "IN (SELECT value FROM json_each(?))"
                case (.postgres, .intList): sql += "= ANY($\(values.count))"
                case (.sqlite, _): sql += "?"
                case (.postgres, _): sql += "$\(values.count)"
                }
            }
        }
        return (sql, values)
    }
}
