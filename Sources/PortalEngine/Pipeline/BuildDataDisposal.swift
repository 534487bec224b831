import Foundation

/// What becomes of a finished build's data (its model, bodies, the pages' data): freeing it
/// took 0.08 s at 10,000 articles once the output was in place.
public enum BuildDataDisposal: Sendable {
    /// Freed as the build returns (tests, any caller that goes on).
    case free
    /// Freed on a thread of its own after the build returns (the preview, which reloads pages
    /// as soon as the build is done).
    case freeInBackground
    /// Never freed: the process ends after the build (`build-site`), and the system takes it
    /// back whole.
    case keepUntilExit

    /// Hands `data` over as this disposal says; the caller lets go of its own references.
    func dispose(_ data: Any) {
        switch self {
        case .free: return
        case .freeInBackground:
            let box = Leftovers(data)
            DispatchQueue.global(qos: .utility).async { withExtendedLifetime(box) {} }
        case .keepUntilExit: Leftovers.keepUntilExit(Leftovers(data))
        }
    }
}

/// A finished build's data on its way out.
private final class Leftovers: @unchecked Sendable {
    let data: Any
    init(_ data: Any) { self.data = data }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Leftovers] = []

    static func keepUntilExit(_ leftovers: Leftovers) { lock.withLock { kept.append(leftovers) } }
}
