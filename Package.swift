// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PortalGenerator",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "PortalEngine", targets: ["PortalEngine"]),
        .executable(name: "build-site", targets: ["BuildSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CAtomicSwap"),
        .target(
            name: "PortalEngine",
            dependencies: [
                "CCmark",
                "CAtomicSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Theme")]
        ),
        .executableTarget(
            name: "BuildSite",
            dependencies: [
                "PortalEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PortalEngineTests",
            dependencies: ["PortalEngine", "BuildSite"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
