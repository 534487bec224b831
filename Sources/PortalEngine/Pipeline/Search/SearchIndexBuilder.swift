import Dispatch
import Foundation

/// Writes the static search index under `search/`: term shards fetched on demand by the browser.
///
/// Terms are folded syllables ("thi", "dua") and pairs of adjacent syllables ("thi dua"), so a
/// phrase or adjacent words match without storing positions. A term's shard is
/// `fnv1a32(term) % shards`; `search/meta.json` gives the shard count, and `js/search.js`
/// computes the same hash. Each posting says whether the term is in the title and which exact
/// (toned) spellings the document uses, so "hội" can rank above "hồi".
public enum SearchIndexBuilder {
    /// Rough size of one term shard before it is split further.
    static let targetShardBytes = 24_000
    /// Documents per metadata shard: a page of ten results fetches at most ten small files.
    public static let docsPerShard = 10
    static let snippetLength = 320

    /// One term in one document: in its title, and the exact spellings (single syllables).
    struct TermInfo: Sendable {
        var title = false
        var exact: [String] = []

        mutating func add(exact spelling: String, inTitle: Bool) {
            if inTitle { title = true }
            if !exact.contains(spelling) { exact.append(spelling) }
        }

        mutating func mark(inTitle: Bool) {
            if inTitle { title = true }
        }
    }

    /// One document's terms by folded term. Structs, not tuples: generic containers of tuples
    /// asked the runtime for metadata on every access.
    struct DocumentTerms: Sendable {
        var terms: [String: TermInfo] = [:]
    }

    /// A term's postings as columns: compact, and appended to in place (a class, so the
    /// dictionary holding it is not copied on every append).
    final class TermPostings {
        let hash: UInt32
        var variants: [String] = []
        var docs: [Int32] = []
        var titles: [Bool] = []
        var masks: [UInt32] = []

        init(hash: UInt32) { self.hash = hash }

        /// The bits of `spellings` in `variants`, adding new ones while there is room.
        func mask(for spellings: [String]) -> UInt32 {
            var mask: UInt32 = 0
            for e in spellings { mask |= SearchIndexBuilder.variantBit(e, in: &variants) }
            return mask
        }
    }

    /// A term keeps at most this many exact spellings: each is one bit of a posting's mask.
    static let maxVariants = 30

    /// The mask bit of one exact spelling among a term's `variants`, adding it (as `keep`
    /// makes it) while there is room; 0 when there is none.
    static func variantBit<Spelling: Equatable>(
        _ spelling: Spelling, in variants: inout [Spelling], keep: (Spelling) -> Spelling = { $0 }
    ) -> UInt32 {
        if let v = variants.firstIndex(of: spelling) { return 1 << UInt32(v) }
        guard variants.count < maxVariants else { return 0 }
        variants.append(keep(spelling))
        return 1 << UInt32(variants.count - 1)
    }

    /// Terms are merged in this many independent partitions, one thread each. A constant, not
    /// the core count, so the index files are the same on every machine.
    static let partitions = 8

    /// The index files, and the number of term shards (kept for the next incremental update).
    public struct IndexFiles: Sendable {
        public var files: [(path: String, bytes: [UInt8])]
        /// The files `write` took as they were made, with their sizes.
        public var written: [(path: String, size: Int)] = []
        public var shardCount: Int
        public var tokenizing: Tokenizing
    }

    /// Text split into terms by a whole build, and the CPU time that took summed over threads.
    public struct Tokenizing: Sendable {
        public var bytes = 0
        public var cpuSeconds = 0.0

        /// Megabytes a second on one core.
        public var megabytesPerSecond: Double { cpuSeconds > 0 ? Double(bytes) / 1e6 / cpuSeconds : 0 }
    }

    /// One document's terms, and the CPU time it took to make them.
    private struct TimedTermList: Sendable {
        var list: DocumentTermList
        var cpuSeconds: Double
    }

