/// The three lists under an article: newer and older in its category, and related by shared terms.
public struct RelatedNews: Sendable {
    /// Per article, indices into `SiteModel.articles`, nearest first.
    public var newer: [[Int]]
    public var older: [[Int]]
    /// Per article, best match first.
    public var related: [[Int]]

    /// Points per shared term, as Hugo's related indices weigh bloc over units over tags.
    public struct Weights: Sendable {
        public var bloc: Int32 = 60
        public var unit: Int32 = 30
        public var tag: Int32 = 20

        public init() {}
    }

    public init(
        articles: [Article], bloc: Taxonomy, units: Taxonomy, tags: Taxonomy, count: Int, weights: Weights = Weights()
    ) {
        (newer, older) = Self.sameCategory(articles, count: count)
        related = Self.related(
            articles, bloc: bloc, units: units, tags: tags, count: count, weights: weights)
    }

    /// Lists made before (`RelatedNewsStore`).
    init(newer: [[Int]], older: [[Int]], related: [[Int]]) {
        (self.newer, self.older, self.related) = (newer, older, related)
    }

    /// Neighbours by date among articles with the same category key (not the parent's).
    static func sameCategory(_ articles: [Article], count: Int) -> ([[Int]], [[Int]]) {
        var byCategory: [String: [Int]] = [:]
        for i in articles.indices {  // by index: no copy of each article
            byCategory[articles[i].categoryKey ?? "", default: []].append(i)  // newest first, as `articles` is
        }
        var newer = Array(repeating: [Int](), count: articles.count)
        var older = Array(repeating: [Int](), count: articles.count)
        for list in byCategory.values {
            for (p, i) in list.enumerated() {
                newer[i] = (max(0, p - count)..<p).reversed().map { list[$0] }
                older[i] = Array(list[(p + 1)..<min(list.count, p + 1 + count)])
            }
        }
        return (newer, older)
    }

    /// Best match first: the most points for shared terms; ties go to the article nearest in
    /// date, then the newer one. `RelatedFinder` gets there without scoring every article that
    /// shares a frequent term.
    static func related(
        _ articles: [Article], bloc: Taxonomy, units: Taxonomy, tags: Taxonomy, count: Int, weights: Weights,
        strategy: RelatedFinder.Strategy = .cheaper, listsQuadruples: Bool? = nil
    ) -> [[Int]] {
        guard count > 0 else { return Array(repeating: [], count: articles.count) }
        let dates = articles.map { $0.date?.secondsSince1970 ?? 0 }
        let index = SharedTermIndex(
            [(bloc, weights.bloc), (units, weights.unit), (tags, weights.tag)], articleCount: articles.count,
            listsQuadruples: listsQuadruples)
        let chunk = 1024
        let ranges = stride(from: 0, to: articles.count, by: chunk).map { $0..<min(articles.count, $0 + chunk) }
        return parallelMap(ranges) { range in
            var finder = RelatedFinder(index: index, dates: dates, count: count, strategy: strategy)
            return range.map { finder.related(to: $0) }
        }.flatMap { $0 }
    }
}
