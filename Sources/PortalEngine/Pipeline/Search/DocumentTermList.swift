/// One document's distinct index terms: folded syllables and pairs of adjacent syllables, each
/// with whether it is in the title and, for a syllable, the exact spellings in their order of
/// first use (which picks the bits of the term's variant masks).
struct DocumentTermList: Sendable {
    var terms = TermTable(capacity: 2048)
    var inTitle: [Bool] = []
    var spellings = TermTable(capacity: 1024)
    /// Per term, its first spelling link, or -1; links chain a term's spellings in order.
    var firstLink: [Int32] = []
    var linkSpelling: [Int32] = []
    var linkNext: [Int32] = []

    /// The terms of a title and a body; pairs do not span the two.
    init(title: String, body: String) {
        var pair: [UInt8] = []
        for (text, isTitle) in [(title, true), (body, false)] {
            var scanner = SearchTokenScanner(text)
            var previous: [UInt8] = []
            while scanner.next() {
                let term = add(scanner.folded, title: isTitle)
                addSpelling(scanner.exact, to: term)
                if !previous.isEmpty {
                    pair.removeAll(keepingCapacity: true)
                    pair.append(contentsOf: previous)
                    pair.append(0x20)
                    pair.append(contentsOf: scanner.folded)
                    add(pair, title: isTitle)
                }
                previous.removeAll(keepingCapacity: true)
                previous.append(contentsOf: scanner.folded)
            }
        }
    }

    /// Whether `term` is a syllable (pairs of syllables have no spellings).
    func hasSpellings(_ term: Int) -> Bool { firstLink[term] >= 0 }

    /// Calls `body` with each spelling of `term`, in order of first use.
    func forEachSpelling(of term: Int, _ body: (ArraySlice<UInt8>) -> Void) {
        var link = firstLink[term]
        while link >= 0 {
            body(spellings.term(Int(linkSpelling[Int(link)])))
            link = linkNext[Int(link)]
        }
    }

    @discardableResult
    private mutating func add(_ term: [UInt8], title: Bool) -> Int {
        let (id, isNew) = terms.insert(term[...], hash: SearchIndexBuilder.fnv1a32(term))
        if isNew {
            inTitle.append(title)
            firstLink.append(-1)
        } else if title {
            inTitle[id] = true
        }
        return id
    }

    private mutating func addSpelling(_ spelling: [UInt8], to term: Int) {
        let spellingID = Int32(spellings.insert(spelling[...], hash: SearchIndexBuilder.fnv1a32(spelling)).id)
        var link = firstLink[term]
        var last: Int32 = -1
        while link >= 0 {
            if linkSpelling[Int(link)] == spellingID { return }
            last = link
            link = linkNext[Int(link)]
        }
        let new = Int32(linkSpelling.count)
        linkSpelling.append(spellingID)
        linkNext.append(-1)
        if last < 0 { firstLink[term] = new } else { linkNext[Int(last)] = new }
    }
}
