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

    /// Neighbours by date among articles with the same category key (not the parent's).
    static func sameCategory(_ articles: [Article], count: Int) -> ([[Int]], [[Int]]) {
        var byCategory: [String: [Int]] = [:]
        for (i, a) in articles.enumerated() {
            byCategory[a.categoryKey ?? "", default: []].append(i)  // newest first, as `articles` is
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

    /// Scores come from the inverted indices (term → articles): only articles sharing a term are
    /// touched, never every pair. Ties go to the article nearest in date, then the newer one.
    static func related(
        _ articles: [Article], bloc: Taxonomy, units: Taxonomy, tags: Taxonomy, count: Int, weights: Weights
    ) -> [[Int]] {
        let dates = articles.map { $0.date?.secondsSince1970 ?? 0 }
        let postings: [(Taxonomy, Int32)] = [(bloc, weights.bloc), (units, weights.unit), (tags, weights.tag)]
        let total = articles.count
        let chunk = 256
        let ranges = stride(from: 0, to: total, by: chunk).map { $0..<min(total, $0 + chunk) }
        let perRange: [[[Int]]] = parallelMap(ranges) { range in
            // One dense score array per chunk of articles, cleared through the touched list.
            var scores = [Int32](repeating: 0, count: total)
            var touched: [Int32] = []
            var out: [[Int]] = []
            out.reserveCapacity(range.count)
            for a in range {
                touched.removeAll(keepingCapacity: true)
                for (taxonomy, weight) in postings {
                    for term in taxonomy.termsOfArticle[a] {
                        for other in taxonomy.terms[term].articles where other != a {
                            if scores[other] == 0 { touched.append(Int32(other)) }
                            scores[other] += weight
                        }
                    }
                }
                var best: [(index: Int, score: Int32, distance: Int64)] = []
                best.reserveCapacity(count + 1)
                for t in touched {
                    let c = Int(t)
                    let candidate = (index: c, score: scores[c], distance: abs(dates[c] - dates[a]))
                    scores[c] = 0
                    if best.count == count, let last = best.last, !Self.better(candidate, than: last, dates: dates) {
                        continue
                    }
                    var at = best.count
                    while at > 0, Self.better(candidate, than: best[at - 1], dates: dates) { at -= 1 }
                    best.insert(candidate, at: at)
                    if best.count > count { best.removeLast() }
                }
                out.append(best.map(\.index))
            }
            return out
        }
        return perRange.flatMap { $0 }
    }

    private static func better(
        _ a: (index: Int, score: Int32, distance: Int64), than b: (index: Int, score: Int32, distance: Int64),
        dates: [Int64]
    ) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.distance != b.distance { return a.distance < b.distance }
        if dates[a.index] != dates[b.index] { return dates[a.index] > dates[b.index] }
        return a.index < b.index
    }
}
