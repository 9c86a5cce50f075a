import MissionSystem
import MissionKit

/// What `services up` started or reused, kept in `.factory/run/services.json` so a later
/// `services down` or `services status` (another process) knows it.
public struct RunState: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        /// Process group of an owned service (its leader's pid); nil when reused.
        public var pgid: Int32?
        public var reused: Bool
        public var log: String?
        public var startedAt: Date
        /// Who the group leader was when it was started: boot id and start time (clock ticks).
        /// Without it (an old or edited state file) nothing is ever signalled.
        public var identity: ProcessIdentity? = nil

        public init(pgid: Int32?, reused: Bool, log: String?, startedAt: Date, identity: ProcessIdentity? = nil) {
            self.pgid = pgid
            self.reused = reused
            self.log = log
            self.startedAt = startedAt
            self.identity = identity
        }
    }

    /// A process as the kernel knows it: the same pid in another boot, or started at another
    /// time, is another process.
    public struct ProcessIdentity: Sendable, Codable, Equatable {
        public var bootID: String
        public var startTime: UInt64

        public init(bootID: String, startTime: UInt64) {
            self.bootID = bootID
            self.startTime = startTime
        }

        /// The identity of `pid` now, nil when it is gone or /proc is unavailable.
        public static func of(_ pid: pid_t) -> ProcessIdentity? {
            guard let boot = ProcessGroup.bootID, let start = ProcessGroup.startTime(pid) else { return nil }
            return ProcessIdentity(bootID: boot, startTime: start)
        }
    }

    public var services: [String: Entry] = [:]

    public init() {}

    public static func path(repo: String) -> String { repo + "/.factory/run/services.json" }

    public static func load(repo: String) throws -> RunState {
        let path = path(repo: repo)
        guard FileSystem.exists(path) else { return RunState() }
        // The bounded reader of every other file: a huge or sparse state file is refused, not read whole.
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path, limit: 4 * 1024 * 1024)
        } catch {
            throw RunnerError("\(error.message); remove it once no service from it is running")
        }
        guard !bytes.isEmpty else { return RunState() }
        let data = Data(bytes)
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(RunState.self, from: data)
        } catch {
            throw RunnerError("\(path): unreadable state (\(error)); remove it once no service from it is running")
        }
    }

    public func save(repo: String) throws {
        let path = Self.path(repo: repo)
        try FileManager.default.createDirectory(atPath: repo + "/.factory/run", withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(self)
        if !FileSystem.exists(path) { _ = FileManager.default.createFile(atPath: path, contents: Data("{}".utf8)) }
        try AtomicFile.update(path) { _ in ((), [UInt8](data) + [0x0A]) }
    }
}
