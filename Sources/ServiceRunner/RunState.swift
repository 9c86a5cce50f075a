import Foundation
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
    }

    public var services: [String: Entry] = [:]

    public init() {}

    public static func path(repo: String) -> String { repo + "/.factory/run/services.json" }

    public static func load(repo: String) throws -> RunState {
        let path = path(repo: repo)
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return RunState() }
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
        if !FileSystem.exists(path) { FileManager.default.createFile(atPath: path, contents: Data("{}".utf8)) }
        try AtomicFile.update(path) { _ in ((), [UInt8](data) + [0x0A]) }
    }
}
