// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "missionctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "missionctl", targets: ["missionctl"]),
        .library(name: "MissionKit", targets: ["MissionKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "CProcessSupport"),
        .target(name: "MissionJSON"),
        .target(name: "MissionKit", dependencies: ["CCmark", "CYAML", "CProcessSupport", "MissionJSON"]),
        .target(
            name: "TrackingBackend",
            dependencies: [
                "MissionJSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // Only for `ConnectionPoolError`, which PostgresClient throws when it cannot connect.
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "Regression",
            dependencies: [
                "MissionKit", "MissionJSON", "TrackingBackend",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .target(name: "ServiceRunner", dependencies: ["MissionKit", "CProcessSupport"]),
        .target(name: "Validation", dependencies: ["MissionKit", "MissionJSON", "Regression", "ServiceRunner"]),
        .executableTarget(
            name: "missionctl",
            dependencies: [
                "MissionKit",
                "TrackingBackend",
                "Regression",
                "ServiceRunner",
                "Validation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MissionKitTests", dependencies: ["MissionKit"]),
        .testTarget(
            name: "TrackingBackendTests",
            dependencies: [
                "TrackingBackend",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "RegressionTests",
            dependencies: ["Regression", "TrackingBackend", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .testTarget(name: "ServiceRunnerTests", dependencies: ["ServiceRunner", "MissionKit"]),
        .testTarget(name: "missionctlTests", dependencies: ["missionctl", "MissionKit"]),
    ]
)
