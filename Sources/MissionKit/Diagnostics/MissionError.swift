/// A usage or configuration problem that stops a run before any check (exit code 2).
///
/// The message names the file or place involved and what to do.
public struct MissionError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// The exit status when it is not 2: an interrupt exits 128 + the signal, as shells expect.
    public let exitStatus: Int32?

    public init(_ message: String, exitStatus: Int32? = nil) {
        self.message = message
        self.exitStatus = exitStatus
    }

    public var description: String { message }
}
