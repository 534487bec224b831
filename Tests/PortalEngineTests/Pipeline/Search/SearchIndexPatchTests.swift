import Foundation
import Testing

@testable import PortalEngine

/// A rebuild after a few edited articles patches the previous index; what it serves must be
/// what a whole build of the same content serves.
@Suite struct SearchIndexPatchTests {
    static let syllables = [
        "thi", "đua", "khen", "thưởng", "hội", "hồi", "nghị", "sơ", "kết", "tổng", "khối", "cụm", "huyện", "Hạ",
        "Lang", "Trùng", "Khánh", "nông", "thôn", "mới", "đồng", "Đông", "năm", "2019", "2020", "phong", "trào",
        "biên", "giới", "Lạng", "Sơn", "kinh", "tế", "nội", "chính", "mặt", "trận",
    ]

    static func text(_ random: inout SeededRandom, words: Int) -> String {
        (0..<words).map { _ in syllables[Int(random.next() % UInt64(syllables.count))] }.joined(separator: " ")
    }

    static func article(_ site: TestSite, _ n: Int, day: Int, _ random: inout SeededRandom) throws {
        try site.article(
            "bai-\(n)",
            "title: \"\(text(&random, words: 4)) \(n)\"\nslug: bai-\(n)\ndate: 2019-07-\(String(format: "%02d", day))\ncategory: tin-tuc-su-kien",
            body: text(&random, words: 40) + ".\n\n" + text(&random, words: 25) + ".")
    }

