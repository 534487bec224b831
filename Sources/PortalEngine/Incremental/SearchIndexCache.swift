import Foundation

/// What the previous build's search index was made from: its term shard count, one stamp per
/// article (`SearchIndexBuilder.documentStamps`), and what each article's terms came from. Kept
/// per output folder in `.build-site-cache/`, so an edit of a few articles patches the index
/// instead of rebuilding it.
public struct SearchIndexCache: Sendable, Equatable {
    public var shardCount: Int
    public var stamps: [UInt64]
    /// One per article, or none (a build without a `DocumentMemory` keeps no body to go back to).
    var sources: [TermSource]

    public init(shardCount: Int, stamps: [UInt64]) {
        self.init(shardCount: shardCount, stamps: stamps, sources: [])
    }

    init(shardCount: Int, stamps: [UInt64], sources: [TermSource]) {
        (self.shardCount, self.stamps) = (shardCount, stamps)
        self.sources = sources.count == stamps.count ? sources : []
    }

    /// What one article's terms were made from: an edited article's previous terms are made
    /// again from it, so that a patch reads only the shards of the terms the edit changed.
    struct TermSource: Sendable, Equatable {
        /// The `DocumentMemory` key of its body, and a hash of the body's plain text: a body
        /// kept under the key is the one the terms came from only if its text hashes alike.
        var bodyKey: UInt64
        var textHash: UInt64
        var title: String
        var summary: String
    }

    static func url(sourceRoot: URL, output: URL) -> URL {
        CacheFiles.url(sourceRoot: sourceRoot, output: output.path, prefix: "search-v2", ext: "txt")
    }

    /// Nil when missing, unreadable, for another output folder or another engine binary.
    public static func load(sourceRoot: URL, output: URL) -> SearchIndexCache? {
        guard let data = FileManager.default.contents(atPath: url(sourceRoot: sourceRoot, output: output).path) else {
            return nil
        }
        // Split as bytes: a title starting with a combining mark would join the tab before it
        // into one Character.
        var lines = CacheTextLines([UInt8](data))
        guard lines.field("output").map(CacheTextLines.text) == output.path,
            lines.field("engine").flatMap(CacheTextLines.hex) == EngineIdentity.value,
            let shards = lines.field("shards").flatMap(CacheTextLines.int)
        else { return nil }
        var stamps: [UInt64] = []
        var sources: [TermSource] = []
        stamps.reserveCapacity(lines.count)
        while let line = lines.next() {
            let fields = CacheTextLines.fields(line, maxSplits: 4)
            guard let stamp = CacheTextLines.hex(fields[0]) else { return nil }
            stamps.append(stamp)
            guard fields.count == 5, let bodyKey = CacheTextLines.hex(fields[1]),
                let textHash = CacheTextLines.hex(fields[2])
            else { continue }
            let (title, summary) = (CacheTextLines.text(fields[3]), CacheTextLines.text(fields[4]))
            sources.append(
                TermSource(bodyKey: bodyKey, textHash: textHash, title: unescaped(title), summary: unescaped(summary)))
        }
        return SearchIndexCache(shardCount: shards, stamps: stamps, sources: sources)
    }

    /// Deleted before the output is swapped, like the page cache: a build killed between the
    /// swap and `save` leaves no cache describing a site that is gone.
    public static func remove(sourceRoot: URL, output: URL) {
        CacheFiles.remove(url(sourceRoot: sourceRoot, output: output))
    }

    /// Written after a successful build only, through a temporary file and a rename.
    public func save(sourceRoot: URL, output: URL) {
        var text = "output\t\(output.path)\nengine\t\(String(EngineIdentity.value, radix: 16))\nshards\t\(shardCount)\n"
        text.reserveCapacity(text.utf8.count + stamps.count * (sources.isEmpty ? 17 : 160))
        for (i, stamp) in stamps.enumerated() {
            text += String(stamp, radix: 16)
            if i < sources.count {
                let source = sources[i]
                text += "\t" + String(source.bodyKey, radix: 16) + "\t" + String(source.textHash, radix: 16)
                text += "\t" + Self.escaped(source.title) + "\t" + Self.escaped(source.summary)
            }
            text += "\n"
        }
        CacheFiles.write(Data(text.utf8), to: Self.url(sourceRoot: sourceRoot, output: output))
    }

    /// One line per article: tabs, line breaks and backslashes are written as escapes.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }
        var out = ""
        var escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                switch scalar {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
