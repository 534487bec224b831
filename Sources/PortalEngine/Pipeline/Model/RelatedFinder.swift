/// Finds one article's "tin liên quan" at a time, by the definition of `RelatedNews.related`.
///
/// An article sharing four or more terms with it is in the list of one of its quadruples of
/// terms: those few are scored exactly. One sharing exactly three terms scores that triple's
/// weight, so of each triple only the nearest few in date can place: the triple's list is
/// walked outward from the article and stops there, and not at all when the list so far beats
/// that weight; then the same for pairs and single terms. Frequent terms are never scanned
/// whole. Where quadruples are not listed (`SharedTermIndex.quadruplesPerArticle`), the
/// triples' articles are all scored and the walks start at the pairs. When the level scored
/// whole is itself frequent (more entries than the article's terms' lists), every article of
/// its terms is scored instead; all give the same list.
struct RelatedFinder {
    /// Which way: the cheaper one per article, or always one of them (for the tests, which must
    /// see both give the definition's lists).
    enum Strategy: Sendable {
        case cheaper
        case levels
        case everyArticleOfItsTerms
    }

    let index: SharedTermIndex
    let dates: [Int64]
    let count: Int
    let strategy: Strategy
    /// Per term: its weight while it is a term of the current article, else 0.
    private var mark: [Int32]
    /// Per article: the current article's number + 1 once scored.
    private var seen: [Int32]
    private var best: [Candidate] = []
    /// The current article's pairs and triples, each as its weight, level and combination in one
    /// number: sorted as plain numbers, not tuples through a closure (a tenth of the finder).
    private var walks: [UInt64] = []

    struct Candidate {
        var index: Int
        var score: Int32
        var distance: Int64
    }

    init(index: SharedTermIndex, dates: [Int64], count: Int, strategy: Strategy = .cheaper) {
        self.index = index
        self.strategy = strategy
        self.dates = dates
        self.count = count
        mark = Array(repeating: 0, count: index.weights.count)
        seen = Array(repeating: 0, count: dates.count)
        best.reserveCapacity(count + 1)
    }

    mutating func related(to a: Int) -> [Int] {
        best.removeAll(keepingCapacity: true)
        let stamp = Int32(a + 1)
        seen[a] = stamp
        let terms = index.articleTerms.range(a).map { Int(index.articleTerms.items[$0]) }
        for term in terms { mark[term] = index.weights[term] }
        defer { for term in terms { mark[term] = 0 } }
        // The level whose articles are all scored: the quadruples, or the triples.
        let scored = index.levels[index.levels.count - 1]
        var useTerms = terms.count > SharedTermIndex.combinationLimit
        switch strategy {
        case .cheaper:
            let entries = scored.ofArticle.range(a).reduce(index.manyTerms.count) {
                $0 + scored.articles.range(Int(scored.ofArticle.items[$1])).count
            }
            useTerms = useTerms || entries > terms.reduce(0) { $0 + index.termArticles.range($1).count }
        case .levels: break
        case .everyArticleOfItsTerms: useTerms = true
        }
        if useTerms {
            scoreEvery(in: index.termArticles, lists: terms, a, stamp)
            return best.map(\.index)
        }

        for c in index.manyTerms { score(Int(c), a, stamp) }
        scoreEvery(
            in: scored.articles, lists: scored.ofArticle.range(a).lazy.map { Int(scored.ofArticle.items[$0]) }, a,
            stamp)
        // Heaviest first, so that the list is soon good enough to skip the lighter ones.
        walks.removeAll(keepingCapacity: true)
        for level in 0..<(index.levels.count - 1) {
            let lists = index.levels[level]
            for k in lists.ofArticle.range(a) {
                let combination = Int(lists.ofArticle.items[k])
                walks.append(UInt64(lists.weights[combination]) << 33 | UInt64(level) << 32 | UInt64(combination))
            }
        }
        walks.sort(by: >)
        let pairs = index.levels[0]
        let triples = index.levels[1]
        for walk in walks {
            let lists = walk >> 32 & 1 == 0 ? pairs.articles : triples.articles
            let combination = Int(walk & 0xFFFF_FFFF)
            nearest(in: lists.range(combination), of: lists.items, sharing: Int32(walk >> 33), a, stamp)
        }
        for term in terms {
            nearest(
                in: index.termArticles.range(term), of: index.termArticles.items, sharing: index.weights[term], a, stamp
            )
        }
        return best.map(\.index)
    }

    /// Scores, once each, every article of the given lists.
    private mutating func scoreEvery(
        in lists: FlatLists, lists numbers: some Sequence<Int>, _ a: Int, _ stamp: Int32
    ) {
        for list in numbers {
            for m in lists.range(list) { score(Int(lists.items[m]), a, stamp) }
        }
    }

    private mutating func score(_ c: Int, _ a: Int, _ stamp: Int32) {
        if seen[c] == stamp { return }
        seen[c] = stamp
        let points = points(c)
        guard points > 0 else { return }  // an article with many terms, none of them shared
        offer(Candidate(index: c, score: points, distance: abs(dates[c] - dates[a])))
    }

    /// What `c` scores with the current article.
    private func points(_ c: Int) -> Int32 {
        var score: Int32 = 0
        for q in index.articleTerms.range(c) { score += mark[Int(index.articleTerms.items[q])] }
        return score
    }

    /// The articles of one list (a term's or a combination's, which hold the current article)
    /// that share exactly that with it all score `weight`: the nearest `count` of them, and any
    /// as near as the last of those, are all that can place. Those sharing more were scored at
    /// a level above.
    private mutating func nearest(
        in range: Range<Int>, of items: [Int32], sharing weight: Int32, _ a: Int, _ stamp: Int32
    ) {
        if best.count == count, let last = best.last, last.score > weight { return }
        let position = items.lowerBound(of: Int32(a), in: range)  // the list is in index order
        var left = position - 1
        var right = position + 1
        var taken = 0
        var lastDistance: Int64 = 0
        while true {
            let leftDistance = left >= range.lowerBound ? abs(dates[Int(items[left])] - dates[a]) : Int64.max
            let rightDistance = right < range.upperBound ? abs(dates[Int(items[right])] - dates[a]) : Int64.max
            if leftDistance == Int64.max && rightDistance == Int64.max { return }
            let c: Int
            let distance: Int64
            if leftDistance <= rightDistance {
                (c, distance) = (Int(items[left]), leftDistance)
                left -= 1
            } else {
                (c, distance) = (Int(items[right]), rightDistance)
                right += 1
            }
            if seen[c] == stamp || points(c) != weight { continue }
            if taken >= count && distance > lastDistance { return }
            offer(Candidate(index: c, score: weight, distance: distance))
            taken += 1
            lastDistance = distance
        }
    }

    private mutating func offer(_ candidate: Candidate) {
        if best.count == count, let last = best.last, !better(candidate, than: last) { return }
        var at = best.count
        while at > 0, better(candidate, than: best[at - 1]) { at -= 1 }
        best.insert(candidate, at: at)
        if best.count > count { best.removeLast() }
    }

    /// Higher score, then nearer in date, then newer, then first in the list.
    private func better(_ x: Candidate, than y: Candidate) -> Bool {
        if x.score != y.score { return x.score > y.score }
        if x.distance != y.distance { return x.distance < y.distance }
        if dates[x.index] != dates[y.index] { return dates[x.index] > dates[y.index] }
        return x.index < y.index
    }
}