    /// The whole index, from every article.
    /// With `write`, each term shard is handed to it as it is made instead of being returned
    /// (it returns false when it could not write it): a full build held all of them, 450 MB at
    /// 100,000 articles, until the pages were written.
    public static func build(
        model: SiteModel, bodies: [RenderedBody], write: ((String, [UInt8]) -> Bool)? = nil
    ) -> IndexFiles {
        // Documents are tokenised a chunk at a time and merged at once: holding every
        // document's term table until one big merge took over a gigabyte at 10,000 articles.
        let tables = (0..<partitions).map { IndexPartition(number: $0) }
        let chunk = 512
        var tokenizing = Tokenizing()
        for start in stride(from: 0, to: model.articles.count, by: chunk) {
            let range = start..<min(model.articles.count, start + chunk)
            let perDocument = parallelMap(Array(range)) { i in
                let started = ThreadCPUTime.seconds()
                let list = DocumentTermList(
                    title: model.articles[i].title, body: searchedText(of: i, model: model, bodies: bodies))
                return TimedTermList(list: list, cpuSeconds: ThreadCPUTime.seconds() - started)
            }
            for document in perDocument {
                tokenizing.bytes += document.list.bytesRead
                tokenizing.cpuSeconds += document.cpuSeconds
            }
            DispatchQueue.concurrentPerform(iterations: partitions) { p in
                for (offset, document) in perDocument.enumerated() {
                    tables[p].merge(document.list, doc: Int32(start + offset))
                }
            }
        }
        let estimated = tables.reduce(0) { $0 + $1.estimatedBytes }
        let shardCount = max(1, (estimated + targetShardBytes - 1) / targetShardBytes)
        // Each partition writes its own pieces of every shard, and lets its postings go; a shard is
        // then its pieces joined in partition order, each piece sorted by term and let go once
        // joined. At 100,000 articles the postings, the pieces, the joined shards and a String of
        // each (some 450 MB apiece) were all held at the end of this stage, the build's peak.
        var pieces = parallelMap(Array(0..<partitions)) { p in
            defer { tables[p].removeAll() }
            return tables[p].serialize(shardCount: shardCount)
        }
        var files: [(path: String, bytes: [UInt8])] = []
        var written: [(path: String, size: Int)] = []
        for n in 0..<shardCount {
            var shard: [UInt8] = []
            shard.reserveCapacity(pieces.reduce(2) { $0 + $1[n].count + 1 })
            for p in pieces.indices where !pieces[p][n].isEmpty {
                shard.append(shard.isEmpty ? 0x7B : 0x2C)  // "{" or ","
                shard.append(contentsOf: pieces[p][n])
                pieces[p][n] = []
            }
            if shard.isEmpty { shard.append(0x7B) }
            shard.append(contentsOf: [0x7D, 0x0A])  // "}\n"
            let path = "\(SiteURLs.searchIndexFolder)/t/\(n).json"
            if let write {
                if write(path, shard) { written.append((path, shard.count)) }
            } else {
                files.append((path, shard))
            }
        }
        return IndexFiles(
            files: files + resultFiles(model: model, bodies: bodies, shardCount: shardCount), written: written,
            shardCount: shardCount, tokenizing: tokenizing)
    }

    /// The result entries (`search/d/`), the filter values and `search/meta.json`.
    static func resultFiles(model: SiteModel, bodies: [RenderedBody], shardCount: Int) -> [(
        path: String, bytes: [UInt8]
    )] {
        resultFiles(model: model, bodies: bodies, shardCount: shardCount, onlyGroupsOf: nil, previousOutput: nil).files
    }

