import Foundation

/// A value made on a thread of its own while the caller goes on; `value` waits for it.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let made = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            result = make()
            made.signal()
        }
    }

    var value: Value {
        made.wait()
        defer { made.signal() }  // for the next caller
        return result!
    }
}
