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

    /// One document's terms: folded term → (in title, exact spellings for single syllables).
    struct DocumentTerms: Sendable {
        var terms: [String: (title: Bool, exact: Set<String>)] = [:]
    }

    public static func build(model: SiteModel, bodies: [RenderedBody]) -> [(path: String, text: String)] {
        let perDocument = parallelMap(Array(model.articles.indices)) { i in
            terms(title: model.articles[i].title, body: bodies[i].plainText + " " + (model.articles[i].summary ?? ""))
        }
        // term → postings in document order: (doc, title flag, exact spellings)
        var postings: [String: [(doc: Int, title: Bool, exact: Set<String>)]] = [:]
        for (doc, document) in perDocument.enumerated() {
            for (term, info) in document.terms {
                postings[term, default: []].append((doc, info.title, info.exact))
            }
        }
        let estimated = postings.reduce(0) { $0 + $1.key.utf8.count + 8 + $1.value.count * 7 }
        let shardCount = max(1, (estimated + targetShardBytes - 1) / targetShardBytes)
        var shards = Array(repeating: [String](), count: shardCount)
        for term in postings.keys.sorted() {
            let list = postings[term]!
            var variants: [String] = []
            if !term.contains(" ") {
                var seen = Set<String>()
                for p in list {
                    for e in p.exact.sorted() where !seen.contains(e) {
                        seen.insert(e)
                        variants.append(e)
                    }
                }
                if variants.count > 30 { variants = Array(variants.prefix(30)) }
            }
            let variantIndex = Dictionary(uniqueKeysWithValues: variants.enumerated().map { ($1, $0) })
            var numbers: [String] = []
            numbers.reserveCapacity(list.count * 3)
            var last = 0
            for p in list {
                numbers.append(String(p.doc - last))
                last = p.doc
                numbers.append(p.title ? "1" : "0")
                if !variants.isEmpty {
                    var mask = 0
                    for e in p.exact { if let v = variantIndex[e] { mask |= 1 << v } }
                    numbers.append(String(mask))
                }
            }
            let entry =
                "\(json(term)):[[\(variants.map(json).joined(separator: ","))],[\(numbers.joined(separator: ","))]]"
            shards[Int(fnv1a32(term) % UInt32(shardCount))].append(entry)
        }
        var files: [(String, String)] = []
        for (n, entries) in shards.enumerated() {
            files.append(("search/t/\(n).json", "{" + entries.joined(separator: ",") + "}\n"))
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
            var snippet = bodies[i].plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
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

    static func terms(title: String, body: String) -> DocumentTerms {
        var document = DocumentTerms()
        for (text, isTitle) in [(title, true), (body, false)] {
            let tokens = SearchTokenizer.tokens(text)
            for (k, token) in tokens.enumerated() {
                var entry = document.terms[token.folded] ?? (false, [])
                entry.title = entry.title || isTitle
                entry.exact.insert(token.exact)
                document.terms[token.folded] = entry
                if k + 1 < tokens.count {
                    let pair = token.folded + " " + tokens[k + 1].folded
                    var pairEntry = document.terms[pair] ?? (false, [])
                    pairEntry.title = pairEntry.title || isTitle
                    document.terms[pair] = pairEntry
                }
            }
        }
        return document
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
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"  // no "</script>" surprises if a file is ever inlined
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
