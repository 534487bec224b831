/// A 64-bit hash that is the same in every process (Swift's `Hasher` is seeded per run).
///
/// Eight bytes a step (multiply and shift), then FNV-1a for the tail: hashing page contexts,
/// bodies included, was 5% of a no-op rebuild with byte-at-a-time FNV-1a. Not cryptographic;
/// it only decides whether a page must be rendered again.
public struct StableHasher: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(bytes buffer: UnsafeRawBufferPointer) {
        var i = 0
        let n = buffer.count
        while i + 8 <= n {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
            value ^= value >> 29
            i += 8
        }
        while i < n {
            value = (value ^ UInt64(buffer[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
    }

    public mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add(bytes: $0) }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// A text's UTF-8 bytes, hashed as `add(_: String)` hashes the same text: its length, then them.
    public mutating func add(utf8 bytes: UnsafeRawBufferPointer) {
        add(UInt64(bytes.count))
        add(bytes: bytes)
    }
}
