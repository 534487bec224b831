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
        // Terms numbered in order of first use (newest article first): its key and the name as
        // first written, and its articles.
        var firstUse: [(key: String, name: String)] = []
        var articlesOfTerm: [[Int]] = []
        var numberOfKey: [String: Int] = [:]
        // A site has a few hundred distinct names written tens of thousands of times: each
        // spelling is normalised once (nil: it merges to nothing).
        var numberOfSpelling: [ExactSpelling: Int?] = [:]
        var numbersOfArticle: [[Int]] = []
        numbersOfArticle.reserveCapacity(articles.count)
        for i in articles.indices {
            var numbers: [Int] = []
            for raw in names(articles[i]) {
                let number: Int?
                if let known = numberOfSpelling[ExactSpelling(raw)] {
                    number = known
                } else {
                    let key = Self.mergeKey(raw)
                    if key.isEmpty {
                        number = nil
                    } else if let known = numberOfKey[key] {
                        number = known
                    } else {
                        number = firstUse.count
                        numberOfKey[key] = firstUse.count
                        firstUse.append((key, raw))
                        articlesOfTerm.append([])
                    }
                    numberOfSpelling[ExactSpelling(raw)] = number
                }
                guard let number, !numbers.contains(number) else { continue }
                numbers.append(number)
                articlesOfTerm[number].append(i)
            }
            numbersOfArticle.append(numbers)
        }
        let collation = firstUse.map { VietnameseCollation.key($0.name) }
        let ordered = firstUse.indices.sorted { collation[$0] < collation[$1] }
        var place = Array(repeating: 0, count: firstUse.count)
        var usedSlugs: Set<String> = []
        var terms: [Term] = []
        for (i, number) in ordered.enumerated() {
            place[number] = i
            let name = firstUse[number].name
            // Names that fold alike ("Hà Giang", "Hạ Giang") or fold to nothing still get distinct URLs.
            let folded = Slug.make(from: name)
            let base = folded.isEmpty ? "t" : folded
            var slug = base
            var n = 2
            while usedSlugs.contains(slug) {
                slug = "\(base)-\(n)"
                n += 1
            }
            usedSlugs.insert(slug)
            terms.append(
                Term(name: name, slug: slug, url: urls.term(kind, slug: slug), articles: articlesOfTerm[number]))
        }
        self.terms = terms
        termsOfArticle = numbersOfArticle.map { $0.map { place[$0] } }
    }
}
