import Foundation

/// The files a process's builds left in the folder they write in place (the preview's), so the
/// next build deletes what it no longer makes without walking the whole folder (0.12 s at
/// 10,000 articles). Unknown until a build succeeds, and again while one runs: a build that
/// fails or is killed may leave files no list has, so the next one walks the folder.
public final class InPlaceFolderMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var files: Set<String>?

    public init() {}

    /// What the last successful build left, which becomes unknown until this build succeeds.
    func take() -> Set<String>? {
        lock.withLock {
            defer { files = nil }
            return files
        }
    }

    /// What a successful build left in the folder.
    func remember(_ files: Set<String>) { lock.withLock { self.files = files } }
}
