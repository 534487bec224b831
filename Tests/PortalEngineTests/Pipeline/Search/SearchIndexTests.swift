import Foundation
import Testing

@testable import PortalEngine

@Suite struct SearchIndexTests {
    func build(_ files: [(String, String)]) throws -> (TestSite, [String: String]) {
        let site = try TestSite()
        for (name, front) in files {
            try site.article(name, front.components(separatedBy: "|")[0], body: front.components(separatedBy: "|")[1])
        }
        _ = try site.build()
        var out: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(
            atPath: site.output.appendingPathComponent("search").path)!
        {
            if path.hasSuffix(".json") {
                out[path] = try String(
                    contentsOf: site.output.appendingPathComponent("search/" + path), encoding: .utf8)
            }
        }
        return (site, out)
    }

    /// A whole build writes each term file as it is made: the same files, none held back.
    @Test func aWholeIndexHandsEachTermFileOverAsItIsMade() throws {
        let model = try RelatedNewsTests().model(
            (0..<40).map { ("a\($0)", "date: 2020-01-\(10 + $0 % 18)\ncategory: c1") })
        let bodies = model.articles.indices.map {
            RenderedBody(html: "", summary: "", plainText: "Hội nghị thi đua số \($0), từ riêng tu\($0)")
        }
        let held = SearchIndexBuilder.build(model: model, bodies: bodies)
        var handed: [String: [UInt8]] = [:]
        let streamed = SearchIndexBuilder.build(model: model, bodies: bodies) { path, bytes in
            handed[path] = bytes
            return true
        }
        let shards = held.files.filter { $0.path.contains("/t/") }
        #expect(!shards.isEmpty)
        #expect(streamed.files.allSatisfy { !$0.path.contains("/t/") })
        #expect(Dictionary(uniqueKeysWithValues: shards.map { ($0.path, $0.bytes) }) == handed)
        #expect(streamed.written.map(\.path).sorted() == handed.keys.sorted())
        #expect(streamed.written.allSatisfy { handed[$0.path]?.count == $0.size })
    }

    @Test func snippetsSqueezeWhiteSpaceOfTheStartOnly() {
        #expect(
            SearchIndexBuilder.squeezedStart(of: "  Hội \n\n nghị\t\u{00A0}thi đua  ", scalars: 100)
                == "Hội nghị thi đua")
        #expect(SearchIndexBuilder.squeezedStart(of: "Hội nghị thi đua", scalars: 7) == "Hội ngh")
        #expect(SearchIndexBuilder.squeezedStart(of: "a    b", scalars: 4) == "a")
        #expect(SearchIndexBuilder.squeezedStart(of: "", scalars: 4) == "")
    }

    @Test func snippetsSqueezeEveryKindOfWhiteSpace() {
        // U+0085, U+1680 and U+3000 are white space; U+200B and U+00AD are not.
        let text = "a\u{0085}b\u{1680}c\u{3000}d\u{2003}e\u{200B}f\u{00AD}g"
        #expect(SearchIndexBuilder.squeezedStart(of: text, scalars: 100) == "a b c d e\u{200B}f\u{00AD}g")
    }

    @Test func snippetsAreCutAtCharactersAsStringsCountThem() {
        // Scalars that make one character with the one before (marks of NFD text, a joiner, an
        // emoji's skin tone, a flag's second half), and those that stand alone.
        let alphabet: [String] = [
            "a", "ộ", "đ", " ", "\u{0301}", "\u{0323}", "\u{200D}", "👍", "\u{1F3FD}", "🇻", "🇳", "\u{00AD}", "e",
            "–", "“", "”", "…", "\u{2028}", "\u{2060}", "\u{205F}", "\u{200C}",
        ]
        var random = SeededRandom(seed: 7)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }.joined()
            for limit in 0...8 {
                let expected = text.count > limit ? String(text.prefix(limit)) + "…" : text
                #expect(SearchIndexBuilder.shortened(text, to: limit) == expected, "\(Array(text.unicodeScalars))")
            }
        }
        #expect(SearchIndexBuilder.shortened("Hội nghị", to: 3) == "Hội…")
        #expect(SearchIndexBuilder.shortened("Hội", to: 3) == "Hội")
    }

    @Test func hashIsFNV1a32AsInTheBrowser() {
        #expect(SearchIndexBuilder.fnv1a32("thi dua") == 0x6f5b_f0f6)  // the same value node computes
    }

    @Test func termsAndPairsLandInTheirShardWithTitleFlagsAndSpellings() throws {
        let (_, files) = try build([
            ("a", "title: Hội nghị thi đua\ndate: 2019-07-10\ncategory: tin-tuc-su-kien|Đông đủ đại biểu."),
            (
                "b",
                "title: Tin khác\ndate: 2019-07-09\ncategory: tin-tuc-su-kien|Hồi đầu năm, phong trào thi đua sôi nổi."
            ),
        ])
        let meta = try #require(files["meta.json"])
        let shardCount = Int(meta.components(separatedBy: "\"shards\":")[1].prefix { $0.isNumber })!
        func entry(_ term: String) -> String? {
            let shard = files["t/\(SearchIndexBuilder.fnv1a32(term) % UInt32(shardCount)).json"] ?? ""
            guard let range = shard.range(of: "\"\(term)\":") else { return nil }
            return String(shard[range.upperBound...].prefix { $0 != "]" }) + "]"
        }
        // Doc 0 is the newer article (a). "hoi": a has "hội" in its title (spelling 0, mask 1),
        // b has "hồi" in its body (spelling 1, mask 2); doc numbers are deltas.
        #expect(entry("hoi") == #"[["hội","hồi"]"#)
        #expect(files.values.contains { $0.contains(#""hoi":[["hội","hồi"],[0,1,1,1,0,2]]"#) })
        // The pair "thi dua" is indexed for both, in a's title.
        #expect(files.values.contains { $0.contains(#""thi dua":[[],[0,1,1,0]]"#) })
        #expect(entry("dong") != nil)
        #expect(entry("khong co") == nil)
    }

    @Test func documentShardsCarryWhatResultsShow() throws {
        let (_, files) = try build([
            ("a", "title: Tin <b>một</b>\nslug: tin-mot\ndate: 2019-07-10\ncategory: chinh-tri-kt-vh-xh|Nội dung.")
        ])
        let docs = try #require(files["d/0.json"])
        #expect(docs.contains(#"["Tin \u003cb>một\u003c/b>","/tin-mot/","10/07/2019",1,"Nội dung."]"#))
        #expect(try #require(files["filters.json"]).contains(#""category":[1]"#))
        #expect(try #require(files["meta.json"]).contains(#""years":[2019]"#))
    }

    @Test func theSearchPageAndHeaderBoxExist() throws {
        let (site, _) = try build([("a", "title: Tin\ndate: 2019-07-10\ncategory: tin-tuc-su-kien|x")])
        let page = try site.html("tim-kiem/index.html")
        #expect(page.contains(#"<script src="/js/search.js" defer data-index="/search/"></script>"#))
        #expect(
            try site.html("index.html").contains(
                #"<form class="topbar-search" role="search" action="/tim-kiem/" method="get">"#))
        #expect(site.exists("js/search.js"))
    }
}
