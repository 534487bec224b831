/// The terms of one merge partition (those whose hash falls in it) with their postings as
/// columns; only one thread touches it at a time.
final class IndexPartition: @unchecked Sendable {
    let number: Int
    /// In one stored property, accessed once per document: each access to a class's property
    /// is checked for exclusivity at run time, and this is done for every posting.
    private var contents = Contents()

    struct Postings {
        /// Exact spellings seen (`SearchIndexBuilder.maxVariants` at most): bit `n` of a mask is
        /// `variants[n]`. Each kept in its own storage: a slice of a document's table would keep
        /// that whole table alive with the index.
        var variants: [ArraySlice<UInt8>] = []
        /// Each posting's document number shifted left by one, with 1 when the term is in its
        /// title: one array where there were two, for a third less memory touched per posting.
        var docsAndTitles: [UInt32] = []
        var masks: [UInt32] = []
    }

    private struct Contents {
        var terms = TermTable(capacity: 1 << 16)
        var postings: [Postings] = []

        mutating func merge(_ document: DocumentTermList, doc: Int32, partition: Int) {
            let own = document.partitionStarts[partition]..<document.partitionStarts[partition + 1]
            document.terms.withTerms { terms in
                for k in own {
                    let t = Int(document.byPartition[Int(k)])
                    let (id, isNew) = self.terms.insert(terms.term(t), hash: terms.hashes[t])
                    if isNew { postings.append(Postings()) }
                    postings[id].docsAndTitles.append(UInt32(doc) << 1 | (document.inTitle[t] ? 1 : 0))
                    guard document.hasSpellings(t) else { continue }
                    var mask: UInt32 = 0
                    document.forEachSpelling(of: t) { spelling in
                        mask |= SearchIndexBuilder.variantBit(spelling, in: &postings[id].variants) {
                            ArraySlice(Array($0))
                        }
                    }
                    postings[id].masks.append(mask)
                }
            }
        }
    }

    init(number: Int) { self.number = number }

    /// Appends `doc`'s postings for the terms of `document` that fall in this partition.
    func merge(_ document: DocumentTermList, doc: Int32) {
        contents.merge(document, doc: doc, partition: number)
    }

    /// Roughly the bytes this partition's terms take in the shards.
    var estimatedBytes: Int {
        var total = 0
        for id in contents.postings.indices {
            total += contents.terms.term(id).count + 8 + contents.postings[id].docsAndTitles.count * 7
        }
        return total
    }

    /// This partition's terms as `"term":[…]` pieces, by shard, each piece sorted by term.
    func serialize(shardCount: Int) -> [[UInt8]] {
        let terms = contents.terms
        let names = (0..<terms.count).map { String(decoding: terms.term($0), as: UTF8.self) }
        var shards = Array(repeating: [UInt8](), count: shardCount)
        for id in names.indices.sorted(by: { names[$0] < names[$1] }) {
            let n = Int(terms.hashes[id] % UInt32(shardCount))
            if !shards[n].isEmpty { shards[n].append(0x2C) }
            let entry = contents.postings[id]
            SearchIndexBuilder.appendTerm(
                names[id], variants: entry.variants.map { String(decoding: $0, as: UTF8.self) },
                count: entry.docsAndTitles.count, doc: { Int32(entry.docsAndTitles[$0] >> 1) },
                title: { entry.docsAndTitles[$0] & 1 == 1 }, mask: { entry.masks[$0] }, to: &shards[n])
        }
        return shards
    }

    /// Frees the postings once serialized.
    func removeAll() {
        contents = Contents(terms: TermTable(capacity: 16))
    }
}
