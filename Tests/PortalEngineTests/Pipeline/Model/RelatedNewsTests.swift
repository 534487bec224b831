import Foundation
import Testing

@testable import PortalEngine

/// A hand-checked example: bloc 60, each shared unit 30, each shared tag 20; ties by nearness in date.
@Suite struct RelatedNewsTests {
    static let siteYAML = """
        title: T
        base_url: https://x.vn/
        related_count: 3
        categories:
          - key: c1
            title: C1
            children:
              - key: c1a
                title: C1a
          - key: c2
            title: C2
        """

    func model(_ articles: [(String, String)]) throws -> SiteModel {
        let (config, problems) = SiteConfigLoader.parse(Self.siteYAML)
        #expect(problems.isEmpty)
        let parser = FrontMatterParser(dates: DateParser(zone: try #require(config).timeZone))
        var docs: [SourceDocument] = []
        for (name, yaml) in articles {
            let ref = SourceFileRef(sourcePath: "content/\(name).md", relativePath: "\(name).md")
            let (front, diags) = parser.parse("title: \(name)\n" + yaml, file: ref.sourcePath, firstLine: 2)
            #expect(diags.isEmpty, "\(diags)")
            docs.append(
                SourceDocument(
                    file: ref, kind: .article, frontMatter: try #require(front), markdown: StoredText(""),
                    bodyFirstLine: 1))
        }
        let loaded = LoadedSite(
            config: try #require(config), documents: docs, contentAssets: [], staticAssets: [], diagnostics: [])
        let (model, diagnostics) = ModelBuilder.build(loaded, includeDrafts: false)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return model
    }

    func titles(_ model: SiteModel, _ list: KeyPath<RelatedNews, [[Int]]>, of title: String) throws -> [String] {
        let i = try #require(model.articles.firstIndex { $0.title == title })
        return model.related[keyPath: list][i].map { model.articles[$0].title }
    }

    @Test func rankedByWeightedSharedTermsThenNearnessInDate() throws {
        let m = try model([
            ("a0", "date: 2020-01-10\ncategory: c1\nbloc: X\nunits: [u1, u2]\ntags: [t1]"),
            ("a1", "date: 2020-01-09\ncategory: c1\nbloc: X"),  // 60
            ("a2", "date: 2020-01-08\ncategory: c2\nbloc: Y\nunits: [u1, u2]\ntags: [t1]"),  // 30+30+20 = 80
            ("a3", "date: 2020-01-07\ncategory: c2\nbloc: Y\nunits: [U1]"),  // 30 (unit merged across case)
            ("a4", "date: 2020-01-12\ncategory: c2\ntags: [t1]"),  // 20
            ("a5", "date: 2020-01-01\ncategory: c2\nbloc: x\nunits: [u1]\ntags: [t1]"),  // 60+30+20 = 110
            ("a6", "date: 2020-01-05\ncategory: c2\nbloc: Z"),
            ("a7", "date: 2020-01-04\ncategory: c2\nbloc: Z"),
            ("a8", "date: 2020-01-06\ncategory: c2\nbloc: Z"),
            ("a9", "date: 2020-01-03\ncategory: c2"),  // shares nothing
        ])
        #expect(try titles(m, \.related, of: "a0") == ["a5", "a2", "a1"])
        // a7 and a8 both score 60 and are one day from a6: the newer one first.
        #expect(try titles(m, \.related, of: "a6") == ["a8", "a7"])
        // a3 shares unit u1 with a0, a2 and a5 (30 each) and bloc Y with a2 (60): a2, then nearest in date.
        #expect(try titles(m, \.related, of: "a3") == ["a2", "a0", "a5"])
        #expect(try titles(m, \.related, of: "a9") == [])
        #expect(m.articles.indices.allSatisfy { !m.related.related[$0].contains($0) })
    }

    @Test func newerAndOlderAreTheSameCategoryNearestFirst() throws {
        var list: [(String, String)] = (0..<8).map { ("b\($0)", "date: 2020-02-1\($0)\ncategory: c1a") }
        list.append(("p", "date: 2020-02-15\ncategory: c1"))  // the parent's own article is another category
        let m = try model(list)
        #expect(try titles(m, \.newer, of: "b4") == ["b5", "b6", "b7"])
        #expect(try titles(m, \.older, of: "b4") == ["b3", "b2", "b1"])
        #expect(try titles(m, \.newer, of: "b7") == [])
        #expect(try titles(m, \.older, of: "b1") == ["b0"])
        #expect(try titles(m, \.older, of: "p") == [])
    }
}

/// The inverted-index ranking gives exactly the lists of scoring every pair, on seeded corpora with
/// skewed terms, many equal dates, and one bloc shared by every article (the degenerate case a
/// faster algorithm must also get right).
@Suite struct RelatedNewsEquivalenceTests {
    struct Corpus {
        var articles: [Article]
        var bloc: Taxonomy
        var units: Taxonomy
        var tags: Taxonomy
    }

    static func corpus(seed: UInt64, count: Int, oneBloc: Bool) -> Corpus {
        var random = SeededRandom(seed: seed)
        let urls = SiteURLs(basePath: "/")
        var articles: [Article] = (0..<count).map { i in
            // Few distinct days, so that equal distances and equal dates are common.
            let day = Int64(Int.random(in: 0..<40, using: &random))
            let hour = Int64([0, 0, 8, 14].randomElement(using: &random)!)
            let bloc = oneBloc ? "Khối chung" : "Khối \(Int.random(in: 0..<6, using: &random))"
            // Skewed: unit 0 and tag 0 are on most articles, the others are rare.
            let units = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                "Đơn vị \(Bool.random(using: &random) ? 0 : Int.random(in: 0..<30, using: &random))"
            }
            // A few articles with about as many terms as combinations are listed for, or more
            // (SharedTermIndex.combinationLimit).
            let limit = SharedTermIndex.combinationLimit
            let tags =
                i % 97 == 5
                ? (0..<45).map { "tag \($0)" }
                : i % 53 == 7
                    ? (0..<Int.random(in: (limit - 4)...(limit + 1), using: &random)).map { "tag \($0 * 2)" }
                    : (0..<Int.random(in: 0...3, using: &random)).map { _ in
                        "tag \(Int.random(in: 0..<4, using: &random) == 0 ? 0 : Int.random(in: 0..<50, using: &random))"
                    }
            return Article(
                kind: .article, file: SourceFileRef(sourcePath: "content/a\(i).md", relativePath: "a\(i).md"),
                slug: "a\(i)", url: "/a\(i)/", title: "a\(i)",
                date: Timestamp(secondsSince1970: 1_600_000_000 + day * 86_400 + hour * 3600), dateHasTime: true,
                lastmod: nil, categoryKey: "c", bloc: Bool.random(using: &random) || oneBloc ? bloc : nil,
                units: units, meeting: nil, tags: tags, author: nil, source: nil, summary: nil, imageURL: nil,
                imageCaption: nil, featured: false, aliases: [], positionOfAliases: nil, extra: [:],
                markdown: StoredText(""),
                bodyFirstLine: 1)
        }
        // Newest first, as the model orders them (equal dates by title).
        articles.sort {
            let (a, b) = ($0.date!.secondsSince1970, $1.date!.secondsSince1970)
            return a != b ? a > b : $0.title < $1.title
        }
        return Corpus(
            articles: articles,
            bloc: Taxonomy(kind: .bloc, articles: articles, urls: urls) { $0.bloc.map { [$0] } ?? [] },
            units: Taxonomy(kind: .units, articles: articles, urls: urls) { $0.units },
            tags: Taxonomy(kind: .tags, articles: articles, urls: urls) { $0.tags })
    }

    /// Every pair scored, sorted by the definition: score, nearness in date, newer, index.
    static func bruteForce(_ c: Corpus, count: Int) -> [[Int]] {
        let dates = c.articles.map { $0.date!.secondsSince1970 }
        let w = RelatedNews.Weights()
        func shared(_ t: Taxonomy, _ a: Int, _ b: Int) -> Int32 {
            Int32(Set(t.termsOfArticle[a]).intersection(t.termsOfArticle[b]).count)
        }
        return c.articles.indices.map { a in
            let scored = c.articles.indices.filter { $0 != a }.map { b in
                (b, shared(c.bloc, a, b) * w.bloc + shared(c.units, a, b) * w.unit + shared(c.tags, a, b) * w.tag)
            }.filter { $0.1 > 0 }
            let sorted = scored.sorted { x, y in
                if x.1 != y.1 { return x.1 > y.1 }
                let dx = abs(dates[x.0] - dates[a])
                let dy = abs(dates[y.0] - dates[a])
                if dx != dy { return dx < dy }
                if dates[x.0] != dates[y.0] { return dates[x.0] > dates[y.0] }
                return x.0 < y.0
            }
            return sorted.prefix(count).map(\.0)
        }
    }

    /// Each way the finder can take, and the choice between them, on every corpus, with and
    /// without the quadruples' lists.
    @Test(arguments: [(UInt64(1), false), (2, false), (3, true), (4, true), (5, false), (6, true)])
    func sameListsAsScoringEveryPair(seed: UInt64, oneBloc: Bool) {
        let c = Self.corpus(seed: seed, count: 400, oneBloc: oneBloc)
        for count in [1, 5] {
            let expected = Self.bruteForce(c, count: count)
            for strategy in [RelatedFinder.Strategy.cheaper, .levels, .everyArticleOfItsTerms] {
                for quadruples in [true, false] {
                    let got = RelatedNews.related(
                        c.articles, bloc: c.bloc, units: c.units, tags: c.tags, count: count,
                        weights: RelatedNews.Weights(), strategy: strategy, listsQuadruples: quadruples)
                    let wrong = c.articles.indices.filter { got[$0] != expected[$0] }
                    #expect(
                        wrong.isEmpty,
                        "seed \(seed), count \(count), \(strategy), quadruples \(quadruples): \(wrong.count) lists differ"
                    )
                }
            }
        }
    }

    /// Quadruples are listed for a site like the benchmark's, not where articles carry so many
    /// terms that they would take gigabytes.
    @Test func quadruplesAreListedOnlyWhereTheyAreFew() {
        let few = Self.corpus(seed: 1, count: 400, oneBloc: false)
        let listed = SharedTermIndex([(few.bloc, 60), (few.units, 30), (few.tags, 20)], articleCount: 400)
            .listsQuadruples
        #expect(listed)
        let urls = SiteURLs(basePath: "/")
        // 20 tags each: 4,845 quadruples per article.
        let many = few.articles
        let tags = Taxonomy(kind: .tags, articles: many, urls: urls) { a in
            (0..<20).map { "tag \(($0 * 7 + a.title.count) % 30)" }
        }
        let levels = SharedTermIndex([(tags, 20)], articleCount: many.count).levels.count
        #expect(levels == 2)
    }
}
