import Foundation

/// Values handed out once each, from any thread, and let go as they are: a writer that
/// encodes them on every core frees each as soon as it is encoded, not when all are.
final class Handout<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]
    private var left: Int

    init(_ values: [Value]) {
        self.values = values
        left = values.count
    }

    var count: Int { lock.withLock { values.count } }

    /// The value at `index`, the first time it is asked for; nil after. `emptied` is true for
    /// the call that handed out the last one.
    func take(_ index: Int) -> (value: Value?, emptied: Bool) {
        lock.withLock {
            guard let value = values[index] else { return (nil, false) }
            values[index] = nil
            left -= 1
            return (value, left == 0)
        }
    }
}
