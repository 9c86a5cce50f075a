/// One step of a schema migration, described once and spelled by each store's `SQLDialect`.
enum SchemaChange: Sendable {
    case createTable(Table)
    case addColumns(table: String, [Column])
    case createIndex(Index)
    /// `DROP TABLE IF EXISTS`: history one store may not have.
    case dropTable(String)

    /// A column's type by meaning; each dialect picks the storage type.
    enum ColumnType: Sendable, Equatable {
        /// The table's generated 64-bit key.
        case key
        case integer
        case text
        case boolean
        /// A 64-bit id of a row of the named table (a foreign key).
        case reference(String)
        /// Wall-clock time of a bookkeeping event, filled by the database.
        case timestamp
    }

    /// A literal default.
    enum DefaultValue: Sendable, Equatable {
        case integer(Int)
        case boolean(Bool)
        /// The database's current time (for `.timestamp` columns).
        case now
    }

    struct Column: Sendable {
        var name: String
        var type: ColumnType
        var nullable = false
        var unique = false
        var defaultValue: DefaultValue? = nil

        init(_ name: String, _ type: ColumnType, nullable: Bool = false, unique: Bool = false, default defaultValue: DefaultValue? = nil) {
            self.name = name
            self.type = type
            self.nullable = nullable
            self.unique = unique
            self.defaultValue = defaultValue
        }
    }

    struct Table: Sendable {
        var name: String
        var columns: [Column]
        /// A composite primary key; nil when the table has a `.key` column.
        var primaryKey: [String]? = nil
        var uniqueTogether: [[String]] = []
        /// `IF NOT EXISTS`: for bookkeeping tables that earlier versions created outside migrations.
        var ifNotExists = false
    }

    struct Index: Sendable {
        var name: String
        var table: String
        var columns: [String]
        var unique = false
        /// A partial index's condition, in SQL both dialects read alike.
        var predicate: String? = nil
    }
}

/// A numbered, named list of changes; both stores record the versions they applied in
/// `schema_migrations` and apply the rest in order, in one transaction.
struct SchemaMigration: Sendable {
    var version: Int
    var name: String
    var changes: [SchemaChange]
}
