/// Where the backend keeps its data: `sqlite:PATH`, `sqlite::memory:`, or `postgres://…`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(String)

    public init(parsing text: String) throws {
        if text == "sqlite::memory:" {
            self = .sqliteMemory
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw ConfigurationError("--database sqlite:PATH needs a path (or sqlite::memory:)") }
            self = .sqliteFile(path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(text)
        } else {
            throw ConfigurationError("--database must be sqlite:PATH, sqlite::memory: or postgres://user:password@host:port/database")
        }
    }

    /// For logs: never the password.
    public var description: String {
        switch self {
        case .sqliteFile(let p): "sqlite:\(p)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let url):
            if let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") {
                "\(url[..<scheme.upperBound])…@\(url[url.index(after: at)...])"
            } else {
                "postgres://…"
            }
        }
    }
}
