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
}
