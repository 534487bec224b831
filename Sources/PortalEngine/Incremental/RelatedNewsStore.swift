import Foundation

/// The last build's "tin liên quan" and newer/older lists, in `.build-site-cache/`, by what
/// they are made of: the engine, site.yaml and every file's front matter
/// (`PageInputs.sources`), and the listed articles in their order. A build whose articles and
/// terms did not change (an edited body) takes them instead of finding them again: 0.08 s of
/// an edit at 10,000 articles, 2.2 s at 100,000, where the lists of articles sharing three
/// terms grow with the site.
public struct RelatedNewsStore: Sendable {
    let url: URL
    /// `PageInputs.sources` of this build.
    let sources: UInt64

    init(sourceRoot: URL, sources: UInt64) {
        url = CacheFiles.url(sourceRoot: sourceRoot, name: "related-v1.bin")
        self.sources = sources
    }

    /// What the lists of these articles, in this order, are made of.
    func key(_ articles: [Article], count: Int) -> UInt64 {
        var hasher = StableHasher()
        hasher.add("related-v1")
        hasher.add(EngineIdentity.value)
        hasher.add(sources)
        hasher.add(UInt64(count))
        hasher.add(UInt64(articles.count))
        for article in articles { hasher.add(article.file.sourcePath) }
        return hasher.value
    }

    /// The lists kept under `key`, for `articleCount` articles; nil when another key's are kept.
    func take(_ key: UInt64, articleCount: Int) -> RelatedNews? {
        guard let (kept, related) = Self.read(url), kept == key else { return nil }
        // A damaged file must not name an article that is not there.
        for lists in [related.newer, related.older, related.related] {
            guard lists.count == articleCount, lists.allSatisfy({ $0.allSatisfy { (0..<articleCount).contains($0) } })
            else { return nil }
        }
        return related
    }

    /// Keeps `related` under `key`, in place of what was kept.
    func keep(_ related: RelatedNews, key: UInt64) { Self.write(related, key: key, to: url) }

    static func read(_ url: URL) -> (key: UInt64, related: RelatedNews)? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return data.withUnsafeBytes { bytes in
            CacheBytesReader.whole(bytes) { reader -> (UInt64, RelatedNews)? in
                let key = reader.unsigned()
                let lists = (0..<3).map { _ in reader.array { $0.array { $0.int() } } }
                return (key, RelatedNews(newer: lists[0], older: lists[1], related: lists[2]))
            }
        }
    }

    static func write(_ related: RelatedNews, key: UInt64, to url: URL) {
        var writer = CacheBytesWriter()
        writer.unsigned(key)
        for lists in [related.newer, related.older, related.related] {
            writer.array(lists) { writer, list in writer.array(list) { $0.int($1) } }
        }
        CacheFiles.write(Data(writer.bytes), to: url)
    }
}
