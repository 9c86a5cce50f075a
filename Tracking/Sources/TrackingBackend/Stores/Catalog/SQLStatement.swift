/// One statement of the store catalog, written once for both databases: text, table names and
/// values kept apart until a `SQLDialect` renders them.
///
/// ```swift
/// let s: SQLStatement = "SELECT \(raw: Tag.columns) FROM \(table: "tags") WHERE id = \(id)"
/// ```
/// `\(table:)` is qualified with PostgreSQL's schema; `\(value)` becomes a placeholder;
/// `\(anyOf: ids)` is a membership test (`IN` over a JSON array in SQLite, `= ANY` in PostgreSQL),
/// one statement shape for any number of ids; `\(raw:)` is trusted text (column lists, keywords).
struct SQLStatement: Sendable, ExpressibleByStringInterpolation {
    enum Fragment: Sendable, Hashable {
        case text(String)
        case table(String)
        case value(SQLValue)
    }

    private(set) var fragments: [Fragment]
    /// Set for a hot read whose values are all integers: PostgreSQL keeps it prepared per
    /// connection under this name (see `PostgresExecutor`). SQLite caches every statement anyway.
    private(set) var preparedName: String?

    init(stringLiteral value: String) {
        fragments = [.text(value)]
    }

    init(stringInterpolation: StringInterpolation) {
        fragments = stringInterpolation.fragments
    }

    /// This statement, kept prepared by PostgreSQL as `name`.
    func prepared(as name: String) -> SQLStatement {
        var copy = self
        copy.preparedName = name
        return copy
    }

    /// Appends `other` (a condition, an ORDER BY) to this statement.
    static func + (lhs: SQLStatement, rhs: SQLStatement) -> SQLStatement {
        var result = lhs
        result.fragments += rhs.fragments
        return result
    }

    static func += (lhs: inout SQLStatement, rhs: SQLStatement) { lhs = lhs + rhs }

    struct StringInterpolation: StringInterpolationProtocol {
        var fragments: [Fragment] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            fragments.reserveCapacity(interpolationCount * 2 + 1)
        }

        mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { fragments.append(.text(literal)) }
        }
        mutating func appendInterpolation(raw text: String) { fragments.append(.text(text)) }
        mutating func appendInterpolation(table name: String) { fragments.append(.table(name)) }
        mutating func appendInterpolation(_ value: Int64?) { fragments.append(.value(.int(value))) }
        mutating func appendInterpolation(_ value: Int?) { fragments.append(.value(.int(value.map(Int64.init)))) }
        mutating func appendInterpolation(_ value: String?) { fragments.append(.value(.text(value))) }
        mutating func appendInterpolation(_ value: Bool?) { fragments.append(.value(.bool(value))) }
        /// `column \(anyOf: ids)`: true when the column's value is one of `ids`.
        mutating func appendInterpolation(anyOf ids: [Int64]) { fragments.append(.value(.intList(ids))) }
    }
}
