/// The three kinds of terms an article can carry, each with listing pages.
public enum TaxonomyKind: String, Sendable, CaseIterable {
    case bloc
    case units
    case tags
    /// "Dòng sự kiện": articles that follow one event (a campaign, a conference series).
    case topic

    /// The terms an article has of this kind.
    func names(_ article: Article) -> [String] {
        switch self {
        case .bloc: article.bloc.map { [$0] } ?? []
        case .units: article.units
        case .tags: article.tags
        case .topic: article.topic.map { [$0] } ?? []
        }
    }

    /// Heading of the index page.
    public var title: String {
        switch self {
        case .bloc: return "Khối, cụm thi đua"
        case .units: return "Đơn vị"
        case .tags: return "Từ khóa"
        case .topic: return "Dòng sự kiện"
        }
    }

    /// Label in front of one term ("Khối thi đua: …").
    public var singularTitle: String {
        switch self {
        case .bloc: return "Khối, cụm thi đua"
        case .units: return "Đơn vị"
        case .tags: return "Từ khóa"
        case .topic: return "Dòng sự kiện"
        }
    }
}

/// One bloc, unit or tag, with its articles.
public struct Term: Sendable {
    /// As first written in the newest article that uses it.
    public var name: String
    public var slug: String
    public var url: String
    /// Indices into `SiteModel.articles`, newest first.
    public var articles: [Int]
}

/// All terms of one kind, in Vietnamese alphabetical order, and which terms each article has.
public struct Taxonomy: Sendable {
    public var kind: TaxonomyKind
    public var url: String
    public var terms: [Term]
    /// Per article (same order as `SiteModel.articles`): indices into `terms`.
    public var termsOfArticle: [[Int]]

    /// Case and Unicode normalisation do not make two terms: "Hạ Lang", "hạ lang", NFD "Hạ Lang" are one.
    public static func mergeKey(_ name: String) -> String {
        SourceText.normalizedNFC(name).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A taxonomy made before (`RelatedNewsStore`).
    init(kind: TaxonomyKind, url: String, terms: [Term], termsOfArticle: [[Int]]) {
        (self.kind, self.url, self.terms, self.termsOfArticle) = (kind, url, terms, termsOfArticle)
    }

    /// `names(article)` gives the article's raw term names; `articles` is newest first.
    public init(kind: TaxonomyKind, articles: [Article], urls: SiteURLs, names: (Article) -> [String]) {
        self.kind = kind
        url = urls.taxonomy(kind)
        var byKey: [String: (name: String, articles: [Int])] = [:]
        var keysOfArticle: [[String]] = []
        keysOfArticle.reserveCapacity(articles.count)
        // A site has a few hundred distinct names written tens of thousands of times: each
        // spelling is normalised once.
        var keyOfName: [String: String] = [:]
        for (i, article) in articles.enumerated() {
            var keys: [String] = []
            for raw in names(article) {
                let key: String
                if let known = keyOfName[raw] {
                    key = known
                } else {
                    key = Self.mergeKey(raw)
                    keyOfName[raw] = key
                }
                guard !key.isEmpty, !keys.contains(key) else { continue }
                keys.append(key)
                byKey[key, default: (raw, [])].articles.append(i)
            }
            keysOfArticle.append(keys)
        }
        let ordered = byKey.map { (key: $0.key, name: $0.value.name, articles: $0.value.articles) }
            .map { (VietnameseCollation.key($0.name), $0) }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
        var usedSlugs: Set<String> = []
        var indexOfKey: [String: Int] = [:]
        var terms: [Term] = []
        for (i, entry) in ordered.enumerated() {
            // Names that fold alike ("Hà Giang", "Hạ Giang") or fold to nothing still get distinct URLs.
            let base = Slug.make(from: entry.name).isEmpty ? "t" : Slug.make(from: entry.name)
            var slug = base
            var n = 2
            while usedSlugs.contains(slug) {
                slug = "\(base)-\(n)"
                n += 1
            }
            usedSlugs.insert(slug)
            indexOfKey[entry.key] = i
            terms.append(Term(name: entry.name, slug: slug, url: urls.term(kind, slug: slug), articles: entry.articles))
        }
        self.terms = terms
        termsOfArticle = keysOfArticle.map { $0.compactMap { indexOfKey[$0] } }
    }
}
