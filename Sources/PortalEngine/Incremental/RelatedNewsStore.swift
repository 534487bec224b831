import Foundation

/// The last build's blocs, units, tags and topics with their articles, and its "tin liên
/// quan" and newer/older lists, in `.build-site-cache/`, by what they are made of: the engine,
/// site.yaml, the site's base path, and the listed articles in their order with each one's
/// category, date, bloc, units, tags and topic. A build where none of these changed (an edited
/// body, an edited title) takes them instead of making them again: 0.12 s of an edit at
/// 10,000 articles, 1.3 s at 100,000 (the lists of articles sharing four terms grow with the
/// site).
public struct RelatedNewsStore: Sendable {
    let url: URL
    /// `SiteConfig.textStamp` of this build: term URLs take their segments from site.yaml.
    let settings: UInt64

    init(sourceRoot: URL, settings: UInt64) {
        url = CacheFiles.url(sourceRoot: sourceRoot, name: "related-v2.bin")
        self.settings = settings
    }

    /// Whether lists are kept at all: without, a build need not know its key before making them.
    var holdsLists: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// What the lists and terms of these articles, in this order, are made of: everything of an
    /// article that `Taxonomy` and `RelatedNews` read. A title is not: it orders articles only
    /// among those of the same date, and the order is in the key.
    func key(_ articles: [Article], urls: SiteURLs, count: Int) -> UInt64 {
        var hasher = StableHasher()
        hasher.add("related-v3")
        hasher.add(EngineIdentity.value)
        hasher.add(settings)
        hasher.add(urls.basePath)
        hasher.add(UInt64(count))
        hasher.add(UInt64(articles.count))
        // By index, the fields alone: iterating the articles copied each one whole.
        for i in articles.indices {
            hasher.add(articles[i].file.sourcePath)
            hasher.add(articles[i].categoryKey ?? "\u{0}")
            hasher.add(UInt64(bitPattern: articles[i].date?.secondsSince1970 ?? Int64.min))
            for kind in TaxonomyKind.allCases {
                let names = kind.names(articles[i])
                hasher.add(UInt64(names.count))
                for name in names { hasher.add(name) }
            }
        }
        return hasher.value
    }

    /// The taxonomies and lists kept under `key`, for `articleCount` articles; nil when another
    /// key's are kept, or the file is damaged.
    func take(_ key: UInt64, articleCount: Int) -> ([Taxonomy], RelatedNews)? {
        guard let (_, taxonomies, related) = Self.read(url, onlyFor: key),
            Self.fits(taxonomies, related, articleCount: articleCount)
        else { return nil }
        return (taxonomies, related)
    }

    /// A damaged file must not name an article or a term that is not there.
    private static func fits(_ taxonomies: [Taxonomy], _ related: RelatedNews, articleCount: Int) -> Bool {
        let articles = 0..<articleCount
        for lists in [related.newer, related.older, related.related] {
            guard lists.count == articleCount, lists.allSatisfy({ $0.allSatisfy(articles.contains) }) else {
                return false
            }
        }
        guard taxonomies.map(\.kind) == TaxonomyKind.allCases else { return false }
        return taxonomies.allSatisfy { taxonomy in
            taxonomy.termsOfArticle.count == articleCount
                && taxonomy.termsOfArticle.allSatisfy { $0.allSatisfy(taxonomy.terms.indices.contains) }
                && taxonomy.terms.allSatisfy { $0.articles.allSatisfy(articles.contains) }
        }
    }

    /// Keeps these under `key`, in place of what was kept.
    func keep(_ taxonomies: [Taxonomy], _ related: RelatedNews, key: UInt64) {
        Self.write(taxonomies, related, key: key, to: url)
    }

    /// What is kept; with `wanted`, nil as soon as the key is another (the rest is tens of
    /// megabytes at 100,000 articles).
    static func read(_ url: URL, onlyFor wanted: UInt64? = nil) -> (
        key: UInt64, taxonomies: [Taxonomy], related: RelatedNews
    )? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return data.withUnsafeBytes { bytes in
            CacheBytesReader.whole(bytes) { reader -> (UInt64, [Taxonomy], RelatedNews)? in
                let key = reader.unsigned()
                if let wanted, key != wanted { return nil }
                let taxonomies = reader.array { reader -> Taxonomy? in
                    guard let kind = TaxonomyKind(rawValue: reader.string()) else {
                        reader.markDamaged()
                        return nil
                    }
                    let url = reader.string()
                    let terms = reader.array { reader in
                        Term(
                            name: reader.string(), slug: reader.string(), url: reader.string(),
                            articles: reader.array { $0.int() })
                    }
                    return Taxonomy(
                        kind: kind, url: url, terms: terms, termsOfArticle: reader.array { $0.array { $0.int() } })
                }
                let lists = (0..<3).map { _ in reader.array { $0.array { $0.int() } } }
                return (
                    key, taxonomies.compactMap { $0 }, RelatedNews(newer: lists[0], older: lists[1], related: lists[2])
                )
            }
        }
    }

    static func write(_ taxonomies: [Taxonomy], _ related: RelatedNews, key: UInt64, to url: URL) {
        var writer = CacheBytesWriter()
        writer.unsigned(key)
        writer.array(taxonomies) { writer, taxonomy in
            writer.string(taxonomy.kind.rawValue)
            writer.string(taxonomy.url)
            writer.array(taxonomy.terms) { writer, term in
                writer.string(term.name)
                writer.string(term.slug)
                writer.string(term.url)
                writer.array(term.articles) { $0.int($1) }
            }
            writer.array(taxonomy.termsOfArticle) { writer, list in writer.array(list) { $0.int($1) } }
        }
        for lists in [related.newer, related.older, related.related] {
            writer.array(lists) { writer, list in writer.array(list) { $0.int($1) } }
        }
        CacheFiles.write(Data(writer.bytes), to: url)
    }
}
