import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Everything `missionctl backend serve` needs to start the reference server.
public struct BackendConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var database: DatabaseLocation = .sqliteMemory
    public var schema = "missionctl"
    public var signupEnabled = true
    /// Where the API-token secret lives (created 0600 when missing); nil → a fresh random secret.
    public var tokenSecretFile: String?
    public var scryptRounds = 16384
    public var logLevel: Logger.Level = .info
    /// Seconds a connection may send nothing (mid-request or between requests) before it is closed.
    public var idleTimeout: Double = 30
    /// Open connections at most, in all and per client address.
    public var maxConnections = ConnectionLimiter.defaultTotal
    public var maxConnectionsPerAddress = 256

    public init() {}
}

/// Opens stores and runs the HTTP server.
public enum BackendServer {
    /// The configured store, not yet migrated, its services not running (see
    /// `TrackingStore.services`). `access`: a server opens its store `.exclusive`, administration
    /// beside a running server `.accounts`: on a SQLite file that is the file's lock. PostgreSQL
    /// servers keep no state, so any number share one schema.
    public static func makeStore(
        _ database: DatabaseLocation, schema: String, logger: Logger, access: SQLiteStore.Access = .exclusive
    ) throws -> any TrackingStore {
        switch database {
        case .sqliteMemory: try SQLiteStore(path: nil)
        case .sqliteFile(let path): try SQLiteStore(path: path, access: access)
        case .postgres(let url): try PostgresStore(url: url, schema: schema, logger: logger)
        }
    }

    /// The configured store for use outside a server: its services running, its migrations applied.
    public static func openStore(
        _ database: DatabaseLocation, schema: String, logger: Logger, access: SQLiteStore.Access = .exclusive
    ) async throws -> StandaloneStore {
        let opened = StandaloneStore(try makeStore(database, schema: schema, logger: logger, access: access), logger: logger)
        do {
            try await opened.store.migrate()
        } catch {
            try? await opened.close()
            throw error
        }
        return opened
    }

    /// The API-token secret: read from `file` (created with a random secret, mode 0600, when
    /// missing), or random for a throwaway server.
    public static func tokenSecret(file: String?) throws -> [UInt8] {
        if let env = ProcessInfo.processInfo.environment["MISSIONCTL_TOKEN_SECRET"], env.utf8.count >= 16 { return Array(env.utf8) }
        guard let file else { return Credentials.randomSecret() }
        if let data = FileManager.default.contents(atPath: file), data.count >= 16 { return [UInt8](data) }
        let secret = Credentials.randomSecret()
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file, contents: Data(secret), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError("cannot write the token secret \(file)")
        }
        return secret
    }

    /// Builds the application for `service`. `onRunning` receives the bound port (useful with
    /// port 0). `services` run in the application's service group (a store's, when the server
    /// owns its store), and `beforeServerStarts` runs once they have started, before the port is
    /// bound (the store's migrations).
    public static func application(
        service: TrackingService, host: String, port: Int, signupEnabled: Bool, logger: Logger,
        limiter: ConnectionLimiter = ConnectionLimiter(total: ConnectionLimiter.defaultTotal, perAddress: 256),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        services: [any Service] = [], beforeServerStarts: (@Sendable () async throws -> Void)? = nil
    ) -> some ApplicationProtocol {
        var app = Application(
            router: TrackingAPI(service: service, signupEnabled: signupEnabled),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [ConnectionLimiter.Handler(limiter), CloseAfterResponseHandler()], idleTimeout: limiter.idleTimeout)),
            configuration: .init(address: .hostname(host, port: port), serverName: "missionctl"),
            services: services,
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
        if let beforeServerStarts { app.beforeServerStarts(perform: beforeServerStarts) }
        return app
    }

    /// Runs until SIGINT/SIGTERM: then stops accepting, finishes in-flight requests, ends the
    /// store's services and closes the store. The store's services are the application's: one
    /// service group starts them, migrates, serves, and shuts them down after the server.
    public static func run(_ config: BackendConfiguration, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "missionctl.backend")
        logger.logLevel = config.logLevel
        let store = try makeStore(config.database, schema: config.schema, logger: logger)
        do {
            let secret = try tokenSecret(file: config.tokenSecretFile)
            let service = TrackingService(store: store, credentials: Credentials(secret: secret, scryptRounds: config.scryptRounds))
            let (address, log) = ("http://\(config.host):\(config.port) with \(config.database)", logger)
            let app = application(
                service: service, host: config.host, port: config.port, signupEnabled: config.signupEnabled, logger: logger,
                limiter: ConnectionLimiter(total: config.maxConnections, perAddress: config.maxConnectionsPerAddress, idleTimeout: config.idleTimeout),
                onRunning: onRunning, services: store.services,
                beforeServerStarts: {
                    try await store.migrate()
                    log.info("serving the tracking API on \(address)")
                })
            try await app.runService()
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}
