/// A start-up or configuration problem (a bad `--database`, schema name or secret file): reported
/// by the command that starts the server, with the fix; never an HTTP answer.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
