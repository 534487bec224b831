import Foundation
import Testing

@testable import PortalEngine

/// "Xem theo ngày": `/YYYY/` and `/YYYY/MM/` pages in the site's time zone, their neighbours,
/// and the sidebar's list of years and months.
@Suite struct DateArchiveTests {
    func site() throws -> TestSite {
        let site = try TestSite()
        let dates = [
            ("a", "2019-07-05 08:00"), ("b", "2019-07-20 08:00"), ("c", "2019-07-25 08:00"),
            // 23:30 on 30 June in UTC is already July in Vietnam.
            ("d", "2019-06-30T23:30:00Z"), ("e", "2019-12-03 08:00"), ("f", "2020-07-14 16:45"),
        ]
        for (slug, date) in dates {
            try site.article(slug, "slug: tin-\(slug)\ntitle: Tin \(slug)\ndate: \(date)\ncategory: tin-tuc-su-kien")
        }
        return site
    }

    @Test func yearsAndMonthsHaveTheirPagesAndTheSidebarLinksThem() throws {
        let site = try site()
        _ = try site.build()
        let year = try site.html("2019/index.html")
        #expect(year.contains("Năm 2019"))
        #expect(year.contains("<p class=\"list-count\">5 bài viết</p>"))
        #expect(year.contains("<a href=\"/2019/12/\">Tháng 12/2019</a> <span class=\"count\">(1)</span>"))
        #expect(year.contains("<a href=\"/2019/07/\">Tháng 7/2019</a> <span class=\"count\">(4)</span>"))
        #expect(!year.contains("/2019/06/"))
        #expect(year.contains("<a class=\"newer\" href=\"/2020/\">Năm 2020 »</a>"))
        // per_page is 2 here: the year's five articles take three pages, a month's four two.
        #expect(site.exists("2019/trang/3/index.html") && !site.exists("2019/trang/4/index.html"))
        #expect(site.exists("2019/07/trang/2/index.html"))
        let july = try site.html("2019/07/index.html")
        #expect(july.contains("Tháng 7/2019") && july.contains("href=\"/tin-c/\"") && july.contains("href=\"/tin-b/\""))
        #expect(try site.html("2019/07/trang/2/index.html").contains("href=\"/tin-d/\""))
        #expect(july.contains("<a class=\"newer\" href=\"/2019/12/\">Tháng 12/2019 »</a>"))
        #expect(!july.contains("class=\"older\""))
        let december = try site.html("2019/12/index.html")
        #expect(december.contains("<a class=\"older\" href=\"/2019/07/\">« Tháng 7/2019</a>"))
        #expect(december.contains("<a class=\"newer\" href=\"/2020/07/\">Tháng 7/2020 »</a>"))
        #expect(december.contains("<a href=\"/2019/\">Năm 2019</a>"))  // the breadcrumb

        // The sidebar lists every year with its months; the sitemap has the pages.
        let home = try site.html("index.html")
        #expect(home.contains("<h2 id=\"archive-title\" class=\"block-title\">Xem theo ngày</h2>"))
        #expect(home.contains("<a href=\"/2020/\">Năm 2020</a> <span class=\"count\">(1)</span>"))
        #expect(
            home.contains(
                "<a class=\"archive-month\" href=\"/2019/12/\">Tháng 12</a> · <a class=\"archive-month\" href=\"/2019/07/\">Tháng 7</a>"
            ))
        #expect(try site.html("sitemap.xml").contains("/2019/07/</loc>"))
    }

    @Test func aSlugThatIsAYearIsRefused() throws {
        let site = try site()
        try site.article("g", "slug: \"2019\"\ntitle: Tổng kết\ndate: 2019-12-20 08:00\ncategory: tin-tuc-su-kien")
        let problems = try #require(site.buildFailure())
        #expect(problems.map(\.text.id) == [.urlReserved])
        #expect(problems.first?.position?.line == 2)
    }
}