    /// Every term with, for each document, its title flag and the exact spellings its mask names.
    static func meaning(of output: URL) throws -> [String: [Int32: String]] {
        var all: [String: [Int32: String]] = [:]
        let folder = output.appendingPathComponent("search/t")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let table = try #require(TermShardReader.parse([UInt8](data)), "\(name)")
            for (term, postings) in table {
                #expect(all[term] == nil, "\(term) in two shards")
                #expect(postings.docs == postings.docs.sorted(), "\(term)")
                var docs: [Int32: String] = [:]
                for k in postings.docs.indices {
                    var spellings: [String] = []
                    if !postings.masks.isEmpty {
                        for (v, variant) in postings.variants.enumerated()
                        where postings.masks[k] & (1 << UInt32(v)) != 0 {
                            spellings.append(variant)
                        }
                    }
                    docs[postings.docs[k]] =
                        (postings.titles[k] ? "title " : "") + spellings.sorted().joined(separator: ",")
                }
                all[term] = docs
            }
        }
        return all
    }

    /// Builds the site's current content whole, into another folder, without any cache.
    static func wholeBuild(_ site: TestSite) throws -> URL {
        let output = site.root.appendingPathComponent("whole-\(UUID().uuidString)")
        _ = try SiteBuilder.build(
            BuildOptions(sourceRoot: site.root, output: output, now: TestSite.now, useCache: false))
        return output
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func patchedIndexMeansWhatAWholeBuildMeans(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let site = try TestSite()
        for n in 0..<14 { try Self.article(site, n, day: 1 + n, &random) }
        #expect(try site.build().searchIndex == .rebuilt)
        for round in 0..<3 {
            // Edit one to three articles: new titles and bodies, dates kept (same positions).
            var edited = Set<Int>()
            for _ in 0...(random.next() % 3) { edited.insert(Int(random.next() % 14)) }
            for n in edited { try Self.article(site, n, day: 1 + n, &random) }
            let report = try site.build()
            #expect(report.searchIndex == .patched, "seed \(seed) round \(round)")
            let whole = try Self.wholeBuild(site)
            #expect(try Self.meaning(of: site.output) == Self.meaning(of: whole), "seed \(seed) round \(round)")
            for file in ["search/filters.json", "search/d/0.json", "search/d/1.json"] {
                #expect(
                    try String(contentsOf: site.output.appendingPathComponent(file), encoding: .utf8)
                        == String(contentsOf: whole.appendingPathComponent(file), encoding: .utf8), "\(file)")
            }
        }
    }

    /// An article whose many words are cut to a few: most shards lose its postings and get
    /// nothing new, and are patched all the same (they are not kept as they were).
    @Test func shardsThatOnlyLoseAnArticleArePatchedToo() throws {
        var random = SeededRandom(seed: 11)
        let site = try TestSite()
        for n in 0..<30 {
            let words = (0..<300).map { _ in "w\(random.next() % 100_000)" }.joined(separator: " ")
            try site.article(
                "bai-\(n)",
                "title: Bài \(n)\nslug: bai-\(n)\ncategory: tin-tuc-su-kien\ndate: 2019-07-\(String(format: "%02d", 1 + n % 28))",
                body: words + ".")
        }
        _ = try site.build()
        let shards = try FileManager.default.contentsOfDirectory(
            atPath: site.output.appendingPathComponent("search/t").path)
        #expect(shards.count > 4)
        try site.article(
            "bai-7", "title: Bài 7\nslug: bai-7\ncategory: tin-tuc-su-kien\ndate: 2019-07-08", body: "Ngắn.")
        #expect(try site.build().searchIndex == .patched)
        #expect(try Self.meaning(of: site.output) == Self.meaning(of: Self.wholeBuild(site)))
    }

    @Test func aMovedOrAddedArticleAndABrokenShardFallBackToAWholeBuild() throws {
        var random = SeededRandom(seed: 9)
        let site = try TestSite()
        for n in 0..<6 { try Self.article(site, n, day: 1 + n, &random) }
        _ = try site.build()
        // Nothing searchable changed: the index is kept as it is.
        #expect(try site.build().searchIndex == .reused)

        // A new article shifts every document number after it.
        try Self.article(site, 6, day: 20, &random)
        #expect(try site.build().searchIndex == .rebuilt)

        // A shard the previous build did not write as it writes them (edited by hand).
        try Self.article(site, 2, day: 3, &random)
        let shard = site.output.appendingPathComponent("search/t/0.json")
        try Data("{\"thi\":[[\"thi\"],[0,1,\\u0031]]}\n".utf8).write(to: shard)
        let report = try site.build()
        #expect(report.searchIndex == .rebuilt)
        #expect(try Self.meaning(of: site.output) == Self.meaning(of: Self.wholeBuild(site)))

        // A moved article (new date) keeps patching when few positions change, and stays right.
        try Self.article(site, 0, day: 2, &random)
        _ = try site.build()
        #expect(try Self.meaning(of: site.output) == Self.meaning(of: Self.wholeBuild(site)))
    }

    /// The scan that lets a patch keep a shard unparsed says whether it names a document
    /// exactly when the parsed shard does; on anything else it says yes, so the shard is parsed.
    @Test func theShardScanFindsTheDocumentsTheParsedShardHas() throws {
        var random = SeededRandom(seed: 5)
        for round in 0..<200 {
            var table: [String: SearchIndexBuilder.TermPostings] = [:]
            for t in 0..<Int(1 + random.next() % 6) {
                let term = t % 2 == 0 ? "t\(t)" : "t\(t) u"
                let postings = SearchIndexBuilder.TermPostings(hash: SearchIndexBuilder.fnv1a32(term))
                var doc: Int32 = 0
                for _ in 0..<Int(1 + random.next() % 8) {
                    doc += Int32(random.next() % 40)
                    guard postings.docs.last != doc else { continue }
                    let info = SearchIndexBuilder.TermInfo(
                        title: random.next() % 2 == 0, exact: term.contains(" ") ? [] : ["x\(random.next() % 3)"])
                    postings.insert(doc: doc, info: info)
                }
                table[term] = postings
            }
            let bytes = Array(SearchIndexBuilder.shardText(table).utf8)
            let named = Set(table.values.flatMap(\.docs))
            for _ in 0..<10 {
                let docs = Set((0..<Int(1 + random.next() % 3)).map { _ in Int32(random.next() % 300) })
                #expect(
                    TermShardReader.names(anyOf: docs, in: bytes) == !docs.isDisjoint(with: named),
                    "round \(round): \(docs) in \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(!TermShardReader.names(anyOf: [3], in: Array("{}\n".utf8)))
        for bad in ["", "{", #"{"a":[[],[0,x]]}"#, #"{"a\"b":[[],[0,1]]}"#, #"{"a":[[],[0,1]]"#] {
            #expect(TermShardReader.names(anyOf: [7], in: Array(bad.utf8)), "\(bad)")
        }
    }

    @Test func theShardReaderTakesOnlyWhatTheBuilderWrites() throws {
        func parse(_ text: String) -> [String: SearchIndexBuilder.TermPostings]? {
            TermShardReader.parse(Array(text.utf8))
        }
        let table = try #require(parse(#"{"hoi":[["hội","hồi"],[0,1,1,2,0,2]],"thi dua":[[],[0,1,1,0]]}"# + "\n"))
        #expect(table["hoi"]?.docs == [0, 2])
        #expect(table["hoi"]?.masks == [1, 2])
        #expect(table["thi dua"]?.docs == [0, 1])
        #expect(table["thi dua"]?.titles == [true, false])
        #expect(parse("{}\n")?.isEmpty == true)
        for bad in [
            "", "{", "{}x", #"{"a":[[],[0,1,2]]}"#, #"{"a":[["b"],[0,1]]}"#, #"{"a\"b":[[],[0,1]]}"#,
            #"{"a":[[],[0,2]]}"#, #"{"a":[[],[0,1]],"a":[[],[0,1]]}"#, #"{"a":[[],[]]}"#,
        ] {
            #expect(parse(bad) == nil, "\(bad)")
        }
    }
}
