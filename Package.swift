// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PortalGenerator",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "PortalEngine", targets: ["PortalEngine"]),
        .executable(name: "build-site", targets: ["BuildSite"]),
        .executable(name: "preview-site", targets: ["PreviewSite"]),
        .executable(name: "counter-server", targets: ["CounterServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Only the preview server uses it; `swift run build-site` does not build it. No traits:
        // swift-configuration support is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // The counter server's store (SQLite, Debian libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CAtomicSwap"),
        // libvips 8.14 (Debian libvips-dev): its API is variadic, so a small C shim calls it.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(name: "CVipsShim", dependencies: ["CVips"]),
        .target(
            name: "PortalEngine",
            dependencies: [
                "CCmark",
                "CAtomicSwap",
                "CVipsShim",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources/DefaultTheme")]
        ),
        .executableTarget(
            name: "BuildSite",
            dependencies: [
                "PortalEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "PortalCounter",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "CounterServer",
            dependencies: ["PortalCounter", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "PortalCounterTests",
            dependencies: ["PortalCounter", "CounterServer", "TestSupport"]
        ),
        // What several test targets share: a raw HTTP client and a child process runner.
        .target(name: "TestSupport", path: "Tests/Support"),
        .target(
            name: "PortalPreview",
            dependencies: [
                "PortalEngine",
                "PortalCounter",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "PreviewSite",
            dependencies: [
                "PortalPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PortalPreviewTests",
            dependencies: ["PortalPreview", "TestSupport"]
        ),
        .testTarget(
            name: "PortalEngineTests",
            dependencies: ["PortalEngine", "BuildSite", "CVipsShim", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
