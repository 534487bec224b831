/// One document's distinct index terms: folded syllables and pairs of adjacent syllables, each
/// with whether it is in the title and, for a syllable, the exact spellings in their order of
/// first use (which picks the bits of the term's variant masks).
struct DocumentTermList: Sendable {
    var terms = TermTable(capacity: 2048)
    var inTitle: [Bool] = []
    /// Each syllable's spellings, told apart by that syllable's links alone: a spelling folds to
    /// one syllable only, so the table need not be searched (a third of the tokenizer's lookups).
    var spellings = TermTable(capacity: 1024, searchable: false)
    /// Per term, its first spelling link, or -1; links chain a term's spellings in order.
    var firstLink: [Int32] = []
    var linkSpelling: [Int32] = []
    var linkNext: [Int32] = []
    /// The UTF-8 bytes read, for the tokenizer's speed.
    private(set) var bytesRead = 0
    /// The term ids grouped by index partition (`hash % SearchIndexBuilder.partitions`), each
    /// group in id order; group `p` is `byPartition[partitionStarts[p]..<partitionStarts[p + 1]]`.
    /// Each partition reads only its own terms: when each read every term of every document
    /// and skipped the others', that was a third of the merge.
    private(set) var byPartition: [Int32] = []
    private(set) var partitionStarts: [Int32] = []

    /// The terms of a title and a body; pairs do not span the two. The body's parts read as if
    /// joined by spaces (pairs span them), without joining them.
    init(title: String, body: [StoredText]) {
        var title = title
        title.withUTF8 { bytes in
            var pairs = PairWindow()
            add(bytes, title: true, pairs: &pairs)
        }
        var pairs = PairWindow()
        for part in body {
            part.withUTF8 { bytes in add(bytes, title: false, pairs: &pairs) }
        }
        groupByPartition(SearchIndexBuilder.partitions)
    }

    /// Sorts the term ids by partition, a counting sort that keeps id order within each.
    private mutating func groupByPartition(_ count: Int) {
        var starts = [Int32](repeating: 0, count: count + 1)
        for hash in terms.hashes { starts[Int(hash % UInt32(count)) + 1] += 1 }
        for p in 0..<count { starts[p + 1] += starts[p] }
        var next = starts
        var order = [Int32](repeating: 0, count: terms.count)
        for (t, hash) in terms.hashes.enumerated() {
            let p = Int(hash % UInt32(count))
            order[Int(next[p])] = Int32(t)
            next[p] += 1
        }
        (byPartition, partitionStarts) = (order, starts)
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

    /// The previous syllable, a space, then the current one, in one buffer, so a pair is a
    /// slice of it; and the hash of "previous " so the pair's hash goes on from there.
    private struct PairWindow: ~Copyable {
        var bytes = ByteBuffer(capacity: 128)
        /// Where the current syllable starts: 0 when there is no previous one.
        var start = 0
        var previousHash = SearchIndexBuilder.fnvOffset
    }

    private mutating func add(_ text: UnsafeBufferPointer<UInt8>, title: Bool, pairs: inout PairWindow) {
        bytesRead += text.count
        var scanner = SearchTokenScanner(text)
        var exact = ByteBuffer()
        while scanner.next(folded: &pairs.bytes, exact: &exact) {
            // The syllable's hash and the pair's, in one pass over the syllable.
            var hash = SearchIndexBuilder.fnvOffset
            var pairHash = pairs.previousHash
            for byte in pairs.bytes.bytes(from: pairs.start) {
                hash = (hash ^ UInt32(byte)) &* SearchIndexBuilder.fnvPrime
                pairHash = (pairHash ^ UInt32(byte)) &* SearchIndexBuilder.fnvPrime
            }
            let term = add(pairs.bytes.bytes(from: pairs.start), hash: hash, title: title)
            addSpelling(exact.bytes, to: term)
            if pairs.start > 0 {
                add(pairs.bytes.bytes, hash: pairHash, title: title)
                pairs.bytes.removeFirst(pairs.start)
            }
            pairs.bytes.append(0x20)
            pairs.start = pairs.bytes.count
            pairs.previousHash = (hash ^ 0x20) &* SearchIndexBuilder.fnvPrime
        }
    }

    @discardableResult
    private mutating func add(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32, title: Bool) -> Int {
        let (id, isNew) = terms.insert(term, hash: hash)
        if isNew {
            inTitle.append(title)
            firstLink.append(-1)
        } else if title {
            inTitle[id] = true
        }
        return id
    }

    private mutating func addSpelling(_ spelling: UnsafeBufferPointer<UInt8>, to term: Int) {
        var link = firstLink[term]
        var last: Int32 = -1
        while link >= 0 {
            if spellings.holds(Int(linkSpelling[Int(link)]), spelling) { return }
            last = link
            link = linkNext[Int(link)]
        }
        let spellingID = Int32(spellings.append(spelling, hash: SearchIndexBuilder.fnv1a32(spelling)))
        let new = Int32(linkSpelling.count)
        linkSpelling.append(spellingID)
        linkNext.append(-1)
        if last < 0 { firstLink[term] = new } else { linkNext[Int(last)] = new }
    }
}
