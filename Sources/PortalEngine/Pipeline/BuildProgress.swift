import Foundation

/// Where a running build is, for a progress line: the stage and, while pages are written, how
/// many of how many. The build writes it; the command line reads it from another thread.
public final class BuildProgress: @unchecked Sendable {
    /// The stages a person waits through, in order.
    public enum Stage: Sendable, Equatable {
        case reading, markdown, search, pages, copying, photos, finishing
    }

    private let lock = NSLock()
    private var stage: Stage = .reading
    private var done = 0
    private var total = 0

    public init() {}

    func begin(_ stage: Stage, total: Int = 0) {
        lock.withLock {
            self.stage = stage
            self.done = 0
            self.total = total
        }
    }

    func advance() {
        lock.withLock { done += 1 }
    }

    /// The stage, and `done` of `total` (0 of 0 where nothing is counted).
    public var snapshot: (stage: Stage, done: Int, total: Int) {
        lock.withLock { (stage, done, total) }
    }
}
