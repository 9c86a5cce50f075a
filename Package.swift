// swift-tools-version: 6.0
import PackageDescription

// The light product: what every team runs in CI, in pre-commit and before each handoff. It links
// ArgumentParser, libcmark and libyaml only. The tracking backend and its regression suite are a
// companion package in Tracking/ (`missionctl-tracking`), which this package never imports: a
// `swift build` here (pre-commit's, the GitHub Action's) compiles no server, database or TLS stack.
let package = Package(
    name: "missionctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "missionctl", targets: ["missionctl"]),
        .library(name: "MissionKit", targets: ["MissionKit"]),
        .library(name: "MissionJSON", targets: ["MissionJSON"]),
        .library(name: "MissionCommands", targets: ["MissionCommands"]),
        // Test plumbing both packages' tests share (paths, the built executables, scratch repositories).
        .library(name: "MissionTestSupport", targets: ["MissionTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
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
        // FoundationEssentials and the C library, never the whole of Foundation (see its Exports.swift).
        .target(name: "MissionSystem"),
        .target(name: "MissionJSON"),
        .target(name: "MissionKit", dependencies: ["CCmark", "CYAML", "CProcessSupport", "MissionJSON", "MissionSystem"]),
        .target(name: "ServiceRunner", dependencies: ["MissionKit", "CProcessSupport", "MissionSystem"]),
        .target(name: "Validation", dependencies: ["MissionKit", "MissionJSON", "ServiceRunner", "MissionSystem"]),
        .target(
            name: "MissionCommands",
            dependencies: [
                "MissionKit", "ServiceRunner", "Validation", "MissionSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "missionctl",
            dependencies: ["MissionCommands"],
            // A static Swift runtime's link exports every public symbol of our modules (5,700) to the
            // dynamic symbol table. Nothing looks them up, yet the loader maps them and the runtime's
            // first dladdr walks them at every start. The toolchain's default linker is kept: GNU ld
            // started no sooner, and it could not make the relocated data read-only (no RELRO), as
            // Swift objects carry a writable .rodata.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]
        ),
        .target(name: "MissionTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MissionKitTests", dependencies: ["MissionKit", "MissionTestSupport"]),
        .testTarget(name: "ServiceRunnerTests", dependencies: ["ServiceRunner", "MissionKit", "MissionTestSupport"]),
        .testTarget(name: "MissionCommandsTests", dependencies: ["MissionCommands", "MissionKit", "Validation", "MissionTestSupport"]),
        .testTarget(name: "missionctlTests", dependencies: ["missionctl", "MissionKit", "MissionTestSupport"]),
    ]
)
