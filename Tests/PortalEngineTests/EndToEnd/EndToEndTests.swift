import Foundation
import Testing

@testable import PortalEngine

@Suite struct EndToEndTests {
    func sampleSite() throws -> TestSite {
        let site = try TestSite()
        try site.article(
            "2019/mien-dong",
            """
            title: "Khối giao ước thi đua các huyện miền Đông sơ kết 6 tháng"
            date: 2019-07-09 08:22
            lastmod: 2019-07-10 10:00
            category: chinh-tri-kt-vh-xh
            bloc: "Khối giao ước thi đua các huyện miền Đông"
            units: [Hạ Lang, Trùng Khánh]
            author: "Mai Hiên"
            source: "Trung tâm VH-TT Quảng Uyên"
            image: images/hoi-nghi.png
            image_caption: "Quang cảnh hội nghị"
            """,
            body: "Ngày 9/7/2019, khối họp sơ kết.\n\n![Ảnh](../../images/hoi-nghi.png)\n\n[Bài khác](cum.md)")
        try site.article(
            "2019/cum",
            "title: Cụm thi đua họp\ndate: 2019-07-26\ncategory: tin-tuc-su-kien",
            body: "Cụm thi đua các huyện họp tại Chợ Mới.")
        try site.article(
            "2020/bien-gioi",
            "title: Cụm 5 huyện Biên giới\ndate: 2020-07-14T16:45:00+07:00\ncategory: tin-tuc-su-kien",
            body: "Sơ kết năm 2020.")
        try site.write("content/pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\nBan Thi đua.\n")
        try site.write("content/images/hoi-nghi.png", TestPhotos.photo(width: 64, height: 48, format: "png"))
        try site.write("site/static/js/menu.js", "// menu")
        return site
    }

    @Test func buildsHomeArticlesCategoriesAndCopies() throws {
        let site = try sampleSite()
        let report = try site.build()
        #expect(report.articles == 3)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")

        let home = try site.html("index.html")
        #expect(home.contains("<html lang=\"vi\">"))
        #expect(home.contains("Cụm 5 huyện Biên giới"))
        #expect(home.range(of: "Cụm 5 huyện Biên giới")!.lowerBound < home.range(of: "Cụm thi đua họp")!.lowerBound)

        let article = try site.html("khoi-giao-uoc-thi-dua-cac-huyen-mien-dong-so-ket-6-thang/index.html")
        #expect(article.contains("Thứ Ba, 09/07/2019 08:22"))
        #expect(article.contains("Cập nhật lúc"))
        #expect(
            article.contains(
                #"<a href="/chuyen-muc/tin-tuc-su-kien/">Tin tức sự kiện</a> » <a href="/chuyen-muc/chinh-tri-kt-vh-xh/">Chính trị KT-VH-XH</a>"#
            ))
        #expect(article.contains("Tác giả: <strong>Mai Hiên</strong>"))
        #expect(article.contains("Nguồn: Trung tâm VH-TT Quảng Uyên"))
        #expect(
            article.contains(#"<img src="/images/hoi-nghi-64w."#) && article.contains(#"alt="Quang cảnh hội nghị""#))
        #expect(article.contains(#"height="48" alt="Ảnh" loading="lazy""#))
        #expect(article.contains(#"<a href="/cum-thi-dua-hop/">Bài khác</a>"#))
        #expect(
            article.contains(
                #"<link rel="canonical" href="https://thidua.example.gov.vn/khoi-giao-uoc-thi-dua-cac-huyen-mien-dong-so-ket-6-thang/">"#
            ))

        // per_page is 2: the parent lists its child's article too, so it has two pages.
        let parent = try site.html("chuyen-muc/tin-tuc-su-kien/index.html")
        #expect(parent.contains("Cụm 5 huyện Biên giới") && parent.contains("Cụm thi đua họp"))
        #expect(!parent.contains("miền Đông sơ kết"))
        #expect(parent.contains(#"href="/chuyen-muc/tin-tuc-su-kien/trang/2/""#))
        let page2 = try site.html("chuyen-muc/tin-tuc-su-kien/trang/2/index.html")
        #expect(page2.contains("miền Đông sơ kết"))
        #expect(site.exists("chuyen-muc/chinh-tri-kt-vh-xh/index.html"))
        #expect(site.exists("chuyen-muc/tin-hoat-dong-cum-khoi/index.html"))
        #expect(try site.html("chuyen-muc/tin-hoat-dong-cum-khoi/index.html").contains("Chưa có bài viết"))

