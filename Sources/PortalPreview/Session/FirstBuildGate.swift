import Foundation

/// Holds requests that arrive before the first build has finished, then lets them all through.
final class FirstBuildGate: @unchecked Sendable {
    private let lock = NSLock()
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func open() {
        let released = lock.withLock {
            isOpen = true
            defer { waiting.removeAll() }
            return waiting
        }
        for continuation in released { continuation.resume() }
    }

    func wait() async {
        if lock.withLock({ isOpen }) { return }
        await withCheckedContinuation { continuation in
            let ready = lock.withLock {
                if isOpen { return true }
                waiting.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
