/// A value bound to a statement, typed even when null (PostgreSQL infers a parameter's type from
/// its binding when the statement does not say).
enum SQLValue: Sendable, Hashable {
    case int(Int64?)
    case text(String?)
    case bool(Bool?)
    /// The operand of `\(anyOf:)`: never written as a single placeholder (see `SQLDialect.render`).
    case intList([Int64])
}
