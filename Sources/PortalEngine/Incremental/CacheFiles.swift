import Foundation

/// Where the build caches live (`.build-site-cache/` in the site folder) and how they are
/// written: whole, through a temporary file and a rename, so a reader never sees half a file.
enum CacheFiles {
    static let folder = ".build-site-cache"

    static func url(sourceRoot: URL, name: String) -> URL {
        sourceRoot.appendingPathComponent(folder).appendingPathComponent(name)
    }

    /// A cache that belongs to one output folder: `<prefix>-<hash of the output path>.<ext>`, so
    /// builds into different folders (the preview and `build-site`) keep separate caches.
    static func url(sourceRoot: URL, output: String, prefix: String, ext: String) -> URL {
        var hasher = StableHasher()
        hasher.add(output)
        return url(sourceRoot: sourceRoot, name: prefix + "-" + String(hasher.value, radix: 16) + "." + ext)
    }

    static func write(_ data: Data, to target: URL) {
        try? FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.appendingPathExtension("tmp-\(getpid())")
        if (try? data.write(to: temporary)) != nil {
            _ = rename(temporary.path, target.path)
        }
    }

    static func remove(_ target: URL) {
        _ = unlink(target.path)
    }
}
