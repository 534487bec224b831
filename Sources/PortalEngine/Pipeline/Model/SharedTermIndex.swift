/// The bloc, unit and tag lists of every article as one set of numbered terms, with the
/// articles of each term, of each pair and of each triple of terms found together (flat
/// arrays): what "tin liên quan" needs to find an article's best matches without scoring every
/// article that shares a frequent term.
struct SharedTermIndex: Sendable {
    /// Per term: its weight, and its articles by index (newest first, as `articles` is).
    let weights: [Int32]
    let termArticles: FlatLists
    /// Per article: its terms.
    let articleTerms: FlatLists
    /// Per pair of terms found together: its weight and the articles that have both.
    let pairWeights: [Int32]
    let pairArticles: FlatLists
    /// Per article: the pairs of its own terms.
    let articlePairs: FlatLists
    /// Per triple of terms found together: the articles that have all three.
    let tripleArticles: FlatLists
    /// Per article: the triples of its own terms.
    let articleTriples: FlatLists
    /// Articles with so many terms that their triples are not listed: always scored.
    let manyTerms: [Int32]

    /// Above this many terms an article's triples (n³/6 of them) are not listed.
    static let tripleLimit = 40
    /// Term numbers are packed 21 bits each into a combination's key; a site with more
    /// distinct terms lists no combinations, and every article is scored the plain way.
    static let termLimit = 1 << 21
    var listsCombinations: Bool { weights.count < Self.termLimit }

    init(_ taxonomies: [(Taxonomy, Int32)], articleCount: Int) {
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
        var pairs = Combinations(capacity: articleCount * 8)
        var triples = Combinations(capacity: articleCount * 16)
        var pairWeights: [Int32] = []
        var manyTerms: [Int32] = []
        for a in 0..<articleCount where weights.count < Self.termLimit {
            let terms = termsOf[a]
            for i in terms.indices {
                for j in (i + 1)..<terms.count {
                    if pairs.add(UInt64(terms[i]) << 21 | UInt64(terms[j])) {
                        pairWeights.append(weights[Int(terms[i])] + weights[Int(terms[j])])
                    }
                    guard terms.count <= Self.tripleLimit else { continue }
                    for k in (j + 1)..<terms.count {
                        triples.add(UInt64(terms[i]) << 42 | UInt64(terms[j]) << 21 | UInt64(terms[k]))
                    }
                }
            }
            pairs.endArticle()
            triples.endArticle()
            if terms.count > Self.tripleLimit { manyTerms.append(Int32(a)) }
        }
        self.weights = weights
        termArticles = FlatLists(termLists)
        articleTerms = FlatLists(termsOf)
        self.pairWeights = pairWeights
        (pairArticles, articlePairs) = pairs.lists()
        (tripleArticles, articleTriples) = triples.lists()
        self.manyTerms = manyTerms
    }

    /// Numbers combinations of terms (packed in a key), article after article, and lists them
    /// both ways. Millions of them at 100,000 articles: an open-addressing table and two flat
    /// arrays, not a dictionary of arrays.
    private struct Combinations {
        /// Key + 1 per slot (0: empty), and its number.
        var keys: [UInt64]
        var numbers: [Int32]
        var shift: UInt64
        var distinct = 0
        /// The numbers of each article's combinations, article after article.
        var entries: [Int32] = []
        var articleStarts = [0]

        init(capacity: Int) {
            var bits = 10
            while (1 << bits) < capacity { bits += 1 }
            keys = Array(repeating: 0, count: 1 << bits)
            numbers = Array(repeating: 0, count: 1 << bits)
            shift = UInt64(64 - bits)
        }

        /// True when the combination is new.
        @discardableResult
        mutating func add(_ key: UInt64) -> Bool {
            if distinct * 2 >= keys.count { grow() }
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 {
                if keys[slot] == key &+ 1 {
                    entries.append(numbers[slot])
                    return false
                }
                slot = (slot + 1) & mask
            }
            keys[slot] = key &+ 1
            numbers[slot] = Int32(distinct)
            entries.append(Int32(distinct))
            distinct += 1
            return true
        }

        mutating func endArticle() { articleStarts.append(entries.count) }

        /// The articles of each combination (in article order), and each article's combinations.
        func lists() -> (byCombination: FlatLists, byArticle: FlatLists) {
            var starts = Array(repeating: 0, count: distinct + 1)
            for id in entries { starts[Int(id) + 1] += 1 }
            for i in 0..<distinct { starts[i + 1] += starts[i] }
            var cursor = starts
            var items = Array(repeating: Int32(0), count: entries.count)
            for a in 0..<(articleStarts.count - 1) {
                for k in articleStarts[a]..<articleStarts[a + 1] {
                    let id = Int(entries[k])
                    items[cursor[id]] = Int32(a)
                    cursor[id] += 1
                }
            }
            return (FlatLists(starts: starts, items: items), FlatLists(starts: articleStarts, items: entries))
        }

        private mutating func grow() {
            let oldKeys = keys
            let oldNumbers = numbers
            keys = Array(repeating: 0, count: oldKeys.count * 2)
            numbers = Array(repeating: 0, count: oldKeys.count * 2)
            shift -= 1
            let mask = keys.count - 1
            for (i, stored) in oldKeys.enumerated() where stored != 0 {
                var slot = Int(truncatingIfNeeded: ((stored &- 1) &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while keys[slot] != 0 { slot = (slot + 1) & mask }
                keys[slot] = stored
                numbers[slot] = oldNumbers[i]
            }
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
}
