import Foundation
import Testing

@testable import PortalEngine

/// `expires:` (NukeViet's "hết hạn"): after the date the article leaves lists, feeds and search,
/// and its page stays, marked archived.
@Suite struct ExpiryTests {
    /// Three articles; "het-han" expired on 1 January 2029 (TestSite.now is July 2029), "con-han"
    /// expires on 1 June 2030.
    func site() throws -> TestSite {
        let site = try TestSite()
        let common = "category: tin-tuc-su-kien\ntags: [chung]\ntopic: Sự kiện"
        try site.article(
            "a", "slug: het-han\ntitle: Thông báo đã hết hạn\ndate: 2019-07-10 08:00\nexpires: 2029-01-01\n\(common)")
        try site.article(
            "b", "slug: con-han\ntitle: Thông báo còn hạn\ndate: 2019-07-11 08:00\nexpires: 2030-06-01\n\(common)")
        try site.article("c", "slug: tin-khac\ntitle: Tin khác\ndate: 2019-07-12 08:00\n\(common)")
        return site
    }

    @Test func anExpiredArticleLeavesListsFeedsAndSearchButKeepsItsPage() throws {
        let site = try site()
        let report = try site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.articles == 2)
        let page = try site.html("het-han/index.html")
        #expect(page.contains("Bài viết này đã được lưu trữ từ ngày 01/01/2029"))
        #expect(page.contains("<h1 class=\"article-title\">Thông báo đã hết hạn</h1>"))
        #expect(page.contains("href=\"/tu-khoa/chung/\""))  // its terms still link
        #expect(!page.contains("related-title") && !page.contains("newer-title") && !page.contains("topic-title"))
        for listing in [
            "index.html", "chuyen-muc/tin-tuc-su-kien/index.html", "tu-khoa/chung/index.html", "index.xml",
            "tin-khac/index.html", "search/meta.json", "search/d/0.json",
        ] {
            let text = try site.html(listing)
            #expect(!text.contains("Thông báo đã hết hạn"), "\(listing)")
            #expect(!text.contains("/het-han/"), "\(listing)")
        }
        #expect(try site.html("chuyen-muc/tin-tuc-su-kien/index.html").contains("/con-han/"))
        #expect(!(try site.html("con-han/index.html")).contains("lưu trữ"))
    }

    @Test func theBuildAfterTheDateArchivesIt() throws {
        let site = try site()
        // The same year on both sides: a new year alone would make the build run.
        let before = Timestamp(secondsSince1970: 1_905_033_600)  // 15 May 2030
        let after = Timestamp(secondsSince1970: 1_909_094_400)  // 1 July 2030
        _ = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, now: before))
        #expect(try site.html("chuyen-muc/tin-tuc-su-kien/index.html").contains("/con-han/"))
        // Nothing changed on disk, but the date came: the up-to-date check must not skip it.
        let report = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, now: after))
        #expect(!report.upToDate)
        #expect(!(try site.html("chuyen-muc/tin-tuc-su-kien/index.html")).contains("/con-han/"))
        #expect(try site.html("con-han/index.html").contains("lưu trữ từ ngày 01/06/2030"))
    }

    @Test func anExpiryThatIsNotADateIsAnError() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-10\ncategory: tin-tuc-su-kien\nexpires: sang năm")
        let problems = try #require(site.buildFailure())
        #expect(problems.first?.file == "content/articles/a.md")
        #expect(problems.first?.position?.line == 5)
    }
}