    /// With `onlyGroupsOf`, the files of result entries holding none of those articles are kept
    /// from `previousOutput` (when there) instead of made again; filters and meta are made from
    /// the whole model, as they are cheap.
    static func resultFiles(
        model: SiteModel, bodies: [RenderedBody], shardCount: Int, onlyGroupsOf changed: [Int]?, previousOutput: URL?
    ) -> (files: [(path: String, bytes: [UInt8])], kept: [(path: String, size: Int)]) {
        var files: [(path: String, bytes: [UInt8])] = []
        var kept: [(path: String, size: Int)] = []
        let categoryIndex = Dictionary(
            uniqueKeysWithValues: model.categories.categories.enumerated().map { ($1.key, $0) })
        let zone = model.config.timeZone
        // By index, the fields alone: iterating the articles copies each one whole.
        let articles = model.articles.indices
        let years = articles.map { i in model.articles[i].date.map { LocalDateTime($0, in: zone).year } ?? 0 }
        let categories = articles.map { i in model.articles[i].categoryKey.flatMap { categoryIndex[$0] } ?? -1 }
        let changedGroups = changed.map { Set($0.map { $0 / docsPerShard }) }
        var groupsToMake: [Int] = []
        for group in 0..<((model.articles.count + docsPerShard - 1) / docsPerShard) {
            let path = "\(SiteURLs.searchIndexFolder)/d/\(group).json"
            if let changedGroups, !changedGroups.contains(group), let previousOutput,
                let size = OutputStaging.regularFileSize(previousOutput.path + "/" + path)
            {
                kept.append((path, size))
            } else {
                groupsToMake.append(group)
            }
        }
        // Each result entry (title, URL, date, category, snippet), built on every core.
        let dates = VietnameseDateFormat(zone: zone)
        let made = parallelMap(groupsToMake) { group in
            let entries = (group * docsPerShard..<min(model.articles.count, (group + 1) * docsPerShard)).map { i in
                let article = model.articles[i]
                // Only the start is shown: squeeze the white space of a short prefix, not the whole body.
                // A document is told by its trích yếu, which its body (often none) does not repeat.
                let text = article.document?.abstract ?? bodies[i].storedPlainText.start(scalars: snippetLength * 2)
                let snippet = shortened(squeezedStart(of: text, scalars: snippetLength * 2), to: snippetLength)
                let date = article.date.map { dates.short($0) } ?? ""
                return "[\(json(article.title)),\(json(article.url)),\(json(date)),\(categories[i]),\(json(snippet))]"
            }
            return (
                "\(SiteURLs.searchIndexFolder)/d/\(group).json",
                Array(("[" + entries.joined(separator: ",") + "]\n").utf8)
            )
        }
        files += made
        var yearsSeen: [Int] = []
        for year in years where !yearsSeen.contains(year) { yearsSeen.append(year) }
        let filterCategory = categories.map(String.init)
        let filterBloc = model.articles.indices.map { String(model.blocs.termsOfArticle[$0].first ?? -1) }
        let filterYear = years.map(String.init)
        files.append(
            (
                "\(SiteURLs.searchIndexFolder)/filters.json",
                Array(
                    "{\"category\":[\(filterCategory.joined(separator: ","))],\"bloc\":[\(filterBloc.joined(separator: ","))],\"year\":[\(filterYear.joined(separator: ","))]}\n"
                        .utf8)
            ))
        let categoryNames = model.categories.categories.map {
            json(String(repeating: "– ", count: $0.depth) + $0.title)
        }
        let blocs = model.blocs.terms.map { json($0.name) }
        let meta = """
            {"version":1,"shards":\(shardCount),"docsPerShard":\(docsPerShard),"count":\(model.articles.count),\
            "categories":[\(categoryNames.joined(separator: ","))],"blocs":[\(blocs.joined(separator: ","))],\
            "years":[\(yearsSeen.sorted(by: >).map(String.init).joined(separator: ","))]}

            """
        files.append(("\(SiteURLs.searchIndexFolder)/meta.json", Array(meta.utf8)))
        return (files, kept)
    }

    /// Everything the index is built from; equal fingerprints give equal index files. The
    /// article stamps (`documentStamps`) already cover each article's URL, title, summary and
    /// text, so those are not hashed a second time.
    public static func fingerprint(model: SiteModel, stamps: [UInt64]) -> UInt64 {
        var hasher = StableHasher()
        hasher.add("search-index-v2")
        hasher.add(EngineIdentity.value)
        hasher.add(UInt64(model.articles.count))
        for (i, article) in model.articles.enumerated() {
            hasher.add(stamps[i])
            hasher.add(article.categoryKey ?? "")
            hasher.add(UInt64(bitPattern: article.date?.secondsSince1970 ?? 0))
            hasher.add(UInt64(model.blocs.termsOfArticle[i].first ?? -1 &+ 1))
        }
        for category in model.categories.categories { hasher.add(category.title) }
        for bloc in model.blocs.terms { hasher.add(bloc.name) }
        return hasher.value
    }

    /// `"term":[[variants],[doc gap,title(,mask),...]]`; pairs of words have no variants or masks.
    static func appendTerm(_ term: String, _ postings: TermPostings, to out: inout [UInt8]) {
        appendTerm(
            term, variants: postings.variants, count: postings.docs.count, doc: { postings.docs[$0] },
            title: { postings.titles[$0] }, mask: { postings.masks[$0] }, to: &out)
    }

