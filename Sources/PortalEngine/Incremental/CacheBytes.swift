/// Appends values to a cache record: integers as LEB128 varints (zig-zag for signed), strings
/// as their byte count and UTF-8 bytes. Records are read back by `CacheBytesReader` in the same
/// order; nothing names the fields, the engine identity in the file's header versions them.
struct CacheBytesWriter {
    var bytes: [UInt8] = []

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        unsigned(UInt64(value.utf8.count))
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A string's UTF-8 bytes, as `string` writes them.
    mutating func bytes(_ value: UnsafeRawBufferPointer) {
        unsigned(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CacheBytesWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout CacheBytesWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads what `CacheBytesWriter` wrote. Reading past the end or a malformed value sets `failed`
/// and yields zeros and empty strings from then on: the caller checks `isComplete` once, at the
/// end, and drops the record instead of threading errors through every field.
struct CacheBytesReader {
    let bytes: UnsafeRawBufferPointer
    private var at = 0
    private(set) var failed = false

    /// Keeps `bytes` mapped, when they lie in a mapping that outlives the reader: texts are
    /// then read where they lie (`storedText`), not copied.
    private let owner: AnyObject?
    /// Where `bytes` were written in a file that outlives the reader: texts are then read from
    /// there when asked for (`StoredText.init(file:)`), not kept.
    private let file: (file: StoredFile, offset: Int)?

    init(_ bytes: UnsafeRawBufferPointer, owner: AnyObject? = nil, file: (file: StoredFile, offset: Int)? = nil) {
        (self.bytes, self.owner, self.file) = (bytes, owner, file)
    }

    /// What `read` makes of `bytes`, or nil unless it read them all and nothing was malformed.
    static func whole<T>(
        _ bytes: UnsafeRawBufferPointer, owner: AnyObject? = nil, file: (file: StoredFile, offset: Int)? = nil,
        _ read: (inout CacheBytesReader) -> T?
    ) -> T? {
        var reader = CacheBytesReader(bytes, owner: owner, file: file)
        let value = read(&reader)
        return reader.isComplete ? value : nil
    }

    /// For a value the reader cannot tell is wrong, such as an unknown tag.
    mutating func markDamaged() { failed = true }

    /// Every byte read, and nothing malformed.
    var isComplete: Bool { !failed && at == bytes.count }

    mutating func unsigned() -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while !failed {
            guard at < bytes.count, shift < 64 else { break }
            let byte = bytes[at]
            at += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        failed = true
        return 0
    }

    mutating func int() -> Int {
        let v = unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    mutating func bool() -> Bool {
        guard !failed, at < bytes.count, bytes[at] <= 1 else {
            failed = true
            return false
        }
        at += 1
        return bytes[at - 1] == 1
    }

    mutating func string() -> String {
        String(decoding: stringBytes(), as: UTF8.self)
    }

    /// A text as `StoredText.encode` writes it, with its hash: kept as its bytes, made a String
    /// only if it is read as one.
    mutating func storedText() -> StoredText {
        let hash = unsigned()
        let bytes = stringBytes()
        if let file, !failed, let base = self.bytes.baseAddress, let start = bytes.baseAddress {
            return StoredText(
                file: file.file, offset: file.offset + (start - base), count: bytes.count, stableHash: hash)
        }
        guard let owner else { return StoredText(bytes: Array(bytes), stableHash: hash) }
        return StoredText(mapped: bytes, owner: owner, stableHash: hash)
    }

    private mutating func stringBytes() -> UnsafeRawBufferPointer {
        let count = unsigned()
        guard !failed, count <= UInt64(bytes.count - at) else {
            failed = true
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        let start = at
        at += Int(count)
        return UnsafeRawBufferPointer(rebasing: bytes[start..<at])
    }

    mutating func optional<T>(_ read: (inout CacheBytesReader) -> T) -> T? {
        bool() ? read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CacheBytesReader) -> T) -> [T] {
        let count = unsigned()
        // Every element takes at least one byte: a larger count is a damaged record.
        guard !failed, count <= UInt64(bytes.count - at) else {
            failed = true
            return []
        }
        var values: [T] = []
        values.reserveCapacity(Int(count))
        for _ in 0..<count where !failed { values.append(read(&self)) }
        return values
    }
}
