// swift-tools-version: 6.0
import PackageDescription

// The companion product: the reference time-tracking backend (`backend serve`, `backend user`)
// and its HTTP regression suite (`regress`). It carries the heavy stack (Hummingbird, NIO,
// GRDB, PostgresNIO, AsyncHTTPClient, swift-crypto) so that the light `missionctl` in the
// parent package never builds it. `missionctl backend …` and `missionctl regress …` run this
// executable when it sits beside `missionctl` or on PATH.
let package = Package(
    name: "missionctl-tracking",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "missionctl-tracking", targets: ["missionctl-tracking"])
    ],
    dependencies: [
        .package(name: "missionctl", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Imported directly (NIOCore, NIOHTTP1, NIOPosix, HTTPTypes, NIOHTTPTypes), so declared, not borrowed from Hummingbird's graph.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        .target(
            name: "TrackingBackend",
            dependencies: [
                .product(name: "MissionJSON", package: "missionctl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        .target(
            name: "Regression",
            dependencies: [
                "TrackingBackend",
                .product(name: "MissionKit", package: "missionctl"),
                .product(name: "MissionJSON", package: "missionctl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "TrackingCommands",
            dependencies: [
                "TrackingBackend", "Regression",
                .product(name: "MissionKit", package: "missionctl"),
                .product(name: "MissionJSON", package: "missionctl"),
                .product(name: "MissionCommands", package: "missionctl"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "missionctl-tracking", dependencies: ["TrackingCommands", .product(name: "MissionCommands", package: "missionctl")]),
        .testTarget(
            name: "TrackingBackendTests",
            dependencies: [
                "TrackingBackend",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MissionJSON", package: "missionctl"),
                .product(name: "MissionTestSupport", package: "missionctl"),
            ]
        ),
        .testTarget(
            name: "RegressionTests",
            dependencies: [
                "Regression", "TrackingBackend", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "TrackingCommandsTests",
            dependencies: [
                "missionctl-tracking", "TrackingCommands", .product(name: "MissionCommands", package: "missionctl"),
                .product(name: "MissionTestSupport", package: "missionctl"),
            ]
        ),
    ]
)
