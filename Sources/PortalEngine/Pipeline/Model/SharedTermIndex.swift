/// The bloc, unit and tag lists of every article as one set of numbered terms, with the
/// articles of each term, and of each pair, triple and quadruple of terms that two or more
/// articles have together (flat arrays): what "tin liên quan" needs to find an article's best
/// matches without scoring every article that shares a frequent term.
struct SharedTermIndex: Sendable {
    /// Per term: its weight, and its articles by index (newest first, as `articles` is).
    let weights: [Int32]
    let termArticles: FlatLists
    /// Per article: its terms, in order.
    let articleTerms: FlatLists
    /// Combinations of 2, 3 and, when listed, 4 terms (`levels[0]` holds the pairs).
    let levels: [CombinationLevel]
    /// Articles with so many terms that their combinations are not listed: always scored.
    let manyTerms: [Int32]

    /// Above this many terms an article's combinations (n⁴/24 quadruples) are not listed.
    static let combinationLimit = 24
    /// Quadruples are listed only while there are at most this many per article on average
    /// (84 at 100,000 articles of the benchmark's corpus). Where articles carry many terms each
    /// (4,845 quadruples for 20 terms) they would take gigabytes; without them every article
    /// of an article's triples is scored instead: slower, the same lists.
    static let quadruplesPerArticle = 200

    var listsQuadruples: Bool { levels.count == 3 }

    /// `listsQuadruples` nil: as `quadruplesPerArticle` allows (the tests ask for either).
    init(_ taxonomies: [(Taxonomy, Int32)], articleCount: Int, listsQuadruples: Bool? = nil) {
        var weights: [Int32] = []
        var termLists: [[Int32]] = []
        var termsOf = Array(repeating: [Int32](), count: articleCount)
        for (taxonomy, weight) in taxonomies {
            let offset = Int32(weights.count)
            for term in taxonomy.terms {
                weights.append(weight)
                termLists.append(term.articles.map { Int32($0) })
            }
            for a in 0..<articleCount {
                termsOf[a] += taxonomy.termsOfArticle[a].map { offset + Int32($0) }
            }
        }
        for a in 0..<articleCount { termsOf[a].sort() }
        self.weights = weights
        termArticles = FlatLists(termLists)
        articleTerms = FlatLists(termsOf)
        manyTerms = (0..<articleCount).filter { termsOf[$0].count > Self.combinationLimit }.map { Int32($0) }
        let quadruples = termsOf.reduce(0) { total, terms in
            let n = terms.count
            return n > Self.combinationLimit ? total : total + n * (n - 1) * (n - 2) * (n - 3) / 24
        }
        let withQuadruples = listsQuadruples ?? (quadruples <= Self.quadruplesPerArticle * max(1, articleCount))
        var levels: [CombinationLevel] = []
        var parent = CombinationLevel.Parent(
            weights: weights, lastTerms: weights.indices.map { Int32($0) }, articles: termArticles)
        for _ in 2...(withQuadruples ? 4 : 3) {
            let level = CombinationLevel(
                extending: parent, articleTerms: articleTerms, termWeights: weights, articleCount: articleCount)
            levels.append(level)
            parent = level.asParent
        }
        self.levels = levels
    }
}

/// The combinations of one size that at least two articles have, with their articles, and
/// each article's combinations.
struct CombinationLevel: Sendable {
    /// Per combination: the sum of its terms' weights.
    let weights: [Int32]
    /// Per combination: its articles, in index order.
    let articles: FlatLists
    /// Per article: its combinations.
    let ofArticle: FlatLists
    /// Per combination: its highest term, which the next size's combinations extend.
    let lastTerms: [Int32]

    /// What the next size is made from: combinations of one term fewer.
    struct Parent {
        let weights: [Int32]
        let lastTerms: [Int32]
        let articles: FlatLists
    }

    var asParent: Parent { Parent(weights: weights, lastTerms: lastTerms, articles: articles) }

