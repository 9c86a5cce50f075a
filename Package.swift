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
        .target(name: "MissionKit", dependencies: ["CCmark", "CYAML", "CProcessSupport"]),
        .executableTarget(
            name: "missionctl",
            dependencies: [
                "MissionKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MissionKitTests", dependencies: ["MissionKit"]),
        .testTarget(name: "missionctlTests", dependencies: ["missionctl", "MissionKit"]),
    ]
)
