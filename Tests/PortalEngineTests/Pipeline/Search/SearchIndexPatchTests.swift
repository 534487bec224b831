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
        let site = try Self.manyShardSite(seed: 11)
        _ = try site.build()
        let shards = try FileManager.default.contentsOfDirectory(
            atPath: site.output.appendingPathComponent("search/t").path)
        #expect(shards.count > 4)
        try site.article(
            "bai-7", "title: Bài 7\nslug: bai-7\ncategory: tin-tuc-su-kien\ndate: 2019-07-08", body: "Ngắn.")
        #expect(try site.build().searchIndex == .patched)
        #expect(try Self.meaning(of: site.output) == Self.meaning(of: Self.wholeBuild(site)))
    }

    /// Thirty articles of many words, in many shards; each seed gives the same site.
    static func manyShardSite(seed: UInt64) throws -> TestSite {
        var random = SeededRandom(seed: seed)
        let site = try TestSite()
        for n in 0..<30 {
            let words = (0..<300).map { _ in "w\(random.next() % 100_000)" }.joined(separator: " ")
            try site.article(
                "bai-\(n)",
                "title: Bài \(n)\nslug: bai-\(n)\ncategory: tin-tuc-su-kien\ndate: 2019-07-\(String(format: "%02d", 1 + n % 28))",
                body: words + ".")
        }
        return site
    }

    static func searchFiles(_ output: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["search/t", "search/d"] {
            for name in try FileManager.default.contentsOfDirectory(
                atPath: output.appendingPathComponent(folder).path)
            {
                files[folder + "/" + name] = try Data(contentsOf: output.appendingPathComponent(folder + "/" + name))
            }
        }
        return files
    }

    /// An edit that adds a word reads the shards of the terms it changed, not every shard the
    /// article is in; the index is the one a patch reading every shard makes (that patch runs
    /// when the article's previous text is gone: here the store of bodies is deleted).
    @Test func anEditReadsOnlyTheShardsOfTheTermsItChanged() throws {
        let (site, without) = (try Self.manyShardSite(seed: 11), try Self.manyShardSite(seed: 11))
        _ = try site.build()
        _ = try without.build()
        let shards = try FileManager.default.contentsOfDirectory(
            atPath: site.output.appendingPathComponent("search/t").path
        ).count
        #expect(shards > 10)
        for edited in [site, without] {
            let path = edited.root.appendingPathComponent("content/articles/bai-7.md")
            var text = try String(contentsOf: path, encoding: .utf8)
            text = text.replacingOccurrences(of: ".\n", with: " mới.\n")
            try Data(text.utf8).write(to: path)
        }
        try FileManager.default.removeItem(at: DocumentStore.url(sourceRoot: without.root))

        let report = try site.build()
        #expect(report.searchIndex == .patched)
        let read = try #require(report.searchShardsRead)
        // "mới", and the pair the article's last word makes with it.
        #expect(read.of == shards && read.read >= 1 && read.read <= 2, "\(read)")
        let fallback = try without.build()
        #expect(fallback.searchIndex == .patched)
        #expect(fallback.searchShardsRead?.read == shards)
        #expect(try Self.searchFiles(site.output) == Self.searchFiles(without.output))
        #expect(try Self.meaning(of: site.output) == Self.meaning(of: Self.wholeBuild(site)))
    }

    /// The preview keeps the previous bodies in its memory: its patch reads few shards too.
    @Test func thePreviewsMemoryGivesThePreviousText() throws {
        let site = try Self.manyShardSite(seed: 12)
        var options = BuildOptions(sourceRoot: site.root, now: TestSite.now)
        options.documentMemory = DocumentMemory()
        _ = try SiteBuilder.build(options)
        // A title edited: "sửa", and the pair "3 sửa", are new; its other terms stay.
        let path = site.root.appendingPathComponent("content/articles/bai-3.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Bài 3\n", with: "title: Bài 3 sửa\n").utf8).write(to: path)
        let report = try SiteBuilder.build(options)
        #expect(report.searchIndex == .patched)
        let read = try #require(report.searchShardsRead)
        #expect(read.read >= 1 && read.read <= 2, "\(read)")
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

    /// The reference a shard patch must equal: the shard parsed whole, the changed documents
    /// removed and added, and every term written again in a whole build's order.
    static func reference(
        _ bytes: [UInt8], removing removed: Set<Int32>, adding additions: [SearchIndexBuilder.PatchedTerm]
    ) -> String? {
        guard let table = TermShardReader.parse(bytes) else { return nil }
        var patched = table
        for postings in patched.values { postings.remove(removed) }
        for addition in additions {
            let postings = patched[addition.term] ?? SearchIndexBuilder.TermPostings(hash: addition.hash)
            patched[addition.term] = postings
            postings.insert(doc: addition.doc, info: addition.info)
        }
        return written(patched)
    }

    /// A shard's terms in the order a whole build writes them: by partition, then by term.
    static func written(_ table: [String: SearchIndexBuilder.TermPostings]) -> String {
        var out: [UInt8] = [0x7B]
        let partitions = UInt32(SearchIndexBuilder.partitions)
        let ordered = table.filter { !$0.value.docs.isEmpty }.sorted {
            let (p0, p1) = ($0.value.hash % partitions, $1.value.hash % partitions)
            return p0 != p1 ? p0 < p1 : $0.key < $1.key
        }
        for (k, entry) in ordered.enumerated() {
            if k > 0 { out.append(0x2C) }
            SearchIndexBuilder.appendTerm(entry.key, entry.value, to: &out)
        }
        return String(decoding: out, as: UTF8.self) + "}\n"
    }

    static func randomShard(_ random: inout SeededRandom) -> [String: SearchIndexBuilder.TermPostings] {
        var table: [String: SearchIndexBuilder.TermPostings] = [:]
        for _ in 0..<Int(random.next() % 12) {
            let term = randomTerm(&random)
            guard table[term] == nil else { continue }
            let postings = SearchIndexBuilder.TermPostings(hash: SearchIndexBuilder.fnv1a32(term))
            var doc: Int32 = 0
            for _ in 0..<Int(1 + random.next() % 8) {
                doc += Int32(random.next() % 8)
                guard postings.docs.last != doc else { continue }
                postings.insert(doc: doc, info: randomInfo(term, &random))
            }
            table[term] = postings
        }
        return table
    }

    static func randomTerm(_ random: inout SeededRandom) -> String {
        let words = ["thi", "đua", "hội", "a", "b", "c", "d", "ư", "2019"]
        let first = words[Int(random.next() % UInt64(words.count))]
        return random.next() % 3 == 0 ? first + " " + words[Int(random.next() % UInt64(words.count))] : first
    }

    static func randomInfo(_ term: String, _ random: inout SeededRandom) -> SearchIndexBuilder.TermInfo {
        SearchIndexBuilder.TermInfo(
            title: random.next() % 2 == 0,
            exact: term.contains(" ") ? [] : (0..<Int(1 + random.next() % 2)).map { _ in "x\(random.next() % 3)" })
    }

    /// A shard patched as bytes is the shard parsed, patched and written whole: the same bytes,
    /// whether the changed documents lose terms, keep them or gain new ones.
    @Test func aShardPatchedAsBytesIsTheShardWrittenAgain() throws {
        var random = SeededRandom(seed: 5)
        var unchanged = 0
        for round in 0..<2_000 {
            let bytes = Array(Self.written(Self.randomShard(&random)).utf8)
            let removed = Set((0..<Int(random.next() % 3)).map { _ in Int32(random.next() % 40) })
            var additions: [SearchIndexBuilder.PatchedTerm] = []
            for doc in removed.sorted() where random.next() % 4 != 0 {
                var terms: Set<String> = []
                for _ in 0..<Int(random.next() % 6) { terms.insert(Self.randomTerm(&random)) }
                for term in terms.sorted() {
                    additions.append(
                        .init(
                            term: term, hash: SearchIndexBuilder.fnv1a32(term), doc: doc,
                            info: Self.randomInfo(term, &random)))
                }
            }
            let patched = try #require(SearchIndexBuilder.patchShard(bytes, removing: removed, adding: additions))
            let expected = try #require(Self.reference(bytes, removing: removed, adding: additions))
            #expect(String(decoding: patched, as: UTF8.self) == expected, "round \(round)")
            if patched == bytes { unchanged += 1 }
        }
        #expect(unchanged > 100 && unchanged < 1_900)  // both kinds of shard were tried
        for bad in ["", "{", "{}x", #"{"a":[[],[0,x]]}"#, #"{"a\"b":[[],[0,1]]}"#, #"{"a":[[],[0,1]]"#] {
            #expect(SearchIndexBuilder.patchShard(Array(bad.utf8), removing: [7], adding: []) == nil, "\(bad)")
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