    /// Each combination of the parent's size, extended by each higher term its articles have:
    /// the articles of the parent that have that term. A combination one article has is left out
    /// (no other article shares it). Articles with more than `combinationLimit` terms are left out.
    init(extending parent: Parent, articleTerms: FlatLists, termWeights: [Int32], articleCount: Int) {
        let chunk = 256
        let ranges = stride(from: 0, to: parent.weights.count, by: chunk).map {
            $0..<min(parent.weights.count, $0 + chunk)
        }
        let parts = parallelMap(ranges) { range in
            var grouper = Grouper(termCount: termWeights.count)
            var part = Part()
            let (lastTerms, members, starts) = (parent.lastTerms, parent.articles.items, parent.articles.starts)
            let (termStarts, terms) = (articleTerms.starts, articleTerms.items)
            for p in range {
                let last = lastTerms[p]
                for k in starts[p]..<starts[p + 1] {
                    let c = members[k]
                    let own = termStarts[Int(c)]..<termStarts[Int(c) + 1]
                    if own.count > SharedTermIndex.combinationLimit { continue }
                    // The few terms above `last`, from the end (an article has about eight).
                    var q = own.upperBound - 1
                    while q >= own.lowerBound, terms[q] > last {
                        grouper.add(c, to: terms[q])
                        q -= 1
                    }
                }
                grouper.emit { term, members in
                    part.weights.append(parent.weights[p] + termWeights[Int(term)])
                    part.lastTerms.append(term)
                    part.items += members
                    part.ends.append(part.items.count)
                }
            }
            return part
        }
        var weights: [Int32] = []
        var lastTerms: [Int32] = []
        var starts = [0]
        var items: [Int32] = []
        items.reserveCapacity(parts.reduce(0) { $0 + $1.items.count })
        for part in parts {
            weights += part.weights
            lastTerms += part.lastTerms
            let base = items.count
            starts += part.ends.map { base + $0 }
            items += part.items
        }
        self.weights = weights
        self.lastTerms = lastTerms
        articles = FlatLists(starts: starts, items: items)
        ofArticle = articles.inverted(count: articleCount)
    }

    private struct Part: Sendable {
        var weights: [Int32] = []
        var lastTerms: [Int32] = []
        var items: [Int32] = []
        var ends: [Int] = []
    }

    /// Articles put in one bucket per term, then handed out term by term in order.
    private struct Grouper {
        var buckets: [[Int32]]
        var touched: [Int32] = []

        init(termCount: Int) { buckets = Array(repeating: [], count: termCount) }

        mutating func add(_ article: Int32, to term: Int32) {
            if buckets[Int(term)].isEmpty { touched.append(term) }
            buckets[Int(term)].append(article)
        }

        mutating func emit(_ body: (Int32, [Int32]) -> Void) {
            touched.sort()
            for term in touched {
                if buckets[Int(term)].count > 1 { body(term, buckets[Int(term)]) }
                buckets[Int(term)].removeAll(keepingCapacity: true)
            }
            touched.removeAll(keepingCapacity: true)
        }
    }
}

/// Lists of numbers one after another in one array: no allocation per list, and neighbours
/// in memory.
struct FlatLists: Sendable {
    let starts: [Int]
    let items: [Int32]

    init(starts: [Int], items: [Int32]) {
        self.starts = starts
        self.items = items
    }

    init(_ lists: [[Int32]]) {
        var starts = [0]
        starts.reserveCapacity(lists.count + 1)
        var items: [Int32] = []
        items.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists {
            items += list
            starts.append(items.count)
        }
        self.starts = starts
        self.items = items
    }

    var count: Int { starts.count - 1 }

    func range(_ list: Int) -> Range<Int> { starts[list]..<starts[list + 1] }

    /// For each number below `count`, the lists it is in, in order.
    ///
    /// A counting sort in parts, each part a run of lists on its own core: a part's numbers go
    /// after those of the parts before it, so each number's lists stay in order. On one core
    /// the three levels' inversions were a tenth of the related-news index at 100,000 articles.
    func inverted(count: Int) -> FlatLists {
        let partCount = max(1, min(ProcessInfoCores.count * 2, self.count / 4096))
        let size = max(1, (self.count + partCount - 1) / partCount)
        let lists = stride(from: 0, to: self.count, by: size).map { $0..<Swift.min(self.count, $0 + size) }
        // How many of each number each part holds.
        let counts = parallelMap(lists) { part in
            var counted = [Int32](repeating: 0, count: count)
            for k in starts[part.lowerBound]..<starts[part.upperBound] { counted[Int(items[k])] += 1 }
            return counted
        }
        var firsts = [Int](repeating: 0, count: count + 1)
        for counted in counts {
            for number in 0..<count { firsts[number + 1] += Int(counted[number]) }
        }
        for number in 0..<count { firsts[number + 1] += firsts[number] }
        let inverseStarts = firsts
        var inverse = [Int32](repeating: 0, count: items.count)
        inverse.withUnsafeMutableBufferPointer { inverse in
            let target = InverseTarget(items: inverse)
            parallelForEach(count: lists.count) { p in
                // Where this part's lists go for each number: after the parts before it.
                var cursor = Array(inverseStarts.dropLast())
                for q in 0..<p {
                    for number in 0..<count { cursor[number] += Int(counts[q][number]) }
                }
                for list in lists[p] {
                    for k in range(list) {
                        let number = Int(items[k])
                        target.items[cursor[number]] = Int32(list)
                        cursor[number] += 1
                    }
                }
            }
        }
        return FlatLists(starts: inverseStarts, items: inverse)
    }
}

/// Where the parts of `FlatLists.inverted` write: each to its own places.
private struct InverseTarget: @unchecked Sendable {
    let items: UnsafeMutableBufferPointer<Int32>
}
