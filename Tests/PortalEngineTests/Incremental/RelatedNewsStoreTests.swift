import Foundation
import Testing

@testable import PortalEngine

/// `build-site` takes the last build's taxonomies and "tin liên quan" from `.build-site-cache/`
/// when the articles and their terms are the same, and makes them again when they are not.
@Suite struct RelatedNewsStoreTests {
    static let common = "category: tin-tuc-su-kien\ntags: [khen thưởng, thi đua]"

    func build(_ site: TestSite, now: Timestamp = TestSite.now, into output: URL? = nil, cache: Bool = true)
        throws -> [String: Data]
    {
        let options = BuildOptions(sourceRoot: site.root, output: output, now: now, useCache: cache)
        _ = try SiteBuilder.build(options)
        return snapshotFiles(in: options.output)
    }

    /// The site as a build without caches makes it, into a folder of its own.
    func fresh(_ site: TestSite, now: Timestamp = TestSite.now) throws -> [String: Data] {
        let other = site.root.appendingPathComponent("fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: other) }
        return try build(site, now: now, into: other, cache: false)
    }

    var store: (TestSite) -> URL { { RelatedNewsStore(sourceRoot: $0.root, settings: 0).url } }

    @Test func aBodyEditTakesTheKeptListsAndATermEditFindsThemAgain() throws {
        let site = try TestSite.withArticles(6, extraFields: "\ntags: [khen thưởng, thi đua]") { "Nội dung \($0)." }
        _ = try build(site)
        let (key, taxonomies, kept) = try #require(RelatedNewsStore.read(store(site)))
        #expect(kept.related.contains { !$0.isEmpty })
        #expect(
            taxonomies[TaxonomyKind.allCases.firstIndex(of: .tags)!].terms.map(\.name) == ["khen thưởng", "thi đua"])
        // Lists no build would make, under the key of this site's: shown only if taken. The
        // tags' page names its terms as kept.
        let emptied = RelatedNews(newer: kept.newer, older: kept.older, related: kept.related.map { _ in [] })
        var renamed = taxonomies
        renamed[TaxonomyKind.allCases.firstIndex(of: .tags)!].terms[0].name = "tên đã đổi"
        RelatedNewsStore.write(renamed, emptied, key: key, to: store(site))

        try site.article(
            "a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien\ntags: [khen thưởng, thi đua]",
            body: "Sửa nội dung.")
        let taken = try build(site)
        #expect(try taken != fresh(site), "the edited article's page shows the kept (emptied) lists")
        #expect(String(decoding: taken["tin-so-2/index.html"] ?? Data(), as: UTF8.self).contains("tên đã đổi"))

        try site.article(
            "a3", "title: Tin số 3\ndate: 2019-07-13 08:00\ncategory: tin-tuc-su-kien\ntags: [khen thưởng]",
            body: "Nội dung 3.")
        #expect(try build(site) == fresh(site), "a tag edit finds the lists again")
    }

    /// Replaces the kept lists with lists no build would make (every "tin liên quan" empty),
    /// under the key the store has: a build that shows them took them.
    func poison(_ site: TestSite) throws {
        let (key, taxonomies, kept) = try #require(RelatedNewsStore.read(store(site)))
        let emptied = RelatedNews(newer: kept.newer, older: kept.older, related: kept.related.map { _ in [] })
        RelatedNewsStore.write(taxonomies, emptied, key: key, to: store(site))
    }

    /// A title is not part of what the lists are made of: a title edit takes them. An edit of
    /// anything they are made of (the category, the date, a bloc, unit, tag or topic) finds
    /// them again, even with lists no build would make kept under the last key.
    @Test func aTitleEditTakesTheKeptListsAndEveryFieldTheyAreMadeOfFindsThemAgain() throws {
        let front = { (n: Int, extra: String) in
            "title: Tin số \(n)\nslug: tin-\(n)\ndate: 2019-07-1\(n) 08:00\ncategory: tin-tuc-su-kien\nbloc: Khối A\nunits: [Sở Y tế]\n"
                + "tags: [khen thưởng, thi đua]\ntopic: Đại hội\n" + extra
        }
        let site = try TestSite()
        for n in 1...6 { try site.article("a\(n)", front(n, "")) }
        #expect(try build(site) == fresh(site))
        try poison(site)
        try site.article("a2", front(2, "").replacingOccurrences(of: "Tin số 2", with: "Tin số hai"))
        #expect(try build(site) != fresh(site), "a title edit shows the kept (emptied) lists")
        let edits = [
            ("category", 3, front(3, "").replacingOccurrences(of: "tin-tuc-su-kien", with: "tin-hoat-dong-cum-khoi")),
            ("date", 4, front(4, "").replacingOccurrences(of: "2019-07-14 08:00", with: "2019-07-14 20:00")),
            ("bloc", 5, front(5, "").replacingOccurrences(of: "Khối A", with: "Khối B")),
            ("units", 6, front(6, "").replacingOccurrences(of: "[Sở Y tế]", with: "[Sở Y tế, Sở Tài chính]")),
            ("tags", 1, front(1, "").replacingOccurrences(of: "[khen thưởng, thi đua]", with: "[khen thưởng]")),
            ("topic", 2, front(2, "").replacingOccurrences(of: "Đại hội", with: "Hội nghị")),
        ]
        for (field, n, text) in edits {
            try poison(site)  // under the key of the site as it is now
            try site.article("a\(n)", text)
            #expect(try build(site) == fresh(site), "an edit of \(field) finds the lists again")
        }
    }

    @Test func anotherSetOfArticlesOfTheSameSizeFindsThemAgain() throws {
        // At the second build one article has expired and another has come due: as many
        // articles, with the same front matter, but not the same ones.
        let site = try TestSite()
        for i in 1...4 {
            try site.article("a\(i)", "title: Tin số \(i)\ndate: 2019-07-1\(i) 08:00\n\(Self.common)")
        }
        try site.article("het", "title: Tin hết hạn\ndate: 2019-07-09 08:00\nexpires: 2030-01-15\n\(Self.common)")
        try site.article("moi", "title: Tin sắp đăng\ndate: 2030-01-10 08:00\n\(Self.common)")
        let later = Timestamp(secondsSince1970: TestSite.now.secondsSince1970 + 200 * 86_400)
        _ = try build(site)
        #expect(try build(site, now: later) == fresh(site, now: later))
    }

    @Test func aDamagedFileIsNotTaken() throws {
        let site = try TestSite.withArticles(4, extraFields: "\ntags: [khen thưởng]") { "Nội dung \($0)." }
        _ = try build(site)
        let (key, taxonomies, kept) = try #require(RelatedNewsStore.read(store(site)))
        let outOfRange = RelatedNews(newer: kept.newer, older: kept.older, related: kept.related.map { _ in [99] })
        RelatedNewsStore.write(taxonomies, outOfRange, key: key, to: store(site))
        try site.article(
            "a1", "title: Tin số 1\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien\ntags: [khen thưởng]",
            body: "Sửa.")
        #expect(try build(site) == fresh(site))
        // Cut short: not read at all.
        let bytes = try Data(contentsOf: store(site))
        try bytes.prefix(bytes.count / 2).write(to: store(site))
        #expect(RelatedNewsStore.read(store(site)) == nil)
    }
}
