import Foundation
import Synchronization

/// Parsed files and rendered bodies kept on disk between runs of `build-site`, in
/// `.build-site-cache/documents-v1.bin`, by the same content hashes `DocumentMemory` uses: a
/// rebuild reads and hashes every file, but runs YAML and cmark only for what changed.
///
/// The file is a header (a magic word and the engine identity: another build of the engine
/// starts afresh) and records of `key, table, length, check, payload`. A build appends the
/// records it made; once most of the file is records no build used, the next build writes it
/// anew with the used ones only. Records are read where they lie, through `mmap`, and checked
/// (the check hashes key, table and payload) only when used: a record torn by a killed build is
/// then a miss, not a wrong document. The file is never truncated in place, as a reader's
/// mapping would break; it is appended to under `flock`, or replaced by a rename. Where each
/// record lies is kept beside it (`DocumentStoreIndex`), so that opening it does not read the
/// header of every record.
final class DocumentStore: @unchecked Sendable {
    enum Table: UInt8 {
        case loaded = 1
        case rendered = 2
        /// A loaded file's Markdown, apart from the rest of it: read only to render a body, and
        /// checked then, against the hash its `.loaded` record keeps (`StoredText.isIntact`).
        case markdown = 3
    }

    static let magic = Array("portal-documents-v1\n".utf8)
    static let headerSize = magic.count + 8
    static let recordHeaderSize = 8 + 1 + 4 + 8

    let url: URL
    /// Where the index of its records is kept (`DocumentStoreIndex`).
    let indexURL: URL
    private let mapping: UnsafeRawBufferPointer?
    /// The mapped file's device and inode, which its index names.
    private var identity: (device: UInt64, inode: UInt64) = (0, 0)
    /// The index beside the file covered all of it when it was opened: a build that adds
    /// nothing need not write it again.
    private(set) var indexWasWhole = false
    /// Where each record's payload lies in `mapping`.
    private var index: [Table: [UInt64: Range<Int>]] = [.loaded: [:], .rendered: [:], .markdown: [:]]
    /// Bytes from the start of the file to the end of its last whole record.
    private var wholeEnd = 0

    static func url(sourceRoot: URL) -> URL {
        CacheFiles.url(sourceRoot: sourceRoot, name: "documents-v1.bin")
    }