        #expect(try site.html("gioi-thieu/index.html").contains("Ban Thi đua."))
        #expect(site.exists("images/hoi-nghi.png"))
        #expect(site.exists("js/menu.js"))
        #expect(site.exists("css/portal.css"))
    }

    @Test func scriptInFrontMatterComesOutEscaped() throws {
        let site = try TestSite()
        try site.article(
            "x",
            """
            title: "<script>alert('t')</script> Tin"
            slug: tin-xss
            date: 2019-07-09
            category: tin-tuc-su-kien
            author: "\\"><img src=x onerror=alert(1)>"
            image: "https://anh.example.vn/a.png\\" onerror=\\"alert(1)"
            image_caption: "<b>x</b>"
            """,
            body: "<script>alert('body')</script>\n\n[x](javascript:alert(1))")
        _ = try site.build()
        let html = try site.html("tin-xss/index.html")
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; Tin"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("\" onerror=\"alert"))
        #expect(!html.contains("<b>x</b>"))
        #expect(!html.contains("javascript:"))
        let home = try site.html("index.html")
        #expect(!home.contains("<script>alert"))
    }

    @Test func brokenArticleFailsAndLeavesPublicByteForByte() throws {
        let site = try sampleSite()
        _ = try site.build()
        let before = try site.snapshotOutput()
        #expect(before.count > 5)

        try site.article("2019/hong", "title: Hỏng\ndate: 2019-07-09\ncategory: khong-ton-tai")
        try site.article("2019/hong-2", "title: \"Chưa đóng\ndate: 2019-07-09")
        try site.article("2019/cum", "title: Cụm thi đua họp (sửa)\ndate: 2019-07-26\ncategory: tin-tuc-su-kien")
        let diagnostics = try #require(site.buildFailure())
        let files = Set(diagnostics.filter { $0.severity == .error }.map(\.file))
        #expect(files == ["content/articles/2019/hong.md", "content/articles/2019/hong-2.md"])
        #expect(try site.snapshotOutput() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.contains("staging")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func successfulRebuildReplacesTheOutputWhole() throws {
        let site = try sampleSite()
        _ = try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/2019/cum.md"))
        // The link to the deleted article would now be an error (a broken link is never published).
        let mienDong = site.root.appendingPathComponent("content/articles/2019/mien-dong.md")
        try String(contentsOf: mienDong, encoding: .utf8).replacingOccurrences(of: "[Bài khác](cum.md)", with: "")
            .write(to: mienDong, atomically: true, encoding: .utf8)
        try site.write("public/stale.html", "old")
        _ = try site.build()
        #expect(!site.exists("cum-thi-dua-hop/index.html"))
        #expect(!site.exists("stale.html"))
        #expect(site.exists("index.html"))
    }

    @Test(arguments: [
        (
            "title: \"Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien", "content/articles/bad.md:2:8:",
            "the quotes opened here are never closed"
        ),
        ("date: 2019-07-09\ncategory: tin-tuc-su-kien", "content/articles/bad.md:1:1:", "missing 'title'"),
        ("title: Tin\ncategory: tin-tuc-su-kien", "content/articles/bad.md:1:1:", "missing 'date'"),
        ("title: Tin\ndate: 2019-07-09\ncategory: nope", "content/articles/bad.md:4:11:", "unknown category 'nope'"),
        ("title: Tin\ndate: 2019-02-31\ncategory: tin-tuc-su-kien", "content/articles/bad.md:3:7:", "has 28 days"),
        ("title: Tin\ndate: ngày 9/7\ncategory: tin-tuc-su-kien", "content/articles/bad.md:3:7:", "is not a date"),
    ])
    func badFrontMatter(frontMatter: String, location: String, message: String) throws {
        let site = try TestSite()
        try site.article("bad", frontMatter)
        let diagnostics = try #require(site.buildFailure())
        let errors = diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix(location) && $0.contains(message) }, "\(errors)")
    }

    @Test func malformedYAMLGivesOneErrorNotFollowUps() throws {
        let site = try TestSite()
        try site.article("bad", "title: Tin\ntags: [a, b\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        let errors = try #require(site.buildFailure()).map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("content/articles/bad.md:3:7:") == true)
        #expect(errors.first?.contains("the value of 'tags' starts with '['") == true)
    }

    @Test func frontMatterNeverClosed() throws {
        let site = try TestSite()
        try site.write("content/articles/open.md", "---\ntitle: Tin\ndate: 2019-07-09\n\nNội dung\n")
        let errors = try #require(site.buildFailure()).map(\.description)
        #expect(
            errors == [
                "content/articles/open.md:4:1: error: the front matter opened on line 1 is never closed; add a '---' line here, between the fields and the article's text"
            ])
        try site.write("content/articles/open.md", "---\ntitle: Tin\ndate: 2019-07-09")
        #expect(
            try #require(site.buildFailure()).map(\.description) == [
                "content/articles/open.md:1:1: error: front matter opened here is never closed with a '---' line"
            ])
    }

    @Test func duplicateURLNamesBothFiles() throws {
        let site = try TestSite()
        try site.article("2019/a", "title: Sơ kết\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        try site.article("2020/b", "title: SƠ KẾT\ndate: 2020-07-09\ncategory: tin-tuc-su-kien")
        let errors = try #require(site.buildFailure()).map(\.description)
        #expect(
            errors == [
                "content/articles/2020/b.md:2:8: error: URL /so-ket/ is also the URL of content/articles/2019/a.md; give one of them another 'slug:'"
            ])
    }

    @Test func allErrorsOfARunAreReported() throws {
        let site = try TestSite()
        for i in 1...5 {
            try site.article("bad\(i)", "title: Tin \(i)\ndate: 2019-07-3\(i + 1)\ncategory: tin-tuc-su-kien")
        }
        let errors = try #require(site.buildFailure()).filter { $0.severity == .error }
        #expect(errors.count == 5)  // 2019-07-32 … 2019-07-36
    }

    @Test func missingImageFailsTheBuildAndLeavesPublicAsItWas() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        _ = try site.build()
        let before = try site.snapshotOutput()
        try site.article(
            "a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien", body: "Chữ.\n\n![ảnh](/images/khong-co.png)"
        )
        let diagnostics = try #require(site.buildFailure())
        #expect(
            diagnostics.map(\.description) == [
                "content/articles/a.md:9:1: error: image not found: content/images/khong-co.png; check the file name and its folder (names are case-sensitive on the web host)"
            ])
        #expect(try site.snapshotOutput() == before)
    }

    @Test func aMissedImageOrLinkNamesTheFileMeant() throws {
        let site = try TestSite()
        try site.write("content/images/hoi-nghi.jpg", TestPhotos.photo(width: 64, height: 48))
        try site.write("content/files/ke-hoach.pdf", "pdf")
        try site.article(
            "2019/a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\nimage: images/Hoi-Nghi.JPG",
            body: "![ảnh](images/hoi-nghi.jpg)\n\n![ảnh](../../images/hoi-nghi.JPG)\n\nTải [kế hoạch](ke-hoach.pdf).")
        let messages = try #require(site.buildFailure()).map(\.description)
        #expect(
            messages == [
                "content/articles/2019/a.md:5:8: error: image not found: content/images/Hoi-Nghi.JPG; did you mean '../../images/hoi-nghi.jpg' or '/images/hoi-nghi.jpg'?",
                "content/articles/2019/a.md:8:1: error: image not found: content/articles/2019/images/hoi-nghi.jpg; did you mean '../../images/hoi-nghi.jpg' or '/images/hoi-nghi.jpg'?",
                "content/articles/2019/a.md:10:1: error: image not found: content/images/hoi-nghi.JPG; did you mean '../../images/hoi-nghi.jpg' or '/images/hoi-nghi.jpg'?",
                "content/articles/2019/a.md:12:5: error: linked file not found: content/articles/2019/ke-hoach.pdf; did you mean '../../files/ke-hoach.pdf' or '/files/ke-hoach.pdf'?",
            ])
    }

    @Test func theLeadImageAcceptsTheFormsOfABodyImage() throws {
        let site = try TestSite()
        try site.write("content/images/a.jpg", TestPhotos.photo(width: 64, height: 48))
        for (i, form) in ["images/a.jpg", "/images/a.jpg", "../../images/a.jpg"].enumerated() {
            try site.article(
                "2019/tin-\(i)", "title: Tin \(i)\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\nimage: \(form)")
        }
        let report = try site.build()
        #expect(report.diagnostics.isEmpty)
        for i in 0..<3 {
            #expect(try site.html("tin-\(i)/index.html").contains("src=\"/images/a-64w."))
        }
    }

    @Test func draftsOnlyWithTheFlag() throws {
        let site = try TestSite()
        try site.article("nhap", "title: Bản nháp\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\ndraft: true")
        _ = try site.build()
        #expect(!site.exists("ban-nhap/index.html"))
        _ = try site.build(drafts: true)
        #expect(site.exists("ban-nhap/index.html"))
    }

    @Test func siteTemplateOverridesOneTemplateAndKeepsTheRest() throws {
        let site = try sampleSite()
        try site.write(
            "site/templates/article.mustache",
            "{{<base}}{{$main}}<h1 class=\"rieng\">{{article.title}}</h1>{{/main}}{{/base}}")
        _ = try site.build()
        let article = try site.html("cum-thi-dua-hop/index.html")
        #expect(article.contains("<h1 class=\"rieng\">Cụm thi đua họp</h1>"))
        #expect(article.contains("Thống kê truy cập"))  // base layout and partials still the defaults
    }

    @Test func templateSyntaxErrorNamesFileAndLine() throws {
        let site = try sampleSite()
        try site.write("site/templates/category.mustache", "<h1>\n{{#list}}\n<p>{{title}}</p>\n")
        let errors = try #require(site.buildFailure()).map(\.description)
        #expect(errors.count == 1)
        #expect(errors[0].hasPrefix("site/templates/category.mustache:2:1:"), "\(errors)")
        #expect(errors[0].contains("error: template error"))
        #expect(errors[0].contains("{{#list}} is never closed with {{/list}}"), "\(errors)")
    }

    @Test func templateClosingTheWrongSectionNamesBothTags() throws {
        let site = try sampleSite()
        try site.write("site/templates/category.mustache", "<ul>{{#list}}\n<li>{{title}}</li>\n{{/lisst}}</ul>\n")
        let errors = try #require(site.buildFailure()).map(\.description)
        #expect(errors.count == 1)
        #expect(errors[0].hasPrefix("site/templates/category.mustache:3:1:"), "\(errors)")
        #expect(errors[0].contains("{{/lisst}} closes a section opened as {{#list}}"), "\(errors)")
    }

    @Test func brokenSiteYAMLIsReportedWithItsLine() throws {
        let site = try TestSite(siteYAML: "title: T\nbase_url: https://x.vn/\ncategories:\n  - key: a\n    title: [")
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: a")
        let errors = try #require(site.buildFailure()).map(\.description)
        #expect(errors.first?.hasPrefix("site/site.yaml:") == true)
        #expect(errors.first?.contains("invalid YAML") == true)
    }

    @Test func bomCRLFAndNFDArticlesWork() throws {
        let site = try TestSite()
        let text =
            "---\r\ntitle: \"Thi đua miền Đông\"\r\ndate: 2019-07-09\r\ncategory: tin-tuc-su-kien\r\n---\r\n\r\nNội dung.\r\n"
        try site.write(
            "content/articles/crlf.md", Data([0xEF, 0xBB, 0xBF]) + Data(text.decomposedStringWithCanonicalMapping.utf8))
        _ = try site.build()
        let html = try site.html("thi-dua-mien-dong/index.html")
        #expect(html.contains("Thi đua miền Đông".precomposedStringWithCanonicalMapping))
    }

    @Test func vietnameseFileAndFolderNamesWork() throws {
        let site = try TestSite()
        try site.write(
            "content/bài viết/tin mới.md",
            "---\ntitle: Tin mới\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\n---\n\n![ảnh](<../ảnh hội nghị.png>)\n")
        try site.write("content/ảnh hội nghị.png", TestPhotos.photo(width: 64, height: 48, format: "png"))
        let report = try site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(try site.html("tin-moi/index.html").contains("src=\"/%E1%BA%A3nh%20h%E1%BB%99i%20ngh%E1%BB%8B-64w."))
        #expect(site.exists("ảnh hội nghị.png"))
    }
}
