import Foundation

/// Patches the previous build's term shards when only a few articles changed: the changed
/// articles' postings are removed and their new terms added. A shard holds whole terms, so
/// shards are patched independently, on every core, as bytes: only the entries a changed
/// article is in, or gains, are parsed and written again (`patchShard`). A shard that comes out
/// as it was is kept, as is every file of result entries without a changed article.
extension SearchIndexBuilder {
    /// The files a patch writes, and the previous files it keeps (with their sizes).
    public struct IndexPatch: Sendable {
        public var files: [(path: String, bytes: [UInt8])]
        public var kept: [(path: String, size: Int)]
        public var shardCount: Int
        /// Term shards read and patched; the others had no term the edit changed.
        public var shardsRead = 0
    }

    /// At most this many changed articles are patched in; more rebuild the index whole.
    static let maxPatchedArticles = 100

    /// Per article, one hash of what its terms and its result entry come from (URL, title,
    /// date, category, snippet; the body's words by their `textHash`): an article whose stamp is
    /// unchanged at the same position has the same postings and the same entry.
    struct DocumentStamp: Sendable {
        var stamp: UInt64
        var textHash: UInt64
    }

    static func documentStamps(model: SiteModel, bodies: [RenderedBody]) -> [DocumentStamp] {
        let dates = VietnameseDateFormat(zone: model.config.timeZone)
        return parallelMap(Array(model.articles.indices)) { i in
            let article = model.articles[i]
            let text = bodies[i].storedPlainText.stableHash
            var hasher = StableHasher()
            hasher.add(article.url)
            hasher.add(article.title)
            hasher.add(article.summary ?? "")
            hasher.add(article.date.map { dates.short($0) } ?? "")  // as the entry shows it
            hasher.add(article.categoryKey ?? "")
            hasher.add(article.document?.abstract ?? "")
            hasher.add(text)
            return DocumentStamp(stamp: hasher.value, textHash: text)
        }
    }

    /// What each article's terms come from, for the next build's patch; none without body keys.
    static func termSources(model: SiteModel, textHashes: [UInt64], bodyKeys: [UInt64])
        -> [SearchIndexCache.TermSource]
    {
        guard bodyKeys.count == model.articles.count else { return [] }
        return model.articles.indices.map { i in
            SearchIndexCache.TermSource(
                bodyKey: bodyKeys[i], textHash: textHashes[i], title: model.articles[i].title,
                summary: model.articles[i].summary ?? "")
        }
    }

    /// A changed article's term, bound for one shard.
    struct PatchedTerm: Sendable {
        var term: String
        var hash: UInt32
        var doc: Int32
        var info: TermInfo
    }

