import Foundation

/// Fingerprints of the pages the previous build wrote, kept in `.build-site-cache/` of the site.
///
/// Valid only for the same output folder; a page is skipped only when its fingerprint matches
/// and the previous output still has the file with the recorded size. Each output folder has
/// its own file, so a preview server and `build-site` building the same site do not undo each
/// other's cache.
public struct PageCache: Sendable {

    public var output: String
    /// Output path → (fingerprint, size in bytes).
    public var entries: [String: (fingerprint: UInt64, size: Int)]

    public init(output: String, entries: [String: (fingerprint: UInt64, size: Int)] = [:]) {
        self.output = output
        self.entries = entries
    }

    static func url(sourceRoot: URL, output: String) -> URL {
        CacheFiles.url(sourceRoot: sourceRoot, output: output, prefix: "pages-v1", ext: "tsv")
    }

    /// The cache for `output`, or an empty one when missing, unreadable or for another folder.
    public static func load(sourceRoot: URL, output: URL) -> PageCache {
        let empty = PageCache(output: output.path)
        guard let data = FileManager.default.contents(atPath: url(sourceRoot: sourceRoot, output: output.path).path)
        else { return empty }
        var lines = CacheTextLines([UInt8](data))
        guard lines.field("output").map(CacheTextLines.text) == output.path else { return empty }
        var entries: [String: (UInt64, Int)] = [:]
        entries.reserveCapacity(lines.count)
        while let line = lines.next() {
            let fields = CacheTextLines.fields(line, maxSplits: 2)
            guard fields.count == 3, let fingerprint = CacheTextLines.hex(fields[0]),
                let size = CacheTextLines.int(fields[1])
            else { return empty }
            entries[CacheTextLines.text(fields[2])] = (fingerprint, size)
        }
        return PageCache(output: output.path, entries: entries)
    }

    /// Deleted before the output is swapped: a build killed between the swap and `save` then
    /// leaves no cache describing the site that was replaced, and the next build renders all.
    public static func remove(sourceRoot: URL, output: URL) {
        CacheFiles.remove(url(sourceRoot: sourceRoot, output: output.path))
    }

    /// Written after a successful build only, through a temporary file and a rename.
    public func save(sourceRoot: URL) {
        var text = "output\t\(output)\n"
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            text += String(entry.fingerprint, radix: 16) + "\t\(entry.size)\t\(path)\n"
        }
        CacheFiles.write(Data(text.utf8), to: Self.url(sourceRoot: sourceRoot, output: output))
    }
}