    /// The same, for `count` postings given by position, however they are stored.
    static func appendTerm(
        _ term: String, variants allVariants: [String], count: Int, doc: (Int) -> Int32, title: (Int) -> Bool,
        mask: (Int) -> UInt32, to out: inout [UInt8]
    ) {
        let variants = term.contains(" ") ? [] : allVariants
        out.append(contentsOf: json(term).utf8)
        out.append(contentsOf: ":[[".utf8)
        out.append(contentsOf: variants.map(json).joined(separator: ",").utf8)
        out.append(contentsOf: "],[".utf8)
        var last: Int32 = 0
        for k in 0..<count {
            if k > 0 { out.append(0x2C) }
            let number = doc(k)
            appendNumber(Int(number - last), to: &out)
            last = number
            out.append(0x2C)
            out.append(title(k) ? 0x31 : 0x30)
            if !variants.isEmpty {
                out.append(0x2C)
                appendNumber(Int(mask(k)), to: &out)
            }
        }
        out.append(contentsOf: "]]".utf8)
    }

    /// What an article's terms come from besides its title: its body's words, then its summary.
    static func searchedText(of article: Int, model: SiteModel, bodies: [RenderedBody]) -> [StoredText] {
        searchedText(plain: bodies[article].storedPlainText, summary: model.articles[article].summary ?? "")
    }

    static func searchedText(plain: StoredText, summary: String) -> [StoredText] { [plain, StoredText(summary)] }

    /// One document's terms by folded term, for patching a few documents into the index.
    static func terms(title: String, body: [StoredText]) -> DocumentTerms {
        let list = DocumentTermList(title: title, body: body)
        var document = DocumentTerms()
        for t in 0..<list.terms.count {
            var spellings: [String] = []
            list.forEachSpelling(of: t) { spellings.append(String(decoding: $0, as: UTF8.self)) }
            document.terms[String(decoding: list.terms.term(t), as: UTF8.self)] = TermInfo(
                title: list.inTitle[t], exact: spellings)
        }
        return document
    }

    /// The first `scalars` scalars of `text` with each run of white space made one space and none
    /// at either end; built as bytes, as splitting into Characters cost more than the rest.
    static func squeezedStart(of text: String, scalars limit: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(limit + 16)
        var pendingSpace = false
        var seen = 0
        for scalar in text.unicodeScalars {
            if seen == limit { break }
            seen += 1
            let v = scalar.value
            // Below U+2000 without asking for Unicode properties: they cost more than the rest of
            // the loop, and Vietnamese letters are all there. Those three are its only white space.
            let isWhitespace =
                v < 0x80
                ? (v == 0x20 || (0x09...0x0D).contains(v))
                : v < 0x2000 ? (v == 0x85 || v == 0xA0 || v == 0x1680) : scalar.properties.isWhitespace
            if isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(contentsOf: UTF8.encode(scalar)!)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text`'s first `limit` characters and "…" when it has more, else `text`. Where each of
    /// them is one scalar of Latin (all of Vietnamese), by scalars: counting characters asks
    /// where graphemes break at every scalar, most of making the result entries.
    static func shortened(_ text: String, to limit: Int) -> String {
        var scalars = 0
        var end = text.utf8.startIndex
        for scalar in text.unicodeScalars {
            let v = scalar.value
            // Each of these is a grapheme of its own: none extends, joins or prepends, and the
            // white space was squeezed to single spaces (no CR LF). Dashes, curly quotes and the
            // ellipsis (U+2010-2027, U+2030-205E) are among them: titles have them.
            guard
                v < 0x300 || (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v)
                    || (0x2030...0x205E).contains(v)
            else {
                return text.count > limit ? String(text.prefix(limit)) + "…" : text
            }
            if scalars == limit { return String(text[..<end]) + "…" }
            scalars += 1
            end = text.utf8.index(end, offsetBy: scalar.utf8.count)
        }
        return text
    }

    /// Decimal digits of a non-negative number, without making a String.
    static func appendNumber(_ number: Int, to out: inout [UInt8]) {
        if number < 10 {
            out.append(UInt8(0x30 + number))
            return
        }
        var digits: [UInt8] = []
        var n = number
        while n > 0 {
            digits.append(UInt8(0x30 + n % 10))
            n /= 10
        }
        out.append(contentsOf: digits.reversed())
    }

    /// FNV-1a, 32 bits, over the UTF-8 bytes; `js/search.js` has the same function.
    public static func fnv1a32(_ text: String) -> UInt32 { fnv1a32(text.utf8) }

    static func fnv1a32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash = fnvOffset
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* fnvPrime
        }
        return hash
    }

    static let fnvOffset: UInt32 = 0x811C_9DC5
    static let fnvPrime: UInt32 = 0x0100_0193

    static func json(_ text: String) -> String { JSONText.quoted(text) }
}
