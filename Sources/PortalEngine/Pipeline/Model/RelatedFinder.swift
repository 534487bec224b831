/// Finds one article's "tin liên quan" at a time, by the definition of `RelatedNews.related`.
///
/// Level by level: an article sharing three or more terms with it is in the list of one of its
/// triples of terms, and those few are scored exactly. One sharing exactly two terms scores
/// that pair's weight, so of each pair only the nearest few in date can place: the pair's list
/// is walked outward from the article and stops there; then the same for one shared term.
/// Frequent terms are never scanned whole. When an article's triples are themselves frequent
/// (more entries than its terms' lists), every article of its terms is scored instead; both
/// give the same list.
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
        let triples =
            index.listsCombinations ? index.articleTriples.range(a).map { Int(index.articleTriples.items[$0]) } : []
        var useTerms = terms.count > SharedTermIndex.tripleLimit || !index.listsCombinations
        switch strategy {
        case .cheaper:
            let tripleEntries = triples.reduce(index.manyTerms.count) { $0 + index.tripleArticles.range($1).count }
            useTerms = useTerms || tripleEntries > terms.reduce(0) { $0 + index.termArticles.range($1).count }
        case .levels: break  // (unless the index lists no combinations)
        case .everyArticleOfItsTerms: useTerms = true
        }
        if useTerms {
            scoreEvery(in: index.termArticles, lists: terms, a, stamp)
            return best.map(\.index)
        }

        scoreEvery(in: index.tripleArticles, lists: triples, a, stamp)
        for c in index.manyTerms { score(Int(c), a, stamp) }
        for k in index.articlePairs.range(a) {
            let pair = Int(index.articlePairs.items[k])
            nearest(
                in: index.pairArticles.range(pair), of: index.pairArticles.items, sharing: index.pairWeights[pair], a,
                stamp)
        }
        for term in terms {
            nearest(
                in: index.termArticles.range(term), of: index.termArticles.items, sharing: index.weights[term], a, stamp
            )
        }
        return best.map(\.index)
    }

    /// Scores, once each, every article of the given lists.
    private mutating func scoreEvery(in lists: FlatLists, lists numbers: [Int], _ a: Int, _ stamp: Int32) {
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

    /// The articles of one list (a term's or a pair's, which hold the current article) that
    /// share exactly that with it all score `weight`: the nearest `count` of them, and any as
    /// near as the last of those, are all that can place. Those sharing more were scored at
    /// their own level.
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
