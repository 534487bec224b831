import Foundation

/// Distinct byte strings with dense ids, found by their FNV-1a hash (which the index computes
/// anyway for its shards): the index build's terms without a String or a dictionary entry each.
struct TermTable: Sendable {
    /// The terms' bytes one after another; term `id` is `bytes[starts[id]..<starts[id + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]
    private(set) var hashes: [UInt32] = []
    /// Open addressing, linear probing: an id, or -1 for an empty slot.
    private var slots: [Int32]
    private var shift: UInt64

    /// `searchable: false` makes a table only `append` adds to, without the hash index.
    init(capacity: Int, searchable: Bool = true) {
        guard searchable else {
            (slots, shift) = ([], 0)
            bytes.reserveCapacity(capacity * 8)
            starts.reserveCapacity(capacity + 1)
            hashes.reserveCapacity(capacity)
            return
        }
        var bits = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        slots = [Int32](repeating: -1, count: 1 << bits)
        shift = UInt64(64 - bits)
        bytes.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
        hashes.reserveCapacity(capacity)
    }

    var count: Int { hashes.count }

    func term(_ id: Int) -> ArraySlice<UInt8> { bytes[starts[id]..<starts[id + 1]] }

    /// The terms' bytes and hashes by id through pointers, valid only inside `withTerms`.
    struct View {
        fileprivate let all: UnsafeBufferPointer<UInt8>
        fileprivate let starts: UnsafeBufferPointer<Int>
        let hashes: UnsafeBufferPointer<UInt32>

        func term(_ id: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: all[starts[id]..<starts[id + 1]])
        }
    }

    /// Calls `body` with the terms by pointer, without slicing an array for each.
    func withTerms<Result>(_ body: (View) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { starts in
                hashes.withUnsafeBufferPointer { body(View(all: all, starts: starts, hashes: $0)) }
            }
        }
    }

    /// The id of `term`, added when it is new; by pointer, as slices of the caller's buffers
    /// cost a reference count each.
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (id: Int, isNew: Bool) {
        if hashes.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = self.slot(hash)
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == hash, equals(id, term) { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        slots[slot] = Int32(id)
        hashes.append(hash)
        bytes.append(contentsOf: term)
        starts.append(bytes.count)
        return (id, true)
    }

    /// Adds `term` without looking for it: for a table of terms known distinct, made with
    /// `searchable: false` (`insert` would not find them).
    mutating func append(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        hashes.append(hash)
        bytes.append(contentsOf: term)
        starts.append(bytes.count)
        return hashes.count - 1
    }

    /// Whether term `id` is `term`'s bytes.
    func holds(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool { equals(id, term) }

    /// Fibonacci hashing: FNV-1a's low bits alone spread short terms badly.
    private func slot(_ hash: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(hash) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == term.count else { return false }
        guard let other = term.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, other, term.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for id in hashes.indices {
            var slot = self.slot(hashes[id])
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
