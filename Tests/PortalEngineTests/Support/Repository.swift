import Foundation

/// Where the repository and the tests' fixtures are, found from this file's own path.
enum Repository {
    /// This file is Tests/PortalEngineTests/Support/Repository.swift.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")
}
