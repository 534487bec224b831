import Foundation
import Testing

@testable import PortalEngine

/// "Dòng sự kiện" (`topic:`): a page per topic, the index of topics, and the other articles of
/// the topic on each article's page.
@Suite struct TopicTests {
    func site(_ count: Int, topicOf: (Int) -> String?, siteYAML: String = TestSite.siteYAML) throws -> TestSite {
        let site = try TestSite(siteYAML: siteYAML)
        for i in 1...count {
            let topic = topicOf(i).map { "\ntopic: \"\($0)\"" } ?? ""
            try site.article(
                "a\(i)",
                "slug: tin-\(i)\ntitle: Tin số \(i)\ndate: 2019-07-\(10 + i) 08:00\ncategory: tin-tuc-su-kien\(topic)")
        }
        return site
    }

    @Test func aTopicHasItsPageTheIndexAndTheListOnEachArticle() throws {
        let site = try site(5) { i in
            i <= 3 ? (i == 2 ? "hội nghị sơ kết 2019" : "Hội nghị sơ kết 2019") : (i == 4 ? "Khác" : nil)
        }
        _ = try site.build()
        let topic = try site.html("dong-su-kien/hoi-nghi-so-ket-2019/index.html")
        // Newest first, paginated like every list (2 a page here); two spellings are one topic.
        let order = ["/tin-3/", "/tin-2/"].map { topic.range(of: "href=\"\($0)\"")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(try site.html("dong-su-kien/hoi-nghi-so-ket-2019/trang/2/index.html").contains("href=\"/tin-1/\""))

        let index = try site.html("dong-su-kien/index.html")
        #expect(index.contains("Dòng sự kiện"))
        #expect(index.contains("/dong-su-kien/hoi-nghi-so-ket-2019/") && index.contains("/dong-su-kien/khac/"))

        let article = try site.html("tin-2/index.html")
        let list = try #require(article.range(of: "id=\"topic-title\"").map { String(article[$0.lowerBound...]) })
        #expect(list.contains("Theo dòng sự kiện: <a href=\"/dong-su-kien/hoi-nghi-so-ket-2019/\">"))
        let section = String(list.prefix { $0 != "§" }.split(separator: "</section>").first ?? "")
        #expect(section.contains("/tin-3/") && section.contains("/tin-1/") && !section.contains("/tin-2/"))
        // An article alone in its topic, or without one, has no such list.
        #expect(!(try site.html("tin-4/index.html")).contains("topic-title"))
        #expect(!(try site.html("tin-5/index.html")).contains("topic-title"))
    }

    @Test func theArticlePageShowsTenOthersAtMost() throws {
        let site = try site(13) { _ in "Chiến dịch" }
        _ = try site.build()
        let article = try site.html("tin-1/index.html")
        let list = try #require(article.range(of: "id=\"topic-title\"").map { String(article[$0.lowerBound...]) })
        let section = String(list.split(separator: "</section>").first ?? "")
        #expect(section.components(separatedBy: "<li>").count - 1 == 10)
        #expect(section.contains("/tin-13/") && !section.contains("/tin-3/"))
    }

    @Test func theTopicSegmentCanBeRenamed() throws {
        let site = try site(2, topicOf: { _ in "Đại hội" }, siteYAML: TestSite.siteYAML + "\nurls:\n  topic: su-kien\n")
        _ = try site.build()
        #expect(site.exists("su-kien/dai-hoi/index.html"))
        #expect(!site.exists("dong-su-kien/index.html"))
    }
}
