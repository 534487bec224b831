import Foundation

/// Patches the previous build's term shards when only a few articles changed: the changed
/// articles' postings are removed and their new terms added. A shard holds whole terms, so
/// shards are patched independently, on every core, as bytes: only the entries a changed
/// article is in, or gains, are parsed and written again (`patchShard`). A shard that comes out
/// as it was is kept, as is every file of result entries without a changed article.
extension SearchIndexBuilder {
    /// The files a patch writes, and the previous files it keeps (with their sizes).
    public struct IndexPatch: Sendable {
        public var files: [(path: String, text: String)]
        public var kept: [(path: String, size: Int)]
        public var shardCount: Int
    }

    /// At most this many changed articles are patched in; more rebuild the index whole.
    static let maxPatchedArticles = 100

    /// One hash per article of what its terms and its result entry come from (URL, title, date,
    /// category, snippet): an article whose stamp is unchanged at the same position has the same
    /// postings and the same entry.
    public static func documentStamps(model: SiteModel, bodies: [RenderedBody]) -> [UInt64] {
        let dates = VietnameseDateFormat(zone: model.config.timeZone)
        return parallelMap(Array(model.articles.indices)) { i in
            let article = model.articles[i]
            var hasher = StableHasher()
            hasher.add(article.url)
            hasher.add(article.title)
            hasher.add(article.summary ?? "")
            hasher.add(article.date.map { dates.short($0) } ?? "")  // as the entry shows it
            hasher.add(article.categoryKey ?? "")
            hasher.add(article.document?.abstract ?? "")
            bodies[i].storedPlainText.add(to: &hasher)
            return hasher.value
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
    /// as written): the caller then builds the index whole.
    public static func update(
        previousOutput: URL, previous: SearchIndexCache, stamps: [UInt64], model: SiteModel, bodies: [RenderedBody]
    ) -> IndexPatch? {
        let shardCount = previous.shardCount
        guard shardCount > 0, previous.stamps.count == stamps.count, stamps.count == model.articles.count else {
            return nil
        }
        let changed = stamps.indices.filter { stamps[$0] != previous.stamps[$0] }
        guard changed.count <= maxPatchedArticles else { return nil }
        var additions = Array(repeating: [PatchedTerm](), count: shardCount)
        for i in changed {
            let document = terms(
                title: model.articles[i].title, body: searchedText(of: i, model: model, bodies: bodies))
            for (term, info) in document.terms {
                let hash = fnv1a32(term)
                additions[Int(hash % UInt32(shardCount))].append(
                    PatchedTerm(term: term, hash: hash, doc: Int32(i), info: info))
            }
        }
        let removed = Set(changed.map { Int32($0) })
        let patches = additions
        let folder = previousOutput.appendingPathComponent("\(SiteURLs.searchIndexFolder)/t")
        let shards = parallelMap(Array(0..<shardCount)) { n -> ShardPatch in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(n).json").path)
            else { return .failed }
            let bytes = [UInt8](data)
            guard let patched = patchShard(bytes, removing: removed, adding: patches[n]) else { return .failed }
            return patched == bytes ? .kept(bytes.count) : .written(String(decoding: patched, as: UTF8.self))
        }
        var patch = IndexPatch(files: [], kept: [], shardCount: shardCount)
        for (n, shard) in shards.enumerated() {
            let path = "\(SiteURLs.searchIndexFolder)/t/\(n).json"
            switch shard {
            case .failed: return nil
            case .kept(let size): patch.kept.append((path, size))
            case .written(let text): patch.files.append((path, text))
            }
        }
        let results = resultFiles(
            model: model, bodies: bodies, shardCount: shardCount, onlyGroupsOf: changed,
            previousOutput: previousOutput)
        patch.files += results.files
        patch.kept += results.kept
        return patch
    }

    /// What became of one term shard.
    enum ShardPatch: Sendable {
        case written(String)
        case kept(Int)
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
