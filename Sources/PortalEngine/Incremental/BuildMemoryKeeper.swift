import Foundation

/// What a long-lived process (the preview) keeps of its last build's `BuildMemory`: the next
/// build takes it instead of reading `.build-site-cache/` (0.1 s at 10,000 articles), and it is
/// written there on a thread of its own once the build is done (0.15 s with the up-to-date
/// record, which lists the output's files), for the process's next start. The output's lock is
/// let go before that: only for a folder no other process builds into, as the preview's.
public final class BuildMemoryKeeper: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: (output: URL, memory: BuildMemory)?
    /// Saves, one at a time.
    private let disk = DispatchQueue(label: "build-memory-disk")

    public init() {}

    /// The memory the last build left for this output; none is kept after (a build that fails
    /// leaves none). Waits for its save: the caller may then read or forget the copy on disk.
    func take(_ options: BuildOptions) -> BuildMemory? {
        waitUntilSaved()
        return lock.withLock {
            defer { kept = nil }
            return kept?.output == options.output ? kept?.memory : nil
        }
    }

    /// Keeps a finished build's memory, and saves it in the background.
    func keep(_ memory: BuildMemory, upToDate: @escaping @Sendable () -> UpToDateCheck.Record?, options: BuildOptions) {
        lock.withLock { kept = (options.output, memory) }
        disk.async { memory.write(options, upToDate: upToDate) }
    }

    /// Waits until what the last build kept is on disk.
    public func waitUntilSaved() { disk.sync {} }
}