    /// The store of `sourceRoot`; empty when missing, unreadable or from another engine build.
    init(sourceRoot: URL) {
        url = Self.url(sourceRoot: sourceRoot)
        indexURL = DocumentStoreIndex.url(sourceRoot: sourceRoot)
        let mapped = Self.map(url)
        mapping = mapped?.bytes
        guard let mapped, let mapping, mapping.count >= Self.headerSize,
            mapping.prefix(Self.magic.count).elementsEqual(Self.magic),
            mapping.loadUnaligned(fromByteOffset: Self.magic.count, as: UInt64.self)
                == EngineIdentity.value.littleEndian
        else { return }
        identity = (mapped.device, mapped.inode)
        var at = Self.headerSize
        if let saved = DocumentStoreIndex.load(
            from: indexURL, device: mapped.device, inode: mapped.inode, size: mapping.count)
        {
            for record in saved.records { index[record.table]![record.key] = record.range }
            at = saved.covered
            indexWasWhole = at == mapping.count
        }
        wholeEnd = at
        // Records appended after the index was written, or all of them without one.
        while at + Self.recordHeaderSize <= mapping.count {
            let key = UInt64(littleEndian: mapping.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            let length = Int(UInt32(littleEndian: mapping.loadUnaligned(fromByteOffset: at + 9, as: UInt32.self)))
            let start = at + Self.recordHeaderSize
            guard let table = Table(rawValue: mapping[at + 8]), length <= mapping.count - start else { break }
            index[table]![key] = at..<(start + length)
            at = start + length
            wholeEnd = at
        }
        releasePages()  // reading each record's header touched about a third of the file
    }

    deinit {
        if let streaming {  // never saved: a build that stopped early
            close(streaming.fd)
            if let temporary = streaming.temporary { unlink(temporary) }
        }
        if let mapping, let base = mapping.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), mapping.count)
        }
    }

    private static func map(_ url: URL) -> (bytes: UnsafeRawBufferPointer, device: UInt64, inode: UInt64)? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0,
            let base = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED
        else { return nil }
        return (UnsafeRawBufferPointer(start: base, count: Int(info.st_size)), UInt64(info.st_dev), UInt64(info.st_ino))
    }

    /// Every record it knows of, in file order.
    var records: [DocumentStoreIndex.Record] {
        index.flatMap { table, ranges in
            ranges.map { DocumentStoreIndex.Record(table: table, key: $0.key, range: $0.value) }
        }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `decode` applied to the payload stored under `key`, if its check holds.
    func decode<Value>(_ table: Table, _ key: UInt64, _ decode: (UnsafeRawBufferPointer) -> Value?) -> Value? {
        guard let mapping, let record = index[table]![key] else { return nil }
        let payload = Self.payload(of: record, in: mapping)
        let check = UInt64(littleEndian: mapping.loadUnaligned(fromByteOffset: record.lowerBound + 13, as: UInt64.self))
        return Self.check(key: key, table: table, payload: payload) == check ? decode(payload) : nil
    }

    /// The payload stored under `key`, not checked: for a text whose hash a checked record keeps.
    /// Its header must name that key and table, so that an index that lies makes a miss, not a
    /// text that fails its hash when read.
    func uncheckedPayload(_ table: Table, _ key: UInt64) -> UnsafeRawBufferPointer? {
        guard let mapping, let record = index[table]![key],
            UInt64(littleEndian: mapping.loadUnaligned(fromByteOffset: record.lowerBound, as: UInt64.self)) == key,
            mapping[record.lowerBound + 8] == table.rawValue
        else { return nil }
        return Self.payload(of: record, in: mapping)
    }

    /// A record's bytes after its header.
    private static func payload(of record: Range<Int>, in mapping: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: mapping[(record.lowerBound + recordHeaderSize)..<record.upperBound])
    }

    /// Gives back the pages read so far, which would otherwise stay in the build's memory (2.2 GB
    /// at 100,000 articles). Texts decoded as `StoredText` still point into the mapping: a
    /// page they are read from later is read again from the file. One call for the whole file,
    /// once a stage is done with it: a call per record cost more than it saved.
    func releasePages() {
        guard let mapping, let base = mapping.baseAddress else { return }
        madvise(UnsafeMutableRawPointer(mutating: base), mapping.count, MADV_DONTNEED)
        releases.withLock { $0 += 1 }
    }

    /// How many times `releasePages` gave the pages back: what tests can see of it.
    var pagesReleased: Int { releases.withLock { $0 } }
    private let releases = Mutex(0)

    private static func check(key: UInt64, table: Table, payload: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = StableHasher()
        hasher.add(key)
        hasher.add(UInt64(table.rawValue))
        hasher.add(bytes: payload)
        return hasher.value
    }

    /// `check` when the caller made it already, as `check(key:table:payload:)` makes it.
    static func appendRecord(
        _ table: Table, _ key: UInt64, payload: [UInt8], check: UInt64? = nil, to out: inout [UInt8]
    ) {
        withUnsafeBytes(of: key.littleEndian) { out.append(contentsOf: $0) }
        out.append(table.rawValue)
        withUnsafeBytes(of: UInt32(payload.count).littleEndian) { out.append(contentsOf: $0) }
        let check = check ?? payload.withUnsafeBytes { Self.check(key: key, table: table, payload: $0) }
        withUnsafeBytes(of: check.littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: payload)
    }

    /// The records of one thing this build made (a file is two: its document and its
    /// Markdown), each with its table, key and payload; none to leave it out.
    typealias Encode = @Sendable (Int) -> [(Table, UInt64, [UInt8])]

    /// Records this build used: `kept` are in the file already, `added` things were made by it
    /// (`encode` makes the records of each, on demand). Appends them, or writes the file anew
    /// with both when most of it is records nobody uses; then writes the index beside it.
    /// Records `stream` wrote are kept, and the file goes on where they left it.
    func save(kept: [(Table, UInt64)], added: Int, encode: Encode) {
        let keptRecords = kept.compactMap { table, key in
            index[table]![key].map { DocumentStoreIndex.Record(table: table, key: key, range: $0) }
        }
        if let session = streaming {
            streaming = nil
            finish(session, kept: session.temporary == nil ? [] : keptRecords, added, encode)
            return
        }
        let live = keptRecords.reduce(0) { $0 + $1.range.count }
        let dead = wholeEnd - Self.headerSize - live
        if mapping != nil, wholeEnd > 0, dead <= live, append(added, encode) { return }
        rewrite(keptRecords, added, encode)
    }

    /// A file being written: the store appended to under `flock`, or a new file (`temporary`).
    private struct Streaming {
        let fd: Int32
        let temporary: String?
        var placement: Placement
        /// False once a write failed: the file is then not used.
        var ok = true
        /// Emptied after each write, its room kept for the next.
        var buffer: [UInt8] = []
    }

    /// The file `stream` writes to, until `save` finishes it.
    private var streaming: Streaming?
    /// Reads what `stream` wrote.
    private var streamed: StoredFile?

    /// Writes `records` now, before `save`, so that a build making many of them need not hold
    /// them all: each record's payload can then be read back from the file where it starts
    /// (the offsets returned), with the file returned. Nil when they could not be written;
    /// `save` then writes what it is given as usual. Called from one thread at a time, before `save`.
    func stream(_ records: [(Table, UInt64, [UInt8])]) -> (file: StoredFile, payloadOffsets: [Int])? {
        if streaming == nil {
            // Never waiting for another build's lock: it may be waiting for this build's output.
            guard streamed == nil,
                let session = mapping != nil && wholeEnd > 0 ? openForAppending(waiting: false) : openAnew(),
                let file = StoredFile(path: session.temporary ?? url.path)
            else { return nil }
            // Another build may have renamed a new store over the path since it was opened.
            guard file.isSameFile(as: session.fd) else {
                close(session.fd)
                if let temporary = session.temporary { unlink(temporary) }
                return nil
            }
            (streaming, streamed) = (session, file)
        }
        guard var session = streaming, session.ok, let file = streamed else { return nil }
        // The checks on every core, and the bytes through one buffer kept for the whole build:
        // a buffer of each call's whole size, grown, copied and faulted in anew each time, was
        // most of this write.
        let checks = parallelMap(Array(records.indices)) { i in
            records[i].2.withUnsafeBytes { Self.check(key: records[i].1, table: records[i].0, payload: $0) }
        }
        var out = session.buffer
        session.buffer = []
        var offsets: [Int] = []
        for ((table, key, payload), check) in zip(records, checks) where session.ok {
            session.placement.add(table, key, to: &out) {
                Self.appendRecord(table, key, payload: payload, check: check, to: &$0)
            }
            offsets.append(session.placement.records.last!.range.upperBound - payload.count)
            session.ok = session.placement.flush(&out, to: session.fd, whenFull: true)
        }
        session.ok = session.ok && session.placement.flush(&out, to: session.fd)
        session.buffer = out
        streaming = session
        return session.ok ? (file, offsets) : nil
    }

    /// Where records are being written: the file offset of the first byte not yet written out,
    /// and each record placed so far.
    private struct Placement {
        var offset: Int
        var records: [DocumentStoreIndex.Record] = []

        /// Appends a record's bytes to `out`, and places it.
        mutating func add(_ table: Table, _ key: UInt64, to out: inout [UInt8], bytes: (inout [UInt8]) -> Void) {
            let start = offset + out.count
            bytes(&out)
            records.append(.init(table: table, key: key, range: start..<(offset + out.count)))
        }

        /// Writes `out` to `fd` and empties it; with `whenFull`, only once it holds `flushSize`.
        mutating func flush(_ out: inout [UInt8], to fd: Int32, whenFull: Bool = false) -> Bool {
            if whenFull && out.count < DocumentStore.flushSize { return true }
            guard DocumentStore.writeAll(fd, out) else { return false }
            offset += out.count
            out.removeAll(keepingCapacity: true)
            return true
        }
    }

    /// False when the file is not as this store read it (another build appended meanwhile, or
    /// it ends in a torn record): the caller then writes it anew.
    private func append(_ added: Int, _ encode: Encode) -> Bool {
        if added == 0 {
            if !indexWasWhole { saveIndex(placed: [], covered: wholeEnd) }
            return true
        }
        guard let session = openForAppending() else { return false }
        return finish(session, kept: [], added, encode)
    }

    /// The file open for appending under `flock`, if it is as this store read it.
    /// Without `waiting`, nil at once when another build holds the lock.
    private func openForAppending(waiting: Bool = true) -> Streaming? {
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard flock(fd, waiting ? LOCK_EX : LOCK_EX | LOCK_NB) == 0, fstat(fd, &info) == 0,
            Int(info.st_size) == wholeEnd
        else {
            close(fd)
            return nil
        }
        return Streaming(fd: fd, temporary: nil, placement: Placement(offset: wholeEnd))
    }

    /// A new file beside the store, with its header, to be renamed over it once whole.
    private func openAnew() -> Streaming? {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        var header = Self.magic
        withUnsafeBytes(of: EngineIdentity.value.littleEndian) { header.append(contentsOf: $0) }
        guard Self.writeAll(fd, header) else {
            close(fd)
            unlink(temporary)
            return nil
        }
        return Streaming(fd: fd, temporary: temporary, placement: Placement(offset: header.count))
    }

    /// Writes `kept` (copied from the mapping) and the `added` records into `session`'s file,
    /// then its index; a new file is renamed over the store, or dropped if a write failed.
    @discardableResult
    private func finish(_ session: Streaming, kept: [DocumentStoreIndex.Record], _ added: Int, _ encode: Encode)
        -> Bool
    {
        var placement = session.placement
        var out: [UInt8] = []
        var ok = session.ok
        if let mapping {
            for record in kept where ok {
                placement.add(record.table, record.key, to: &out) {
                    $0.append(contentsOf: UnsafeRawBufferPointer(rebasing: mapping[record.range]))
                }
                ok = placement.flush(&out, to: session.fd, whenFull: true)
            }
        }
        ok = ok && Self.writeRecords(added, encode, fd: session.fd, after: &out, placement: &placement)
        var info = stat()
        ok = ok && fstat(session.fd, &info) == 0
        guard let temporary = session.temporary else {
            // Under the lock: a build appending next finds the index it leaves.
            if ok { saveIndex(placed: placement.records, covered: placement.offset) }
            close(session.fd)
            return ok
        }
        close(session.fd)
        if !ok || rename(temporary, url.path) != 0 {
            unlink(temporary)
            return false
        }
        DocumentStoreIndex(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), covered: placement.offset,
            records: placement.records
        ).save(to: indexURL)
        return true
    }

    /// The index of every record this store read and of `placed`, which follow them.
    private func saveIndex(placed: [DocumentStoreIndex.Record], covered: Int) {
        DocumentStoreIndex(
            device: identity.device, inode: identity.inode, covered: covered, records: records + placed
        ).save(to: indexURL)
    }

    private func rewrite(_ kept: [DocumentStoreIndex.Record], _ added: Int, _ encode: Encode) {
        guard let session = openAnew() else { return }
        finish(session, kept: kept, added, encode)
    }

    static let flushSize = 4 << 20

    /// Writes `out`, then the `added` records, encoded a batch at a time on every core; each is
    /// placed in `placement`, whose offset ends past the last byte written.
    private static func writeRecords(
        _ added: Int, _ encode: Encode, fd: Int32, after out: inout [UInt8], placement: inout Placement
    ) -> Bool {
        for start in stride(from: 0, to: added, by: 256) {
            let batch = parallelMap(Array(start..<min(added, start + 256)), encode)
            for (table, key, payload) in batch.joined() {
                placement.add(table, key, to: &out) { appendRecord(table, key, payload: payload, to: &$0) }
            }
            guard placement.flush(&out, to: fd, whenFull: true) else { return false }
        }
        return placement.flush(&out, to: fd)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }
}
