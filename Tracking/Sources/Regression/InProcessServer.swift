import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import TrackingBackend

/// The built-in backend run inside this process on a free loopback port.
public final class InProcessServer: Sendable {
    let group: ServiceGroup
    let task: Task<Void, any Error>
    let store: StandaloneStore
    public let port: Int

    /// Starts a server on `database` and waits until it listens.
    public static func start(database: DatabaseLocation, schema: String = "missionctl", secret: [UInt8]) async throws -> InProcessServer {
        var logger = Logger(label: "missionctl.regress.server")
        logger.logLevel = .error
        let store = try await BackendServer.openStore(database, schema: schema, logger: logger)
        // A cheap scrypt cost: the suite's throwaway accounts do not need a production hash.
        let service = TrackingService(store: store.store, credentials: Credentials(secret: secret, scryptRounds: 1024))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = BackendServer.application(service: service, host: "127.0.0.1", port: 0, signupEnabled: true, logger: logger) { port in
            continuation.yield(port)
            continuation.finish()
        }
        return try await run(app, store: store, ports: ports, logger: logger)
    }

    /// Runs `app`, which yields its bound port into `ports` once listening, until `shutdown()`
    /// (which also closes `store`).
    public static func run(_ app: some Service, store: StandaloneStore, ports: AsyncStream<Int>, logger: Logger) async throws
        -> InProcessServer
    {
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task { try await group.run() }
        var bound: Int?
        for await port in ports { bound = port }
        guard let bound else {
            task.cancel()
            try? await store.close()
            throw ServerUnreachable(message: "the in-process backend did not start")
        }
        return InProcessServer(group: group, task: task, store: store, port: bound)
    }

    init(group: ServiceGroup, task: Task<Void, any Error>, store: StandaloneStore, port: Int) {
        self.group = group
        self.task = task
        self.store = store
        self.port = port
    }

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Stops accepting, lets in-flight requests finish, ends the store's services and closes it.
    public func shutdown() async throws {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
        try await store.close()
    }
}

/// In-process mode's factory for scenarios that restart a server on the same data.
public struct InProcessServerFactory: ServerFactory {
    public init() {}

    public func restartableServer() async throws -> any RestartableServer {
        try await FileBackedServer.start()
    }
}

/// A server on a temporary SQLite file, restartable on the same data (and the same token secret).
actor FileBackedServer: RestartableServer {
    let folder: String
    let secret: [UInt8]
    var server: InProcessServer

    static func start() async throws -> FileBackedServer {
        let folder = NSTemporaryDirectory() + "missionctl-regress-" + UUID().uuidString
        let secret = Credentials.randomSecret()
        let server = try await InProcessServer.start(database: .sqliteFile(folder + "/restart.sqlite"), secret: secret)
        return FileBackedServer(folder: folder, secret: secret, server: server)
    }

    init(folder: String, secret: [UInt8], server: InProcessServer) {
        self.folder = folder
        self.secret = secret
        self.server = server
    }

    var client: SuiteClient { SuiteClient(baseURL: server.baseURL) }

    func restart() async throws {
        try await server.shutdown()
        server = try await InProcessServer.start(database: .sqliteFile(folder + "/restart.sqlite"), secret: secret)
    }

    func shutdown() async throws {
        try await server.shutdown()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
