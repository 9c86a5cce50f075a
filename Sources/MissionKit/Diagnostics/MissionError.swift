/// A usage or configuration problem that stops a run before any check (exit code 2).
///
/// The message names the file or place involved and what to do.
public struct MissionError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
