import Foundation
import Testing

@testable import PortalEngine

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks over a whole built portal: every page kind, links, feeds, sitemap, aliases, counter.
@Suite struct PortalPagesTests {
    /// Builds the repository's sample portal once per test into a temp folder.
    func buildSample(endpoint: String? = nil) throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("portal-\(UUID().uuidString)")
        _ = try SiteBuilder.build(
            BuildOptions(sourceRoot: SamplePortalTests.fixturePortal, output: output, strict: true, now: TestSite.now))
        return output
    }

    func files(in root: URL, ending suffix: String) -> [String] {
        let walker = FileManager.default.enumerator(atPath: root.path)!
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }.sorted()
    }

    @Test func everyPageKindExists() throws {
        let out = try buildSample()
        defer { try? FileManager.default.removeItem(at: out) }
        for path in [
            "index.html", "404.html", "index.xml", "sitemap.xml", "robots.txt",
            "khoi-thi-dua/index.html", "don-vi/index.html", "tu-khoa/index.html",
            "khoi-thi-dua/khoi-giao-uoc-thi-dua-cac-huyen-mien-dong/index.html", "don-vi/ha-lang/index.html",
            "tu-khoa/nong-thon-moi/index.html", "chuyen-muc/khoi-thi-dua/index.html",
            "chuyen-muc/khoi-thi-dua/index.xml",
            "gioi-thieu/index.html", "tin-tuc/khoi-vung-dong-luc-tong-ket-2019.html",
            "css/portal.css", "css/print.css", "js/portal.js",
        ] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test func noBrokenInternalLinks() throws {
        let out = try buildSample()
        defer { try? FileManager.default.removeItem(at: out) }
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="(/[^"]*)""#)
        var broken: [String] = []
        var checked = 0
        for page in files(in: out, ending: ".html") {
            let html = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                var target = String(html[Range(match.range(at: 1), in: html)!])
                target = String(target.prefix { $0 != "#" && $0 != "?" })
                target = target.removingPercentEncoding ?? target
                if target.hasSuffix("/") { target += "index.html" }
                checked += 1
                if !FileManager.default.fileExists(atPath: out.path + target) { broken.append("\(page) → \(target)") }
            }
        }
        #expect(checked > 500)
        #expect(broken.isEmpty, "\(broken.prefix(10))")
    }

    @Test func feedsParseAsRSS() throws {
        let out = try buildSample()
        defer { try? FileManager.default.removeItem(at: out) }
        let feeds = files(in: out, ending: ".xml").filter { $0 != "sitemap.xml" }
        #expect(feeds.count == 8)  // the site, six categories and the documents
        for feed in feeds {
            let collector = RSSCollector()
            let parser = XMLParser(data: try Data(contentsOf: out.appendingPathComponent(feed)))
            parser.delegate = collector
            #expect(parser.parse(), "\(feed): \(String(describing: parser.parserError))")
            #expect(collector.root == "rss")
            #expect(collector.links.allSatisfy { $0.hasPrefix("https://thidua.example.gov.vn/") })
            #expect(
                collector.pubDates.allSatisfy {
                    $0.range(
                        of: #"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"#,
                        options: .regularExpression) != nil
                })
        }
        let site = RSSCollector()
        let parser = XMLParser(data: try Data(contentsOf: out.appendingPathComponent("index.xml")))
        parser.delegate = site
        _ = parser.parse()
        #expect(site.items == 12)  // 10 news articles and 2 documents
        let documents = RSSCollector()
        let documentsParser = XMLParser(data: try Data(contentsOf: out.appendingPathComponent("van-ban/index.xml")))
        documentsParser.delegate = documents
        #expect(documentsParser.parse())
        #expect(documents.items == 2)
    }

    @Test func sitemapListsEveryPage() throws {
        let out = try buildSample()
        defer { try? FileManager.default.removeItem(at: out) }
        let xml = try String(contentsOf: out.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        let locs = Set(xml.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] })
        let pages = files(in: out, ending: "index.html").map {
            "https://thidua.example.gov.vn/" + String($0.dropLast("index.html".count))
        }
        #expect(Set(pages) == locs)
        #expect(xml.contains("<lastmod>2019-12-09T08:22:00+07:00</lastmod>"))
        let robots = try String(contentsOf: out.appendingPathComponent("robots.txt"), encoding: .utf8)
        #expect(robots.contains("Sitemap: https://thidua.example.gov.vn/sitemap.xml"))
    }

    @Test func articleCarriesTermsListsPrintAndMetadata() throws {
        let out = try buildSample()
        defer { try? FileManager.default.removeItem(at: out) }
        let html = try String(
            contentsOf: out.appendingPathComponent(
                "khoi-giao-uoc-thi-dua-cac-huyen-mien-dong-so-ket-6-thang-dau-nam-2019/index.html"),
            encoding: .utf8)
        #expect(
            html.contains(
                #"<a href="/khoi-thi-dua/khoi-giao-uoc-thi-dua-cac-huyen-mien-dong/">Khối giao ước thi đua các huyện miền Đông</a>"#
            ))
        #expect(html.contains(#"<a href="/don-vi/ha-lang/">Hạ Lang</a>, "#))
        #expect(html.contains(#"<a class="tag" href="/tu-khoa/so-ket-6-thang/">sơ kết 6 tháng</a>"#))
        #expect(html.contains("Tin liên quan"))
        #expect(html.contains("Những tin mới hơn"))
        #expect(html.contains("data-print"))
        #expect(
            html.contains(
                #"<meta property="og:image" content="https://thidua.example.gov.vn/images/2019/hoi-nghi-so-ket-mien-dong.svg">"#
            ))
        #expect(html.contains(#"<meta property="og:type" content="article">"#))
        #expect(html.components(separatedBy: "<h1").count == 2)  // one h1
        let alias = try String(
            contentsOf: out.appendingPathComponent("tin-tuc/khoi-vung-dong-luc-tong-ket-2019.html"), encoding: .utf8)
        #expect(
            alias.contains(
                #"<meta http-equiv="refresh" content="0; url=/khoi-giao-uoc-thi-dua-cac-huyen-thanh-pho-vung-dong-luc-tong-ket-nam-2019/">"#
            ))
        #expect(
            alias.contains(
                #"<link rel="canonical" href="https://thidua.example.gov.vn/khoi-giao-uoc-thi-dua-cac-huyen-thanh-pho-vung-dong-luc-tong-ket-nam-2019/">"#
            ))
    }

    @Test func termIndexesSortInVietnameseOrderWithCounts() throws {
        let out = try buildSample()
        defer { try? FileManager.default.removeItem(at: out) }
        let html = try String(contentsOf: out.appendingPathComponent("don-vi/index.html"), encoding: .utf8)
        let list = html.components(separatedBy: "<ul class=\"term-index\">")[1].components(separatedBy: "</ul>")[0]
        let names = list.components(separatedBy: "<li><a href=\"/don-vi/").dropFirst().map {
            $0.components(separatedBy: "\">")[1].components(separatedBy: "</a>")[0]
        }
        #expect(names == VietnameseCollation.sorted(names))
        #expect(names.first == "Bạch Thông")
        #expect(names.contains("Thành phố Cao Bằng"))
        #expect(html.contains(#"<a href="/don-vi/cao-loc/">Cao Lộc</a> <span class="count">(1)</span>"#))
    }

    @Test func counterBlockIsPlaceholdersWithoutEndpointAndWiredWithOne() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        _ = try site.build()
        let plain = try site.html("tin/index.html")
        #expect(plain.contains("Thống kê truy cập"))
        #expect(plain.contains(#"<dt>Tổng lượt truy cập</dt><dd data-counter="total">–</dd>"#))
        #expect(!plain.contains("data-counter-endpoint"))

        let withEndpoint = try TestSite(
            siteYAML: TestSite.siteYAML + "\ncounter:\n  endpoint: \"https://dem.example.vn/api/counter\"")
        try withEndpoint.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        _ = try withEndpoint.build()
        #expect(
            try withEndpoint.html("tin/index.html").contains(
                #"data-counter-endpoint="https://dem.example.vn/api/counter""#))
        #expect(try withEndpoint.html("index.html").contains("data-counter-endpoint"))
    }

    @Test(arguments: [0, 1, 2, 3])  // per_page is 2 in TestSite
    func categoryPaginationEdges(count: Int) throws {
        let site = try TestSite()
        for i in 0..<count {
            try site.article("a\(i)", "title: Tin số \(i)\ndate: 2019-07-1\(i)\ncategory: tin-hoat-dong-cum-khoi")
        }
        _ = try site.build()
        let first = try site.html("chuyen-muc/tin-hoat-dong-cum-khoi/index.html")
        #expect(first.components(separatedBy: "class=\"article-item\"").count - 1 == min(count, 2))
        #expect(site.exists("chuyen-muc/tin-hoat-dong-cum-khoi/trang/2/index.html") == (count > 2))
        #expect(!site.exists("chuyen-muc/tin-hoat-dong-cum-khoi/trang/3/index.html"))
        #expect(first.contains("rel=\"next\"") == (count > 2))
        #expect(first.contains("Chưa có bài viết") == (count == 0))
    }

    @Test func aliasThatWouldReplaceAPageIsAnError() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin một\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        try site.article(
            "b", "title: Tin hai\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\naliases: [\"/tin-mot/\", \"../x.html\"]")
        let errors = try #require(site.buildFailure()).map(\.description)
        #expect(
            errors.contains("content/articles/b.md:5:10: error: alias '/tin-mot/' would replace a page of the site"))
        #expect(errors.contains("content/articles/b.md:5:10: error: alias '../x.html' is not a path inside the site"))
    }
}

/// Collects what the feed tests check.
final class RSSCollector: NSObject, XMLParserDelegate {
    var root: String?
    var items = 0
    var links: [String] = []
    var pubDates: [String] = []
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = name }
        if name == "item" { items += 1 }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "link" { links.append(text) }
        if name == "pubDate" { pubDates.append(text) }
    }
}
