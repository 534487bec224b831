/// A text that may still be the UTF-8 bytes it was read as from the document store, made a
/// String only when read as one. Most texts a rebuild takes from the store are only hashed
/// (bodies it keeps) or not read at all (Markdown it need not render), and checking their UTF-8
/// cost more than the rest of reading the store.
public struct StoredText: Sendable {
    private enum Storage: Sendable {
        case string(String)
        case bytes([UInt8])
    }

    private let storage: Storage

    public init(_ string: String) { storage = .string(string) }

    /// Bytes as written by `CacheBytesWriter.string`; invalid UTF-8 is repaired when read.
    init(bytes: [UInt8]) { storage = .bytes(bytes) }

    /// Made each time it is asked for when kept as bytes: each text is read once or twice.
    public var string: String {
        switch storage {
        case .string(let text): return text
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The text, or when kept as bytes a start of it of at least `scalars` scalars: for a
    /// snippet, without checking the UTF-8 of a whole body.
    func start(scalars: Int) -> String {
        switch storage {
        case .string(let text): return text
        case .bytes(let bytes): return String(decoding: bytes.prefix(scalars * 4), as: UTF8.self)
        }
    }

    /// Calls `body` with the text's UTF-8, without making a String of stored bytes. Stored bytes
    /// were written from a String, so they are valid UTF-8 unless the store was damaged.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .string(var text): return text.withUTF8(body)
        case .bytes(let bytes): return bytes.withUnsafeBufferPointer(body)
        }
    }

    /// Hashed as `StableHasher.add(_: String)` hashes the same text.
    func add(to hasher: inout StableHasher) {
        switch storage {
        case .string(let text): hasher.add(text)
        case .bytes(let bytes):
            hasher.add(UInt64(bytes.count))
            bytes.withUnsafeBytes { hasher.add(bytes: $0) }
        }
    }

    /// The text's own hash, as a `StableHasher` that is given only this text makes it.
    var stableHash: UInt64 {
        var hasher = StableHasher()
        add(to: &hasher)
        return hasher.value
    }

    /// Written as `CacheBytesWriter.string` writes the same text.
    func encode(into w: inout CacheBytesWriter) {
        switch storage {
        case .string(let text): w.string(text)
        case .bytes(let bytes): w.bytes(bytes)
        }
    }
}
