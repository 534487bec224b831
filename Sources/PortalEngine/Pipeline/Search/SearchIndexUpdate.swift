import Foundation

/// Patches the previous build's term shards when only a few articles changed: the changed
/// articles' postings are removed and their new terms added. A shard holds whole terms, so
/// shards are patched independently, on every core; a shard that gets no new term and does not
/// name a changed article (a scan of its numbers tells) is kept as it is, unparsed, as is every
/// file of result entries without a changed article.
extension SearchIndexBuilder {
    /// The files a patch writes, and the previous files it keeps (with their sizes).
    public struct IndexPatch: Sendable {
        public var files: [(path: String, text: String)]
        public var kept: [(path: String, size: Int)]
        public var shardCount: Int
    }

    /// At most this many changed articles are patched in; more rebuild the index whole.
    static let maxPatchedArticles = 100

    /// One hash per article of what its terms come from, and its URL: an article whose stamp is
    /// unchanged at the same position has the same postings.
    public static func documentStamps(model: SiteModel, bodies: [RenderedBody]) -> [UInt64] {
        parallelMap(Array(model.articles.indices)) { i in
            var hasher = StableHasher()
            hasher.add(model.articles[i].url)
            hasher.add(model.articles[i].title)
            hasher.add(model.articles[i].summary ?? "")
            hasher.add(bodies[i].plainText)
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
                title: model.articles[i].title, body: bodies[i].plainText + " " + (model.articles[i].summary ?? ""))
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
            if patches[n].isEmpty, !TermShardReader.names(anyOf: removed, in: bytes) { return .kept(bytes.count) }
            guard var table = TermShardReader.parse(bytes) else { return .failed }
            for postings in table.values { postings.remove(removed) }
            for addition in patches[n] {
                let postings: TermPostings
                if let existing = table[addition.term] {
                    postings = existing
                } else {
                    postings = TermPostings(hash: addition.hash)
                    table[addition.term] = postings
                }
                postings.insert(doc: addition.doc, info: addition.info)
            }
            return .written(shardText(table.filter { !$0.value.docs.isEmpty }))
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

    /// One shard's text in the order a whole build writes it: by partition, then by term.
    static func shardText(_ table: [String: TermPostings]) -> String {
        var out: [UInt8] = [0x7B]
        let ordered = table.sorted {
            let p0 = $0.value.hash % UInt32(partitions)
            let p1 = $1.value.hash % UInt32(partitions)
            return p0 != p1 ? p0 < p1 : $0.key < $1.key
        }
        for (k, entry) in ordered.enumerated() {
            if k > 0 { out.append(0x2C) }
            appendTerm(entry.key, entry.value, to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}

extension SearchIndexBuilder.TermPostings {
    /// Drops the postings of `docs`.
    func remove(_ docs: Set<Int32>) {
        guard self.docs.contains(where: docs.contains) else { return }
        var keptDocs: [Int32] = []
        var keptTitles: [Bool] = []
        var keptMasks: [UInt32] = []
        for k in self.docs.indices where !docs.contains(self.docs[k]) {
            keptDocs.append(self.docs[k])
            keptTitles.append(titles[k])
            if !masks.isEmpty { keptMasks.append(masks[k]) }
        }
        self.docs = keptDocs
        titles = keptTitles
        masks = keptMasks
    }

    /// Adds `doc` in order of document number.
    func insert(doc: Int32, info: SearchIndexBuilder.TermInfo) {
        let low = docs.lowerBound(of: doc, in: docs.indices)
        docs.insert(doc, at: low)
        titles.insert(info.title, at: low)
        if !info.exact.isEmpty { masks.insert(mask(for: info.exact), at: low) }
    }
}

/// Reads a term shard back: `{"term":[[variants],[doc gap,title(,mask),...]],...}`. Returns nil
/// for anything not exactly as `SearchIndexBuilder` writes it (escapes included: terms never
/// need them, so a backslash means the file is not ours).
enum TermShardReader {
    /// Whether any posting of the shard is for one of `docs`. Reads only the numbers, and of
    /// each term's postings only up to the last of `docs` (they are in order); true for
    /// anything not as `SearchIndexBuilder` writes it, so that `parse` looks at it.
    static func names(anyOf docs: Set<Int32>, in bytes: [UInt8]) -> Bool {
        guard let last = docs.max() else { return false }
        var reader = Reader(bytes: bytes)
        guard reader.take(0x7B) else { return true }
        if reader.take(0x7D) { return false }
        while true {
            guard reader.stringBytes() != nil, reader.take(0x3A), reader.take(0x5B), reader.take(0x5B) else {
                return true
            }
            var width = 2
            if !reader.take(0x5D) {
                width = 3
                repeat { guard reader.stringBytes() != nil else { return true } } while reader.take(0x2C)
                guard reader.take(0x5D) else { return true }
            }
            guard reader.take(0x2C), reader.take(0x5B) else { return true }
            var doc = 0
            var k = 0
            while true {
                guard let value = reader.number() else { return true }
                if k % width == 0 {
                    doc += value
                    if doc > Int(last) {
                        reader.skipToListEnd()  // the rest of this term's postings are for later documents
                        break
                    }
                    if docs.contains(Int32(doc)) { return true }
                }
                k += 1
                if reader.take(0x2C) { continue }
                break
            }
            guard reader.take(0x5D), reader.take(0x5D) else { return true }
            if reader.take(0x2C) { continue }
            return !reader.take(0x7D)
        }
    }

    static func parse(_ bytes: [UInt8]) -> [String: SearchIndexBuilder.TermPostings]? {
        var reader = Reader(bytes: bytes)
        var table: [String: SearchIndexBuilder.TermPostings] = [:]
        guard reader.take(0x7B) else { return nil }  // {
        if reader.take(0x7D) { return reader.atEndOfFile ? table : nil }
        while true {
            guard let term = reader.string(), reader.take(0x3A), reader.take(0x5B), reader.take(0x5B) else {
                return nil
            }
            var variants: [String] = []
            if !reader.take(0x5D) {
                while true {
                    guard let variant = reader.string() else { return nil }
                    variants.append(variant)
                    if reader.take(0x2C) { continue }
                    guard reader.take(0x5D) else { return nil }
                    break
                }
            }
            guard reader.take(0x2C), reader.take(0x5B) else { return nil }
            var numbers: [Int] = []
            while true {
                guard let number = reader.number() else { return nil }
                numbers.append(number)
                if reader.take(0x2C) { continue }
                guard reader.take(0x5D), reader.take(0x5D) else { return nil }
                break
            }
            let width = variants.isEmpty ? 2 : 3
            guard numbers.count % width == 0, table[term] == nil else { return nil }
            let postings = SearchIndexBuilder.TermPostings(hash: SearchIndexBuilder.fnv1a32(term))
            postings.variants = variants
            var doc = 0
            for k in stride(from: 0, to: numbers.count, by: width) {
                doc += numbers[k]
                guard numbers[k + 1] <= 1, doc <= Int(Int32.max) else { return nil }
                postings.docs.append(Int32(doc))
                postings.titles.append(numbers[k + 1] == 1)
                if width == 3 { postings.masks.append(UInt32(truncatingIfNeeded: numbers[k + 2])) }
            }
            table[term] = postings
            if reader.take(0x2C) { continue }
            guard reader.take(0x7D), reader.atEndOfFile else { return nil }
            return table
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var i = 0

        var atEndOfFile: Bool { i == bytes.count || (i == bytes.count - 1 && bytes[i] == 0x0A) }

        mutating func take(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        /// Where a string without escapes lies, moving past it.
        mutating func stringBytes() -> Range<Int>? {
            guard take(0x22) else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != 0x22 {
                if bytes[i] == 0x5C { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            defer { i += 1 }
            return start..<i
        }

        mutating func string() -> String? {
            stringBytes().map { String(decoding: bytes[$0], as: UTF8.self) }
        }

        /// To the `]` that closes the current list of numbers.
        mutating func skipToListEnd() {
            while i < bytes.count, bytes[i] != 0x5D { i += 1 }
        }

        mutating func number() -> Int? {
            let start = i
            var value = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, i - start < 12 {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            return i > start ? value : nil
        }
    }
}
