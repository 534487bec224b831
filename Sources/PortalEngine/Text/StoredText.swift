/// A text that may still be the UTF-8 bytes it was read as from the document store, made a
/// String only when read as one. Most texts a rebuild takes from the store are only hashed
/// (bodies it keeps) or not read at all (Markdown it need not render), and checking their UTF-8
/// cost more than the rest of reading the store.
public struct StoredText: Sendable {
    private enum Storage: Sendable {
        case string(String)
        case bytes([UInt8])
        case mapped(MappedBytes)
        case file(FileBytes)
    }

    /// Bytes read where they lie in a read-only mapping that `owner` keeps mapped: the document
    /// store's file, which is appended to or replaced but never changed in place. Copying every
    /// kept Markdown text and body out of it was a third of an edit's load stage at 10,000
    /// articles (96 MB copied, then mostly never read).
    final class MappedBytes: @unchecked Sendable {
        let owner: AnyObject
        let bytes: UnsafeRawBufferPointer

        init(owner: AnyObject, bytes: UnsafeRawBufferPointer) { (self.owner, self.bytes) = (owner, bytes) }
    }

    /// Bytes read from `file` at `offset` each time they are asked for: a body written to the
    /// document store as soon as it was rendered, so that a full build does not hold every
    /// article's HTML and words at once (1.5 GB at 100,000 articles). Each is read once or twice
    /// (its page, the search index), from the page cache.
    final class FileBytes: Sendable {
        let file: StoredFile
        let offset: Int
        let count: Int

        init(file: StoredFile, offset: Int, count: Int) { (self.file, self.offset, self.count) = (file, offset, count) }
    }

    private let storage: Storage
    /// `stableHash`, when the store kept it with the text: a rebuild hashed every kept body
    /// and Markdown text up to four times (body keys, page inputs, search stamps).
    private let knownHash: UInt64?

    public init(_ string: String) { (storage, knownHash) = (.string(string), nil) }

    /// The text with its `stableHash` made at once: for a file's Markdown, hashed where it is
    /// parsed, on every core, instead of three times later on the build's one thread (its
    /// body's key for the prefetch and for rendering, its record in the store).
    static func hashing(_ string: String) -> StoredText {
        var hasher = StableHasher()
        hasher.add(string)
        return StoredText(storage: .string(string), knownHash: hasher.value)
    }

    private init(storage: Storage, knownHash: UInt64?) { (self.storage, self.knownHash) = (storage, knownHash) }

    /// Bytes as written by `CacheBytesWriter.string`; invalid UTF-8 is repaired when read.
    init(bytes: [UInt8], stableHash: UInt64? = nil) { (storage, knownHash) = (.bytes(bytes), stableHash) }

    /// Bytes of a mapping `owner` keeps alive, as written by `CacheBytesWriter.string`.
    init(mapped bytes: UnsafeRawBufferPointer, owner: AnyObject, stableHash: UInt64? = nil) {
        storage = .mapped(MappedBytes(owner: owner, bytes: bytes))
        knownHash = stableHash
    }

    /// Bytes written at `offset` of `file`, as `CacheBytesWriter.string` writes them.
    init(file: StoredFile, offset: Int, count: Int, stableHash: UInt64) {
        storage = .file(FileBytes(file: file, offset: offset, count: count))
        knownHash = stableHash
    }

    /// The stored bytes, when not a String; at most the first `limit` of them.
    private func withStoredBytes<Result>(limit: Int = .max, _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
        switch storage {
        case .string: return nil
        case .bytes(let bytes):
            return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0.prefix(limit))) }
        case .mapped(let mapped):
            return withExtendedLifetime(mapped.owner) {
                body(UnsafeRawBufferPointer(rebasing: mapped.bytes.prefix(limit)))
            }
        case .file(let stored):
            return stored.file.withBytes(at: stored.offset, count: min(limit, stored.count), body)
        }
    }

    /// Whether the text is read from a file each time it is asked for.
    var isInFile: Bool {
        if case .file = storage { return true }
        return false
    }

    /// Made each time it is asked for when kept as bytes: each text is read once or twice.
    public var string: String {
        switch storage {
        case .string(let text): return text
        default: return withStoredBytes { String(decoding: $0, as: UTF8.self) }!
        }
    }

    /// The text, or when kept as bytes a start of it of at least `scalars` scalars: for a
    /// snippet, without checking the UTF-8 of a whole body.
    func start(scalars: Int) -> String {
        switch storage {
        case .string(let text): return text
        default: return withStoredBytes(limit: scalars * 4) { String(decoding: $0, as: UTF8.self) }!
        }
    }

    /// Calls `body` with the text's UTF-8, without making a String of stored bytes. Stored bytes
    /// were written from a String, so they are valid UTF-8 unless the store was damaged.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .string(var text): return text.withUTF8(body)
        default: return withStoredBytes { body($0.assumingMemoryBound(to: UInt8.self)) }!
        }
    }

    /// Hashed as `StableHasher.add(_: String)` hashes the same text.
    func add(to hasher: inout StableHasher) {
        switch storage {
        case .string(let text): hasher.add(text)
        default:
            withStoredBytes { hasher.add(utf8: $0) }
        }
    }

    /// False when the text's bytes do not make the hash kept with them: the store's Markdown
    /// is checked so, when it is rendered, not each time it is loaded (hashing every kept text
    /// was most of an edit's load stage).
    var isIntact: Bool { knownHash.map { $0 == hashOfBytes } ?? true }

    /// The text's own hash, as a `StableHasher` that is given only this text makes it.
    var stableHash: UInt64 { knownHash ?? hashOfBytes }

    /// `stableHash` made from the text itself.
    private var hashOfBytes: UInt64 {
        var hasher = StableHasher()
        add(to: &hasher)
        return hasher.value
    }

    /// Its `stableHash`, then its bytes as `CacheBytesWriter.string` writes the same text;
    /// `CacheBytesReader.storedText` reads both.
    func encode(into w: inout CacheBytesWriter) {
        w.unsigned(stableHash)
        switch storage {
        case .string(let text): w.string(text)
        default: withStoredBytes { w.bytes($0) }
        }
    }
}
