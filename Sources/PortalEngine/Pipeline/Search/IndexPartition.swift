/// The terms of one merge partition (those whose hash falls in it) with their postings as
/// columns; only one thread touches it at a time.
final class IndexPartition: @unchecked Sendable {
    let number: Int
    private(set) var terms = TermTable(capacity: 1 << 16)
    private var postings: [Postings] = []

    struct Postings {
        /// Exact spellings seen (`SearchIndexBuilder.maxVariants` at most): bit `n` of a mask is
        /// `variants[n]`. Each kept in its own storage: a slice of a document's table would keep
        /// that whole table alive with the index.
        var variants: [ArraySlice<UInt8>] = []
        var docs: [Int32] = []
        var titles: [Bool] = []
        var masks: [UInt32] = []
    }

    init(number: Int) { self.number = number }

    /// Appends `doc`'s postings for the terms of `document` that fall in this partition.
    func merge(_ document: DocumentTermList, doc: Int32) {
        let count = UInt32(SearchIndexBuilder.partitions)
        for t in 0..<document.terms.count {
            let hash = document.terms.hashes[t]
            guard Int(hash % count) == number else { continue }
            let (id, isNew) = terms.insert(document.terms.term(t), hash: hash)
            if isNew { postings.append(Postings()) }
            postings[id].docs.append(doc)
            postings[id].titles.append(document.inTitle[t])
            guard document.hasSpellings(t) else { continue }
            var mask: UInt32 = 0
            document.forEachSpelling(of: t) { spelling in
                mask |= SearchIndexBuilder.variantBit(spelling, in: &postings[id].variants) { ArraySlice(Array($0)) }
            }
            postings[id].masks.append(mask)
        }
    }

    /// Roughly the bytes this partition's terms take in the shards.
    var estimatedBytes: Int {
        var total = 0
        for id in postings.indices {
            total += terms.term(id).count + 8 + postings[id].docs.count * 7
        }
        return total
    }

    /// This partition's terms as `"term":[…]` pieces, by shard, each piece sorted by term.
    func serialize(shardCount: Int) -> [[UInt8]] {
        let names = (0..<terms.count).map { String(decoding: terms.term($0), as: UTF8.self) }
        var shards = Array(repeating: [UInt8](), count: shardCount)
        for id in names.indices.sorted(by: { names[$0] < names[$1] }) {
            let n = Int(terms.hashes[id] % UInt32(shardCount))
            if !shards[n].isEmpty { shards[n].append(0x2C) }
            let entry = postings[id]
            SearchIndexBuilder.appendTerm(
                names[id], variants: entry.variants.map { String(decoding: $0, as: UTF8.self) }, docs: entry.docs,
                titles: entry.titles, masks: entry.masks, to: &shards[n])
        }
        return shards
    }

    /// Frees the postings once serialized.
    func removeAll() {
        terms = TermTable(capacity: 16)
        postings = []
    }
}
