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
                SourceDocument(file: ref, kind: .article, frontMatter: try #require(front), body: "", bodyFirstLine: 1))
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
