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
    }

    /// One document's terms by folded term. Structs, not tuples: generic containers of tuples
    /// asked the runtime for metadata on every access.
    struct DocumentTerms: Sendable {
        var terms: [String: TermInfo] = [:]
    }

    /// A term's postings as columns: compact, and appended to in place (a class, so the
    /// dictionary holding it is not copied on every append).
    final class TermPostings {
        var variants: [String] = []
        var docs: [Int32] = []
        var titles: [Bool] = []
        var masks: [UInt32] = []
    }

    public static func build(model: SiteModel, bodies: [RenderedBody]) -> [(path: String, text: String)] {
        // Documents are tokenised a chunk at a time and merged at once: holding every
        // document's term table until one big merge took over a gigabyte at 10,000 articles.
        var table: [String: TermPostings] = [:]
        let chunk = 512
        for start in stride(from: 0, to: model.articles.count, by: chunk) {
            let range = start..<min(model.articles.count, start + chunk)
            let perDocument = parallelMap(Array(range)) { i in
                terms(
                    title: model.articles[i].title, body: bodies[i].plainText + " " + (model.articles[i].summary ?? ""))
            }
            for (offset, document) in perDocument.enumerated() {
                let doc = Int32(start + offset)
                for (term, info) in document.terms {
                    let postings: TermPostings
                    if let existing = table[term] {
                        postings = existing
                    } else {
                        postings = TermPostings()
                        table[term] = postings
                    }
                    postings.docs.append(doc)
                    postings.titles.append(info.title)
                    if !info.exact.isEmpty {
                        var mask: UInt32 = 0
                        for e in info.exact {
                            if let v = postings.variants.firstIndex(of: e) {
                                mask |= 1 << UInt32(v)
                            } else if postings.variants.count < 30 {
                                postings.variants.append(e)
                                mask |= 1 << UInt32(postings.variants.count - 1)
                            }
                        }
                        postings.masks.append(mask)
                    }
                }
            }
        }
        let estimated = table.reduce(0) { $0 + $1.key.utf8.count + 8 + $1.value.docs.count * 7 }
        let shardCount = max(1, (estimated + targetShardBytes - 1) / targetShardBytes)
        var shards = Array(repeating: [UInt8](), count: shardCount)
        for term in table.keys.sorted() {
            let postings = table[term]!
            let variants = term.contains(" ") ? [] : postings.variants
            var out = [UInt8]()
            out.reserveCapacity(term.utf8.count + 16 + postings.docs.count * 6)
            out.append(contentsOf: json(term).utf8)
            out.append(contentsOf: ":[[".utf8)
            out.append(contentsOf: variants.map(json).joined(separator: ",").utf8)
            out.append(contentsOf: "],[".utf8)
            var last: Int32 = 0
            for k in postings.docs.indices {
                if k > 0 { out.append(0x2C) }
                appendNumber(Int(postings.docs[k] - last), to: &out)
                last = postings.docs[k]
                out.append(0x2C)
                out.append(postings.titles[k] ? 0x31 : 0x30)
                if !variants.isEmpty {
                    out.append(0x2C)
                    appendNumber(Int(postings.masks[k]), to: &out)
                }
            }
            out.append(contentsOf: "]]".utf8)
            let n = Int(fnv1a32(term) % UInt32(shardCount))
            shards[n].append(shards[n].isEmpty ? 0x7B : 0x2C)  // "{" or ","
            shards[n].append(contentsOf: out)
        }
        table.removeAll()
        var files: [(String, String)] = []
        for (n, bytes) in shards.enumerated() {
            files.append(("search/t/\(n).json", (bytes.isEmpty ? "{" : String(decoding: bytes, as: UTF8.self)) + "}\n"))
        }

        let categoryIndex = Dictionary(
            uniqueKeysWithValues: model.categories.categories.enumerated().map { ($1.key, $0) })
        var years: [Int] = []
        var filterCategory: [String] = []
        var filterBloc: [String] = []
        var filterYear: [String] = []
        var docShard: [String] = []
        let dates = VietnameseDateFormat(zone: model.config.timeZone)
        for (i, article) in model.articles.enumerated() {
            let year = article.date.map { LocalDateTime($0, in: model.config.timeZone).year } ?? 0
            if !years.contains(year) { years.append(year) }
            let category = article.categoryKey.flatMap { categoryIndex[$0] } ?? -1
            let bloc = model.blocs.termsOfArticle[i].first ?? -1
            filterCategory.append(String(category))
            filterBloc.append(String(bloc))
            filterYear.append(String(year))
            // Only the start is shown: squeeze the white space of a short prefix, not the whole body.
            var snippet = String(bodies[i].plainText.unicodeScalars.prefix(snippetLength * 2))
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if snippet.count > snippetLength { snippet = String(snippet.prefix(snippetLength)) + "…" }
            let date = article.date.map { dates.short($0) } ?? ""
            docShard.append("[\(json(article.title)),\(json(article.url)),\(json(date)),\(category),\(json(snippet))]")
            if docShard.count == docsPerShard || i == model.articles.count - 1 {
                files.append(("search/d/\(i / docsPerShard).json", "[" + docShard.joined(separator: ",") + "]\n"))
                docShard.removeAll()
            }
        }
        files.append(
            (
                "search/filters.json",
                "{\"category\":[\(filterCategory.joined(separator: ","))],\"bloc\":[\(filterBloc.joined(separator: ","))],\"year\":[\(filterYear.joined(separator: ","))]}\n"
            ))
        let categories = model.categories.categories.map { json(String(repeating: "– ", count: $0.depth) + $0.title) }
        let blocs = model.blocs.terms.map { json($0.name) }
        let meta = """
            {"version":1,"shards":\(shardCount),"docsPerShard":\(docsPerShard),"count":\(model.articles.count),\
            "categories":[\(categories.joined(separator: ","))],"blocs":[\(blocs.joined(separator: ","))],\
            "years":[\(years.sorted(by: >).map(String.init).joined(separator: ","))]}

            """
        files.append(("search/meta.json", meta))
        return files
    }

    /// Everything the index is built from; equal fingerprints give equal index files.
    public static func fingerprint(model: SiteModel, bodies: [RenderedBody]) -> UInt64 {
        var hasher = StableHasher()
        hasher.add("search-index-v1")
        hasher.add(EngineIdentity.value)
        hasher.add(UInt64(model.articles.count))
        for (i, article) in model.articles.enumerated() {
            hasher.add(article.title)
            hasher.add(article.url)
            hasher.add(article.summary ?? "")
            hasher.add(article.categoryKey ?? "")
            hasher.add(UInt64(bitPattern: article.date?.secondsSince1970 ?? 0))
            hasher.add(UInt64(model.blocs.termsOfArticle[i].first ?? -1 &+ 1))
            hasher.add(bodies[i].plainText)
        }
        for category in model.categories.categories { hasher.add(category.title) }
        for bloc in model.blocs.terms { hasher.add(bloc.name) }
        return hasher.value
    }

    static func terms(title: String, body: String) -> DocumentTerms {
        var document = DocumentTerms()
        document.terms.reserveCapacity(1024)
        for (text, isTitle) in [(title, true), (body, false)] {
            let tokens = SearchTokenizer.tokens(text)
            for (k, token) in tokens.enumerated() {
                var entry = document.terms[token.folded] ?? TermInfo()
                entry.title = entry.title || isTitle
                if !entry.exact.contains(token.exact) { entry.exact.append(token.exact) }
                document.terms[token.folded] = entry
                if k + 1 < tokens.count {
                    let pair = token.folded + " " + tokens[k + 1].folded
                    var pairEntry = document.terms[pair] ?? TermInfo()
                    pairEntry.title = pairEntry.title || isTitle
                    document.terms[pair] = pairEntry
                }
            }
        }
        return document
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
    public static func fnv1a32(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    static func json(_ text: String) -> String {
        let body = TextEscaping.escape(text) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "<": return "\\u003c"  // no "</script>" surprises if a file is ever inlined
            default: return scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
            }
        }
        return "\"" + body + "\""
    }
}
