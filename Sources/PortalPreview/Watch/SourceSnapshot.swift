import Foundation

/// The size, modification time and inode of every file under the watched folders; two
/// snapshots differ when a file was edited, added, renamed or deleted.
///
/// Polling, not inotify: it sees editors that save by renaming a new file over the old one,
/// works the same on every file system, and costs a few milliseconds for thousands of files.
public struct SourceSnapshot: Sendable, Equatable {
    struct Stamp: Sendable, Equatable {
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
        var inode: UInt64
    }

    var files: [String: Stamp] = [:]

    public var count: Int { files.count }

    /// Walks `folders` (absolute paths), skipping hidden names and editor backups (`name~`);
    /// symbolic links are stamped by their target and folders behind them are not entered.
    public static func take(of folders: [String]) -> SourceSnapshot {
        var snapshot = SourceSnapshot()
        var stack = folders
        while let folder = stack.popLast() {
            guard let dir = opendir(folder) else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                var kind = info.st_mode & S_IFMT
                if kind == S_IFLNK {
                    guard stat(path, &info) == 0 else { continue }
                    kind = info.st_mode & S_IFMT
                    if kind == S_IFDIR { continue }
                } else if kind == S_IFDIR {
                    stack.append(path)
                    continue
                }
                snapshot.files[path] = Stamp(
                    size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec),
                    modifiedNanoseconds: Int64(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino))
            }
        }
        return snapshot
    }

    /// The paths added, removed or changed between `self` and `newer`, sorted.
    public func changes(to newer: SourceSnapshot) -> [String] {
        var changed: [String] = []
        for (path, stamp) in newer.files where files[path] != stamp { changed.append(path) }
        for path in files.keys where newer.files[path] == nil { changed.append(path) }
        return changed.sorted()
    }
}
