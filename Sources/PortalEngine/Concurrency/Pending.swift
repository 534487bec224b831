import Foundation

/// A value made on another thread while the caller goes on; `value` waits for it. On the
/// global queue's threads: a new thread for each (a chunk of bodies written to the store every
/// 1,024 articles) left the build's memory about 70 MB higher at 100,000 articles.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let made = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
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
