import Foundation

/// Where views are counted: adds one view to its day, its month and the total, and answers
/// the counts including it, once they are kept.
public protocol CounterStore: Sendable {
    func add(day: String, month: String) async throws -> ViewTotals
}

/// A store that keeps nothing after the process ends: the preview's.
public final class MemoryCounterStore: CounterStore, @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    public init(total: Int = 0) { counts["total"] = total }

    public func add(day: String, month: String) async throws -> ViewTotals {
        lock.withLock {
            for key in ["day:" + day, "month:" + month, "total"] { counts[key, default: 0] += 1 }
            return ViewTotals(today: counts["day:" + day]!, month: counts["month:" + month]!, total: counts["total"]!)
        }
    }
}
