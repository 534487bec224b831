import Foundation

/// Where each record of the document store lies, kept beside it (`documents-v1.idx`): the store
/// then opens by reading this small file, not the header of every record, which touched a
/// third of the store's pages (0.03 s of an edit at 10,000 articles).
///
/// It names the store's file by device and inode and covers its bytes up to `covered`; records
/// appended after that (by a build into another output folder) are found by their headers, as
/// before. One for another file or engine, or damaged (it ends with a check of its bytes), is
/// not used. A range it gives is still only a place to look: each record's own check, which
/// hashes its key and table with its payload, must hold before the record is used.
struct DocumentStoreIndex: Equatable {
    struct Record: Equatable {
        var table: DocumentStore.Table
        var key: UInt64
        /// The whole record, header included, in the store's file.
        var range: Range<Int>
    }

    var device: UInt64
    var inode: UInt64
    var covered: Int
    var records: [Record]

    static let magic = "portal-documents-index-v1"

    static func url(sourceRoot: URL) -> URL {
        CacheFiles.url(sourceRoot: sourceRoot, name: "documents-v1.idx")
    }

    /// The index for the store file `device`/`inode` of `size` bytes, when there is a sound one.
    static func load(from url: URL, device: UInt64, inode: UInt64, size: Int) -> DocumentStoreIndex? {
        guard let data = FileManager.default.contents(atPath: url.path), data.count > 8 else { return nil }
        return data.withUnsafeBytes { bytes -> DocumentStoreIndex? in
            let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)])
            var hasher = StableHasher()
            hasher.add(bytes: body)
            guard bytes.loadUnaligned(fromByteOffset: body.count, as: UInt64.self) == hasher.value.littleEndian
            else { return nil }
            let index = CacheBytesReader.whole(body) { r -> DocumentStoreIndex? in
                guard r.string() == magic, r.unsigned() == EngineIdentity.value else { return nil }
                let (device, inode, covered) = (r.unsigned(), r.unsigned(), r.int())
                var end = DocumentStore.headerSize
                let records = r.array { r -> Record? in
                    let (table, key) = (
                        DocumentStore.Table(rawValue: UInt8(truncatingIfNeeded: r.unsigned())), r.unsigned()
                    )
                    let (gap, length) = (r.int(), r.int())
                    guard gap >= 0, length >= DocumentStore.recordHeaderSize else { return nil }
                    let start = end + gap
                    end = start + length
                    return table.map { Record(table: $0, key: key, range: start..<end) }
                }
                guard records.allSatisfy({ $0 != nil }), end <= covered else { return nil }
                return DocumentStoreIndex(device: device, inode: inode, covered: covered, records: records.map { $0! })
            }
            guard let index, index.device == device, index.inode == inode, index.covered <= size else { return nil }
            return index
        }
    }

    /// Written whole, through a temporary file and a rename. `records` must be in file order.
    func save(to url: URL) {
        var w = CacheBytesWriter()
        w.string(Self.magic)
        w.unsigned(EngineIdentity.value)
        w.unsigned(device)
        w.unsigned(inode)
        w.int(covered)
        var end = DocumentStore.headerSize
        w.array(records) { w, record in
            w.unsigned(UInt64(record.table.rawValue))
            w.unsigned(record.key)
            w.int(record.range.lowerBound - end)
            w.int(record.range.count)
            end = record.range.upperBound
        }
        var hasher = StableHasher()
        w.bytes.withUnsafeBytes { hasher.add(bytes: $0) }
        var bytes = w.bytes
        withUnsafeBytes(of: hasher.value.littleEndian) { bytes.append(contentsOf: $0) }
        CacheFiles.write(Data(bytes), to: url)
    }
}
