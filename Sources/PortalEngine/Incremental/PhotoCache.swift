import Foundation

/// What the build remembers of photos, in `.build-site-cache/photos/`, shared by every output
/// folder (the variants depend only on the photo's bytes and the settings): each photo's probe
/// by its file's stamp, and one folder of made variants per photo and settings.
struct PhotoCache: Sendable {
    let folder: URL

    init(sourceRoot: URL) {
        folder = CacheFiles.url(sourceRoot: sourceRoot, name: "photos")
    }

    /// Size, modification and change times, inode: a file with the same stamp is taken as unchanged.
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var inode: UInt64

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            inode = UInt64(info.st_ino)
        }

        init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
            (self.size, self.modified, self.changed, self.inode) = (size, modified, changed, inode)
        }
    }

    /// A remembered probe.
    struct Probe: Equatable, Sendable {
        var stamp: Stamp
        var photo: Photo
    }

    private var probesFile: URL { folder.appendingPathComponent("probes-v1.tsv") }

    func loadProbes() -> [String: Probe] {
        guard let text = try? String(contentsOf: probesFile, encoding: .utf8) else { return [:] }
        var probes: [String: Probe] = [:]
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 9, let size = Int64(f[1]), let modified = Int64(f[2]), let changed = Int64(f[3]),
                let inode = UInt64(f[4]), let width = Int(f[5]), let height = Int(f[6]),
                let hash = UInt64(f[8], radix: 16)
            else { continue }
            probes[String(f[0])] = Probe(
                stamp: Stamp(size: size, modified: modified, changed: changed, inode: inode),
                photo: Photo(width: width, height: height, loader: String(f[7]), contentHash: hash))
        }
        return probes
    }

    func saveProbes(_ probes: [String: Probe]) {
        var text = ""
        for (path, p) in probes.sorted(by: { $0.key < $1.key }) where !path.contains("\t") && !path.contains("\n") {
            let s = p.stamp
            text += "\(path)\t\(s.size)\t\(s.modified)\t\(s.changed)\t\(s.inode)\t"
            text +=
                "\(p.photo.width)\t\(p.photo.height)\t\(p.photo.loader)\t\(String(p.photo.contentHash, radix: 16))\n"
        }
        CacheFiles.write(Data(text.utf8), to: probesFile)
    }

    /// The folder holding one photo's variants made with `settings`; it exists only whole.
    func variantFolder(_ photo: Photo, settings: PhotoSettings) -> URL {
        var hasher = StableHasher()
        hasher.add(settings.fingerprint)
        hasher.add(EngineIdentity.photoVariants)
        let name = String(photo.contentHash, radix: 16) + "-" + String(hasher.value, radix: 16)
        return folder.appendingPathComponent(name)
    }
}
