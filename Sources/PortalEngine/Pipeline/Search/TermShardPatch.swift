extension SearchIndexBuilder {
    /// The shard `bytes` with the postings of the `removed` documents dropped and `additions`
    /// added, in the order a whole build writes a shard: by partition, then by term. Entries
    /// neither touches are copied as they are, unparsed. Nil when the shard is not as written.
    static func patchShard(_ bytes: [UInt8], removing removed: Set<Int32>, adding additions: [PatchedTerm])
        -> [UInt8]?
    {
        guard let entries = TermShardReader.entries(of: bytes, naming: removed) else { return nil }
        var added: [String: [PatchedTerm]] = [:]
        for addition in additions { added[addition.term, default: []].append(addition) }
        let addedHashes = Set(additions.map(\.hash))
        let hashes = entries.map { fnv1a32(bytes[$0.term]) }
        // What each entry gains; a term is made a String only when its hash says it may gain.
        var gains: [Int: [PatchedTerm]] = [:]
        var present: Set<String> = []
        for (k, entry) in entries.enumerated() where addedHashes.contains(hashes[k]) {
            let term = String(decoding: bytes[entry.term], as: UTF8.self)
            guard let gained = added[term] else { continue }
            gains[k] = gained
            present.insert(term)
        }
        let newTerms = added.keys.filter { !present.contains($0) }.map { (term: $0, partition: partition(of: $0)) }
            .sorted { $0.partition != $1.partition ? $0.partition < $1.partition : $0.term < $1.term }

        var out: [UInt8] = [0x7B]
        out.reserveCapacity(bytes.count + additions.count * 32)
        func separate() { if out.count > 1 { out.append(0x2C) } }
        func append(_ term: String, _ postings: TermPostings) {
            for addition in added[term] ?? [] { postings.insert(doc: addition.doc, info: addition.info) }
            guard !postings.docs.isEmpty else { return }
            separate()
            appendTerm(term, postings, to: &out)
        }
        var next = 0
        for (k, entry) in entries.enumerated() {
            let entryPartition = hashes[k] % UInt32(partitions)
            while next < newTerms.count, newTerms[next].partition <= entryPartition,
                newTerms[next].partition < entryPartition
                    || newTerms[next].term < String(decoding: bytes[entry.term], as: UTF8.self)
            {
                append(newTerms[next].term, TermPostings(hash: fnv1a32(newTerms[next].term)))
                next += 1
            }
            let gained = gains[k]
            let unchanged =
                gained == nil && !entry.namesDocs
                || entry.namesDocs && gained.map { keepsItsPosting(entry, of: bytes, removed: removed, $0) } == true
            if unchanged {
                separate()
                out.append(contentsOf: bytes[entry.bytes])
                continue
            }
            guard let (term, postings) = TermShardReader.parseEntry(at: entry.bytes.lowerBound, of: bytes) else {
                return nil
            }
            postings.remove(removed)
            append(term, postings)
        }
        for term in newTerms[next...] { append(term.term, TermPostings(hash: fnv1a32(term.term))) }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    private static func partition(of term: String) -> UInt32 { fnv1a32(term) % UInt32(partitions) }

    /// Whether the one changed document the entry names gets it back as it was (same title flag,
    /// same spellings among the term's variants): the usual case of an edit, where most of an
    /// article's words stay. Then the entry is the same without parsing its postings.
    private static func keepsItsPosting(
        _ entry: TermShardReader.ScannedEntry, of bytes: [UInt8], removed: Set<Int32>, _ gains: [PatchedTerm]
    ) -> Bool {
        guard gains.count == 1, let gain = gains.first, removed == [gain.doc],
            let old = TermShardReader.posting(of: gain.doc, inEntryAt: entry.bytes.lowerBound, of: bytes),
            old.title == gain.info.title
        else { return false }
        if old.variants.isEmpty { return true }  // pairs of words: no spellings
        var mask: UInt32 = 0
        for spelling in gain.info.exact {
            guard let v = old.variants.firstIndex(of: spelling) else { return false }
            mask |= 1 << UInt32(v)
        }
        return mask == old.mask
    }
}
