import Foundation

/// What the previous build's search index was made from: its term shard count and one stamp
/// per article (`SearchIndexBuilder.documentStamps`). Kept per output folder in
/// `.build-site-cache/`, so an edit of a few articles patches the index instead of rebuilding it.
public struct SearchIndexCache: Sendable, Equatable {
    public var shardCount: Int
    public var stamps: [UInt64]

    public init(shardCount: Int, stamps: [UInt64]) {
        self.shardCount = shardCount
        self.stamps = stamps
    }

    static func url(sourceRoot: URL, output: URL) -> URL {
        CacheFiles.url(sourceRoot: sourceRoot, output: output.path, prefix: "search-v1", ext: "txt")
    }

    /// Nil when missing, unreadable, for another output folder or another engine binary.
    public static func load(sourceRoot: URL, output: URL) -> SearchIndexCache? {
        guard let data = FileManager.default.contents(atPath: url(sourceRoot: sourceRoot, output: output).path) else {
            return nil
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.count >= 3, lines[0] == "output\t" + output.path,
            lines[1] == "engine\t" + String(EngineIdentity.value, radix: 16),
            lines[2].hasPrefix("shards\t"), let shards = Int(lines[2].dropFirst("shards\t".count))
        else { return nil }
        var stamps: [UInt64] = []
        stamps.reserveCapacity(lines.count - 3)
        for line in lines.dropFirst(3) {
            guard let stamp = UInt64(line, radix: 16) else { return nil }
            stamps.append(stamp)
        }
        return SearchIndexCache(shardCount: shards, stamps: stamps)
    }

    /// Deleted before the output is swapped, like the page cache: a build killed between the
    /// swap and `save` leaves no cache describing a site that is gone.
    public static func remove(sourceRoot: URL, output: URL) {
        CacheFiles.remove(url(sourceRoot: sourceRoot, output: output))
    }

    /// Written after a successful build only, through a temporary file and a rename.
    public func save(sourceRoot: URL, output: URL) {
        var text = "output\t\(output.path)\nengine\t\(String(EngineIdentity.value, radix: 16))\nshards\t\(shardCount)\n"
        text.reserveCapacity(text.utf8.count + stamps.count * 17)
        for stamp in stamps { text += String(stamp, radix: 16) + "\n" }
        CacheFiles.write(Data(text.utf8), to: Self.url(sourceRoot: sourceRoot, output: output))
    }
}
