/// Bytes in memory of their own that grows as needed, for the tokenizer's per-byte appends: an
/// array checked that it was not shared, and counted references, on every byte. Not copyable,
/// so the memory has one owner that frees it.
struct ByteBuffer: ~Copyable {
    private(set) var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    /// The bytes from `offset` on.
    func bytes(from offset: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: start + offset, count: count - offset)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: capacity * 2) }
        start[count] = byte
        count += 1
    }

    mutating func append(contentsOf other: some Sequence<UInt8>) {
        for byte in other { append(byte) }
    }

    /// Keeps the first `length` bytes.
    mutating func truncate(to length: Int) { count = min(count, length) }

    /// Drops the first `length` bytes, moving the rest to the start.
    mutating func removeFirst(_ length: Int) {
        UnsafeMutableRawPointer(start).copyMemory(from: start + length, byteCount: count - length)  // a memmove
        count -= length
    }

    private mutating func grow(to newCapacity: Int) {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.initialize(from: start, count: count)
        start.deallocate()
        start = bigger
        capacity = newCapacity
    }
}
