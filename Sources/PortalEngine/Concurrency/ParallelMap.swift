import Dispatch
import Foundation

/// Maps over an array on every core, keeping order; work is handed out in small chunks.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let results = ResultSlots<R>(count: items.count)
    let chunk = max(1, min(64, items.count / (ProcessInfoCores.count * 8)))
    let chunks = (items.count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let start = c * chunk
        for i in start..<min(start + chunk, items.count) {
            results.set(i, transform(items[i]))
        }
    }
    return results.collect()
}

/// Runs `body` for 0..<count on every core.
func parallelForEach(count: Int, _ body: @Sendable (Int) -> Void) {
    if count == 0 { return }
    let chunk = max(1, min(32, count / (ProcessInfoCores.count * 8)))
    let chunks = (count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let start = c * chunk
        for i in start..<min(start + chunk, count) { body(i) }
    }
}

enum ProcessInfoCores {
    static let count = max(1, ProcessInfo.processInfo.activeProcessorCount)
}

/// Write-once slots filled from many threads; each index is written by exactly one task.
///
/// A buffer allocated once, not an `Array`: writing through an array's
/// `withUnsafeMutableBufferPointer` from several threads raced on its uniqueness check, and a
/// write could land in a copy and be lost (a nil slot and a crash in `collect`, seen under load).
/// Each slot is initialized once by `set` and moved out by `collect`: no placeholder written
/// first, no copy made and released after (a sixth of making 100,000 articles).
private final class ResultSlots<R>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<R>

    init(count: Int) {
        storage = .allocate(capacity: count)
    }

    /// Only the memory: `collect`, which `parallelMap` always calls, has moved every value out.
    deinit {
        storage.deallocate()
    }

    func set(_ index: Int, _ value: R) {
        (storage.baseAddress! + index).initialize(to: value)
    }

    /// Every slot must have been set, and this is called once.
    func collect() -> [R] {
        Array(unsafeUninitializedCapacity: storage.count) { buffer, initialized in
            if let target = buffer.baseAddress, let source = storage.baseAddress {
                target.moveInitialize(from: source, count: storage.count)
            }
            initialized = storage.count
        }
    }
}