    /// The index with the changed articles patched into the previous term shards, or nil when
    /// that cannot be done (another article count, too many changes, a shard missing or not
    /// as written): the caller then builds the index whole. `previousBody` gives a body kept
    /// under a key (`DocumentMemory.keptBody`): with the changed articles' previous text, only
    /// the shards of the terms they lost, gained or now use otherwise are read.
    static func update(
        previousOutput: URL, previous: SearchIndexCache, stamps: [UInt64], model: SiteModel, bodies: [RenderedBody],
        previousBody: (UInt64) -> RenderedBody? = { _ in nil }
    ) -> IndexPatch? {
        let shardCount = previous.shardCount
        guard shardCount > 0, previous.stamps.count == stamps.count, stamps.count == model.articles.count else {
            return nil
        }
        let changed = stamps.indices.filter { stamps[$0] != previous.stamps[$0] }
        guard changed.count <= maxPatchedArticles else { return nil }
        var additions = Array(repeating: [PatchedTerm](), count: shardCount)
        var touched: Set<Int>? = []
        for i in changed {
            let document = terms(
                title: model.articles[i].title, body: searchedText(of: i, model: model, bodies: bodies))
            for (term, info) in document.terms {
                let hash = fnv1a32(term)
                additions[Int(hash % UInt32(shardCount))].append(
                    PatchedTerm(term: term, hash: hash, doc: Int32(i), info: info))
            }
            if touched != nil,
                let shards = changedTermHashes(from: previousTerms(i, previous, previousBody), to: document)
            {
                touched!.formUnion(shards.map { Int($0 % UInt32(shardCount)) })
            } else {
                touched = nil
            }
        }
        let removed = Set(changed.map { Int32($0) })
        let (patches, read) = (additions, touched)
        // A path made as a string: a URL for each of 2,500 shards cost 9 ms of an edit.
        let folder = previousOutput.path + "/\(SiteURLs.searchIndexFolder)/t/"
        let shards = parallelMap(Array(0..<shardCount)) { n -> ShardPatch in
            let path = folder + "\(n).json"
            // A shard none of whose terms changed comes out as it was: it is not read.
            if let read, !read.contains(n) {
                return OutputStaging.regularFileSize(path).map { .kept($0) } ?? .failed
            }
            guard let data = FileManager.default.contents(atPath: path) else { return .failed }
            let bytes = [UInt8](data)
            guard let patched = patchShard(bytes, removing: removed, adding: patches[n]) else { return .failed }
            return patched == bytes
                ? .kept(bytes.count, read: true) : .written(patched)
        }
        var patch = IndexPatch(files: [], kept: [], shardCount: shardCount)
        for (n, shard) in shards.enumerated() {
            let path = "\(SiteURLs.searchIndexFolder)/t/\(n).json"
            switch shard {
            case .failed: return nil
            case .kept(let size, let read):
                patch.kept.append((path, size))
                if read { patch.shardsRead += 1 }
            case .written(let bytes):
                patch.files.append((path, bytes))
                patch.shardsRead += 1
            }
        }
        let results = resultFiles(
            model: model, bodies: bodies, shardCount: shardCount, onlyGroupsOf: changed,
            previousOutput: previousOutput)
        patch.files += results.files
        patch.kept += results.kept
        return patch
    }

    /// Article `i`'s terms as the previous build made them, when what they came from is known
    /// and its body is still kept as it was.
    private static func previousTerms(
        _ i: Int, _ previous: SearchIndexCache, _ previousBody: (UInt64) -> RenderedBody?
    ) -> DocumentTerms? {
        guard i < previous.sources.count else { return nil }
        let source = previous.sources[i]
        guard let body = previousBody(source.bodyKey), body.storedPlainText.stableHash == source.textHash else {
            return nil
        }
        return terms(title: source.title, body: searchedText(plain: body.storedPlainText, summary: source.summary))
    }

    /// The hashes of the terms whose posting differs between `old` and `new`: lost, gained, or
    /// with another title flag or other spellings. Nil when `old` is unknown.
    static func changedTermHashes(from old: DocumentTerms?, to new: DocumentTerms) -> [UInt32]? {
        guard let old else { return nil }
        var hashes: [UInt32] = []
        for (term, info) in new.terms {
            if let was = old.terms[term], was.title == info.title, Set(was.exact) == Set(info.exact) { continue }
            hashes.append(fnv1a32(term))
        }
        for term in old.terms.keys where new.terms[term] == nil { hashes.append(fnv1a32(term)) }
        return hashes
    }

    /// What became of one term shard.
    enum ShardPatch: Sendable {
        case written([UInt8])
        case kept(Int, read: Bool = false)
        case failed
    }
}

extension SearchIndexBuilder.TermPostings {
    /// Drops the postings of `docs`, found by binary search: they are few, the postings of a
    /// common term many.
    func remove(_ docs: Set<Int32>) {
        let found = docs.compactMap { doc -> Int? in
            let k = self.docs.lowerBound(of: doc, in: self.docs.indices)
            return k < self.docs.count && self.docs[k] == doc ? k : nil
        }
        for k in found.sorted(by: >) {
            self.docs.remove(at: k)
            titles.remove(at: k)
            if !masks.isEmpty { masks.remove(at: k) }
        }
    }

    /// Adds `doc` in order of document number.
    func insert(doc: Int32, info: SearchIndexBuilder.TermInfo) {
        let low = docs.lowerBound(of: doc, in: docs.indices)
        docs.insert(doc, at: low)
        titles.insert(info.title, at: low)
        if !info.exact.isEmpty { masks.insert(mask(for: info.exact), at: low) }
    }
}
