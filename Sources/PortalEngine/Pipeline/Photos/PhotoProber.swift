import CVipsShim
import Foundation

/// Reads the header of every raster image under content/ (size, orientation, format) and
/// hashes its bytes, on every core. A file whose size, times and inode are those the cache
/// remembers is neither read nor hashed again.
enum PhotoProber {
    static func catalogue(_ assets: [SourceFileRef], sourceRoot: URL, cache: PhotoCache?) -> PhotoCatalogue {
        let images = assets.filter { PhotoCatalogue.types.contains(PublishableFiles.fileType(of: $0.relativePath)) }
        guard !images.isEmpty else { return PhotoCatalogue() }
        let remembered = cache?.loadProbes() ?? [:]
        let probed = parallelMap(images) { file -> (String, PhotoProbe, PhotoCache.Stamp?, Bool) in
            let path = sourceRoot.appendingPathComponent(file.sourcePath).path
            let stamp = PhotoCache.Stamp(path: path)
            if let stamp, let known = remembered[file.relativePath], known.stamp == stamp {
                return (file.relativePath, .photo(known.photo), stamp, false)
            }
            return (file.relativePath, probe(path), stamp, true)
        }
        var catalogue = PhotoCatalogue()
        var memo: [String: PhotoCache.Probe] = [:]
        for (relativePath, probe, stamp, read) in probed {
            catalogue.photos[relativePath] = probe
            if read { catalogue.filesRead += 1 }
            if case .photo(let photo) = probe, let stamp { memo[relativePath] = .init(stamp: stamp, photo: photo) }
        }
        if memo != remembered { cache?.saveProbes(memo) }
        return catalogue
    }

    static func probe(_ path: String) -> PhotoProbe {
        do { try PhotoVariants.start() } catch { return .unreadable(error.reason) }
        var width: Int32 = 0
        var height: Int32 = 0
        var orientation: Int32 = 1
        var loader = [CChar](repeating: 0, count: 64)
        guard portal_vips_probe(path, &width, &height, &orientation, &loader, loader.count) == 0 else {
            return .unreadable(PhotoVariants.failure().reason)
        }
        let name = String(cString: loader)
        guard ["jpegload", "pngload", "gifload", "webpload"].contains(name) else {
            return .unreadable(name.isEmpty ? "unknown format" : name)
        }
        guard Int(width) * Int(height) <= PhotoCatalogue.maxPixels else {
            return .tooLarge(width: Int(width), height: Int(height))
        }
        guard let hash = contentHash(path) else { return .unreadable("cannot read the file") }
        return .photo(Photo(width: Int(width), height: Int(height), loader: name, contentHash: hash))
    }

    /// The file's bytes hashed in 1 MB reads.
    static func contentHash(_ path: String) -> UInt64? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hasher = StableHasher()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { return hasher.value }
            hasher.add(bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}
