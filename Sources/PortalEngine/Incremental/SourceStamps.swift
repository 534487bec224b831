import Foundation

/// What `stat` says of a source file: size, inode, modification and change times to the
/// nanosecond. A file whose stamp is the one it had when a build read it is taken from the
/// document store unread, as git's index does: opening and reading 10,000 files was about half
/// of an edit's load stage.
struct FileStamp: Equatable, Sendable {
    var size: Int64
    var inode: UInt64
    /// Nanoseconds since 1970.
    var modified: Int64
    var changed: Int64
}

extension FileStamp {
    init(_ info: stat) {
        self.init(
            size: Int64(info.st_size), inode: UInt64(info.st_ino),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    /// Written so shortly before `time` that another write in the same tick of the file
    /// system's clock (some keep whole seconds) could leave the same stamp on other bytes.
    /// Such a stamp is not trusted: the file is read again next time.
    func isRecent(at time: Int64) -> Bool {
        max(modified, changed) > time - Self.trustedAge
    }

    /// Two seconds: more than any file system's timestamp granularity but FAT's.
    static let trustedAge: Int64 = 2_000_000_000
}

/// What the up-to-date check's walk met under `content/`, in its order, before any file was
/// read, and when: the loader sorts it out instead of walking the folder a second time, and
/// the document memory takes each file's stamp from it.
struct ObservedStamps: Sendable {
    var contentEntries: [FileTree.Entry]?
    /// Nanoseconds since 1970, taken before the first `stat`.
    var takenAt: Int64 = 0

    /// Each file's stamp, by path from the source folder.
    var byPath: [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        stamps.reserveCapacity(contentEntries?.count ?? 0)
        for case .file(let relative, let info) in contentEntries ?? [] {
            stamps["content/" + relative] = FileStamp(info)
        }
        return stamps
    }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// `.build-site-cache/sources-v1.bin`: for each file a build loaded (by `ContentLoader.loadName`),
/// the stamp it had before it was read and the key its bytes were loaded under in the document
/// store. A key the store no longer holds is a miss: the file is read.
struct SourceStampRecord: Sendable {
    struct Entry: Sendable {
        var stamp: FileStamp
        var key: UInt64
    }

    var entries: [String: Entry] = [:]

    static func url(nextTo store: URL) -> URL {
        store.deletingLastPathComponent().appendingPathComponent("sources-v1.bin")
    }

    /// Empty when missing, damaged or written by another engine build.
    static func load(_ url: URL) -> SourceStampRecord {
        guard let data = FileManager.default.contents(atPath: url.path) else { return SourceStampRecord() }
        let entries = data.withUnsafeBytes { bytes in
            CacheBytesReader.whole(bytes) { reader -> [String: Entry]? in
                guard reader.unsigned() == EngineIdentity.value else { return nil }
                let count = reader.unsigned()
                guard count <= UInt64(bytes.count) else { return nil }
                var entries: [String: Entry] = [:]
                entries.reserveCapacity(Int(count))
                for _ in 0..<count {
                    let name = reader.string()
                    let stamp = FileStamp(
                        size: Int64(reader.int()), inode: reader.unsigned(), modified: Int64(reader.int()),
                        changed: Int64(reader.int()))
                    entries[name] = Entry(stamp: stamp, key: reader.unsigned())
                }
                return entries
            }
        }
        return SourceStampRecord(entries: entries ?? [:])
    }

    func save(to url: URL) {
        var writer = CacheBytesWriter()
        writer.unsigned(EngineIdentity.value)
        writer.unsigned(UInt64(entries.count))
        for (name, entry) in entries {
            writer.string(name)
            writer.int(Int(entry.stamp.size))
            writer.unsigned(entry.stamp.inode)
            writer.int(Int(entry.stamp.modified))
            writer.int(Int(entry.stamp.changed))
            writer.unsigned(entry.key)
        }
        CacheFiles.write(Data(writer.bytes), to: url)
    }
}
