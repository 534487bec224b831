import Foundation

/// Identifies the running build of the engine: a rebuilt binary never trusts older fingerprints.
enum EngineIdentity {
    static let value: UInt64 = {
        var hasher = StableHasher()
        hasher.add("portal-engine-render-v1")
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        var info = stat()
        if stat(path, &info) == 0 {
            hasher.add(UInt64(info.st_size))
            hasher.add(UInt64(info.st_mtim.tv_sec))
            hasher.add(UInt64(info.st_mtim.tv_nsec))
        }
        return hasher.value
    }()

    /// Names how variants are made; changed when the making changes, so cached variants made
    /// the old way are not reused (they do not depend on the binary otherwise).
    static let photoVariants = "photo-variants-v1"
}
