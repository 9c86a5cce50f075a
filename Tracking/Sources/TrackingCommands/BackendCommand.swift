import ArgumentParser
import Foundation
import Logging
import MissionCommands
import MissionKit
import TrackingBackend

/// `missionctl backend`: the reference time-tracking backend.
public struct BackendCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "backend",
        abstract: "Run the reference time-tracking backend (Toggl Track v9-style API).",
        subcommands: [BackendServeCommand.self, BackendUserAddCommand.self]
    )
}

/// Options shared by the backend commands: where the data lives.
struct BackendDatabaseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "sqlite:PATH, sqlite::memory:, or postgres://user:password@host:port/database (default: sqlite:<repo>/.factory/run/backend.sqlite).",
            valueName: "url"))
    var database: String?

    @Option(help: "PostgreSQL schema that holds every table.")
    var schema = "missionctl"

    @Option(help: ArgumentHelp("File holding the API-token secret, created (0600) when missing. Default: <repo>/.factory/run/token-secret.", valueName: "path"))
    var tokenSecretFile: String?

    func location() throws -> DatabaseLocation {
        if let database {
            do { return try DatabaseLocation(parsing: database) } catch let e as TrackingError { throw MissionError(e.message) }
        }
        return .sqliteFile(Self.runFolder() + "/backend.sqlite")
    }

    func secretFile(for location: DatabaseLocation) -> String? {
        if let tokenSecretFile { return tokenSecretFile }
        return location == .sqliteMemory ? nil : Self.runFolder() + "/token-secret"
    }

    static func runFolder() -> String {
        MissionLocator.repositoryRoot(from: FileManager.default.currentDirectoryPath) + "/.factory/run"
    }
}

struct BackendServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the tracking API until SIGINT/SIGTERM.",
        discussion: """
            Routes live under /api/v9 (Toggl Track v9 shape), plus GET /healthz (process up) and GET /readyz (database \
            reachable, else 503). Auth is HTTP Basic with email:password or <api_token>:api_token. One running timer per \
            user across all workspaces: a second start answers 409 and persists nothing.

            A SQLite file belongs to one server. Any number of servers may share a PostgreSQL schema: they keep no \
            state of their own (a rolling deploy needs nothing special).

            Examples:
              missionctl backend serve                                   # SQLite under .factory/run/, port 8080
              missionctl backend serve --port 18080 --database sqlite::memory:
              missionctl backend serve --database postgres://app:secret@127.0.0.1:5432/tracking --schema tracking
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one and prints it).")
    var port = 8080

    @OptionGroup var db: BackendDatabaseOptions

    @Flag(help: "Disable POST /api/v9/signup (create users with `missionctl backend user --email …`).")
    var noSignup = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @Option(help: ArgumentHelp("Close a connection that sends nothing for this long, mid-request or between requests.", valueName: "seconds"))
    var idleTimeout: Double = 30

    @Option(help: ArgumentHelp("Open connections at most (default: the descriptor limit less 128, at most 10000).", valueName: "n"))
    var maxConnections: Int?

    @Option(help: ArgumentHelp("Open connections at most from one client address.", valueName: "n"))
    var maxConnectionsPerAddress = 256

    func validate() throws {
        guard idleTimeout > 0, idleTimeout <= 86_400 else { throw ValidationError("--idle-timeout must be between 0 and 86400 seconds") }
        guard (maxConnections ?? 1) > 0, maxConnectionsPerAddress > 0 else {
            throw ValidationError("--max-connections and --max-connections-per-address must be positive")
        }
    }

    func run() async throws {
        var config = BackendConfiguration()
        config.idleTimeout = idleTimeout
        if let maxConnections { config.maxConnections = maxConnections }
        config.maxConnectionsPerAddress = maxConnectionsPerAddress
        config.host = host
        config.port = port
        config.database = try db.location()
        config.schema = db.schema
        config.signupEnabled = !noSignup
        config.tokenSecretFile = db.secretFile(for: config.database)
        guard let level = Logger.Level(rawValue: logLevel) else { throw ValidationError("unknown --log-level \(logLevel)") }
        config.logLevel = level
        LoggingSystem.bootstrap { label in BackendLogHandler(label: label, level: level) }
        let host = config.host
        do {
            try await BackendServer.run(config) { bound in
                // Scripts wait for this line (it carries the port when --port 0 picked one).
                Console.line("listening on http://\(host):\(bound)")
            }
        } catch let error as ConfigurationError {
            throw MissionError(error.message)
        } catch let error as TrackingError {
            throw MissionError(error.message)
        }
    }
}

struct BackendUserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Create a user (for servers run with --no-signup) and print its API token.",
        discussion: "Usage: missionctl backend user --email a@example.com --password-stdin < password.txt"
    )

    @Option(help: "The user's e-mail (the login name).")
    var email: String

    @Option(help: "The password (prefer --password-stdin: command lines are visible to other users).")
    var password: String?

    @Flag(help: "Read the password from standard input.")
    var passwordStdin = false

    @Option(help: "Full name.")
    var fullname: String?

    @OptionGroup var db: BackendDatabaseOptions

    func run() async throws {
        var secret = password
        if passwordStdin {
            secret = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .newlines)
        }
        guard let secret, !secret.isEmpty else { throw ValidationError("give --password-stdin (or --password)") }
        let location = try db.location()
        let logger = Logger(label: "missionctl.backend")
        do {
            // Accounts only: a server may be running on the same SQLite file.
            let opened = try await BackendServer.openStore(location, schema: db.schema, logger: logger, access: .accounts)
            let user: User
            let token: String
            do {
                let credentials = Credentials(secret: try BackendServer.tokenSecret(file: db.secretFile(for: location)))
                let service = TrackingService(store: opened.store, credentials: credentials)
                (user, token) = try await service.signup(email: email, password: secret, fullname: fullname, timezone: nil)
            } catch {
                try? await opened.close()
                throw error
            }
            try await opened.close()
            Console.line("created user \(user.id) <\(user.email)> in workspace \(user.defaultWorkspaceID)")
            Console.line("api_token: \(token)")
        } catch let error as ConfigurationError {
            throw MissionError(error.message)
        } catch let error as TrackingError {
            throw MissionError(error.message)
        }
    }
}
