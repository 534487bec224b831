import Foundation
import Testing

@testable import PortalEngine

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An editor's ordinary day, end to end on a temporary site: tables, pasted HTML, backup files,
/// scheduled articles, edited titles and front matter that looks right but is not.
@Suite struct EditorMistakesTests {
    let category = "category: tin-tuc-su-kien"

    func build(_ site: TestSite, now: Timestamp = TestSite.now, future: Bool = false) throws(BuildFailure)
        -> BuildReport
    {
        var options = BuildOptions(sourceRoot: site.root, now: now)
        options.includeFuture = future
        return try SiteBuilder.build(options)
    }

    // MARK: Tables and pasted HTML

    @Test func aPipeTableIsATableWithItsAlignment() throws {
        let site = try TestSite()
        try site.article(
            "bang", "title: Bảng điểm\ndate: 2019-07-09\n\(category)",
            body: "Kết quả:\n\n| Đơn vị | Điểm |\n| :-- | --: |\n| Hạ Lang | 95,5 |\n| Thạch An | 90 |")
        let report = try site.build()
        #expect(report.diagnostics.isEmpty)
        let page = try site.html("bang-diem/index.html")
        #expect(page.contains("<div class=\"table-scroll\" tabindex=\"0\"><table>"))
        #expect(page.contains("<th style=\"text-align: left\">Đơn vị</th>"))
        #expect(page.contains("<td style=\"text-align: right\">95,5</td>"))
        #expect(!page.contains("| Hạ Lang |"))
    }

    @Test func pastedHTMLIsAWarningAtItsLineSayingWhatToWrite() throws {
        let site = try TestSite()
        try site.article(
            "dan", "title: Dán từ Word\ndate: 2019-07-09\n\(category)",
            body:
                "Đoạn một.\n\n<table>\n<tr><td>1</td></tr>\n</table>\n\nXem <iframe src=\"https://x.vn\"></iframe> ở đây."
        )
        let report = try site.build()
        let messages = report.diagnostics.map(\.description)
        #expect(messages.count == 2)
        #expect(
            messages[0].hasPrefix("content/articles/dan.md:9:1: warning: raw HTML <table>, <tr>, <td> was left out"))
        #expect(messages[0].contains("| --- | --: |"))
        #expect(messages[1].hasPrefix("content/articles/dan.md:13:5: warning: raw HTML <iframe> was left out"))
        #expect(!(try site.html("dan-tu-word/index.html")).contains("<iframe"))
    }

    // MARK: Only what is meant to be published

    @Test func backupsAndLockFilesAreNeverReadNorPublished() throws {
        let site = try TestSite()
        try site.article("2019/bai-viet", "title: Bài viết\ndate: 2019-07-09\n\(category)")
        let leftovers = [
            "articles/2019/bai-viet.md~", "articles/2019/bai-viet.md.bak", "articles/2019/~$bao-cao.docx",
            "articles/2019/.#bai-viet.md", "articles/2019/.~lock.bao-cao.docx#", "images/Thumbs.db",
            "images/desktop.ini", "images/.DS_Store", "images/anh.jpg.tmp", "articles/2019/.bai-viet.md.swp",
        ]
        for name in leftovers { try site.write("content/" + name, "---\ntitle: [hỏng\n---\n") }
        try site.write("content/images/anh.jpg", TestPhotos.photo(width: 64, height: 48))
        let report = try site.build()
        #expect(report.diagnostics.isEmpty)
        #expect(report.leftoversSkipped == leftovers.count)
        #expect(report.notes.first?.text(.en).hasPrefix("\(leftovers.count) backup, lock or system file(s)") == true)
        let published = Set(try site.snapshotOutput().keys)
        #expect(published.contains("images/anh.jpg"))
        for name in leftovers {
            let file = String(name.split(separator: "/").last!)
            #expect(!published.contains { $0.hasSuffix(file) }, "\(name) was published")
        }
    }

    @Test func markdownInAnyCaseIsAnArticle() throws {
        let site = try TestSite()
        try site.write("content/articles/hoa.MD", "---\ntitle: Chữ hoa\ndate: 2019-07-09\n\(category)\n---\nA.\n")
        try site.write(
            "content/articles/dai.Markdown", "---\ntitle: Đuôi dài\ndate: 2019-07-09\n\(category)\n---\nB.\n")
        let report = try site.build()
        #expect(report.articles == 2)
        #expect(site.exists("chu-hoa/index.html") && site.exists("duoi-dai/index.html"))
        #expect(!site.exists("articles/hoa.MD") && !site.exists("articles/dai.Markdown"))
    }

    @Test func unlistedFileTypesAreWarnedAboutAndNotCopiedUnlessSiteYAMLListsThem() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\n\(category)")
        try site.write("content/files/ban-do.kmz", "kmz")
        try site.write("content/files/ghi-chu", "no type")
        try site.write("content/files/bao-cao.PDF", "pdf")
        let report = try site.build()
        #expect(
            report.diagnostics.map(\.description) == [
                "content/files/ban-do.kmz: warning: not published: '.kmz' files are not on the list of files to publish (images, PDF, office documents, archives, audio, video); add kmz to site.yaml's publish_file_types to publish it",
                "content/files/ghi-chu: warning: not published: a file without a type (.pdf, .jpg…) is not on the list of files to publish; rename it with its type",
            ])
        #expect(!site.exists("files/ban-do.kmz") && site.exists("files/bao-cao.PDF"))

        try site.write("site/site.yaml", TestSite.siteYAML + "\npublish_file_types: [KMZ]\n")
        _ = try site.build()
        #expect(site.exists("files/ban-do.kmz"))

        try site.write("site/site.yaml", TestSite.siteYAML + "\npublish_file_types: [kmz, .html]\n")
        let errors = try #require(site.buildFailure())
        #expect(errors.map(\.description).contains { $0.contains("'.html' files cannot be published from content/") })
    }

    // MARK: Scheduled publishing

    @Test func anArticleDatedInTheFutureWaitsForItsDate() throws {
        let site = try TestSite()
        try site.article(
            "hom-nay", "title: Hôm nay\ndate: 2029-07-09 08:00\n\(category)", body: "[Sắp tới](sap-toi.md)")
        try site.article("sap-toi", "title: Sắp tới\ndate: 2029-07-10 07:30\n\(category)")
        let first = try build(site)
        #expect(first.articles == 1 && first.scheduled == 1)
        #expect(
            first.notes.contains {
                $0.text(.en).hasPrefix(
                    "1 article(s) dated in the future wait; the first is published by the first build after 10/07/2029 07:30"
                )
            })
        #expect(!site.exists("sap-toi/index.html"))
        #expect(!(try site.html("index.html")).contains("/sap-toi/"))
        // The link to it is left out with a warning, not published broken.
        #expect(
            first.diagnostics.map(\.message) == [
                "links to content/articles/sap-toi.md, which is not published: it is scheduled for 10/07/2029 07:30; the link is left out until it is"
            ])
        #expect((try site.html("hom-nay/index.html")).contains("<a href=\"\">Sắp tới</a>"))

        let withFuture = try build(site, future: true)
        #expect(withFuture.articles == 2 && site.exists("sap-toi/index.html"))

        _ = try build(site)
        #expect(!site.exists("sap-toi/index.html"))
        let due = Timestamp(secondsSince1970: TestSite.now.secondsSince1970 + 86_400)
        let later = try build(site, now: due)
        #expect(!later.upToDate && later.articles == 2 && later.scheduled == 0)
        #expect(site.exists("sap-toi/index.html"))
        #expect((try site.html("hom-nay/index.html")).contains("<a href=\"/sap-toi/\">Sắp tới</a>"))
    }

    @Test func anUpToDateBuildStillSaysWhatIsWaitingAndTheDueDateEndsIt() throws {
        let site = try TestSite()
        try site.article("hom-nay", "title: Hôm nay\ndate: 2029-07-09 08:00\n\(category)")
        try site.article("sap-toi", "title: Sắp tới\ndate: 2029-07-10 07:30\n\(category)")
        _ = try build(site)
        let again = try build(site)
        #expect(again.upToDate && again.scheduled == 1 && again.nextScheduled != nil)
        // No file changed, but the date has come: the up-to-date check must not skip this build.
        let due = Timestamp(secondsSince1970: TestSite.now.secondsSince1970 + 86_400)
        let later = try build(site, now: due)
        #expect(!later.upToDate && later.articles == 2 && site.exists("sap-toi/index.html"))
    }

    // MARK: Published URLs keep working

    @Test func aChangedURLLeavesARedirectAndAWarningUntilItIsAnAlias() throws {
        let site = try TestSite()
        try site.article("2019/hop", "title: Cụm thi đua họp\ndate: 2019-07-09\n\(category)")
        _ = try site.build()
        #expect(site.exists("cum-thi-dua-hop/index.html"))
        #expect((try site.html(PublishedURLs.fileName)).contains("content/articles/2019/hop.md\tcum-thi-dua-hop/"))

        try site.article("2019/hop", "title: Cụm thi đua số 1 họp sơ kết\ndate: 2019-07-09\n\(category)")
        let edited = try site.build()
        #expect(
            edited.diagnostics.map(\.description) == [
                "content/articles/2019/hop.md:2:8: warning: this article's URL changed from /cum-thi-dua-hop/ to /cum-thi-dua-so-1-hop-so-ket/; the old URL redirects here for now. Add it to 'aliases:' (aliases: [\"/cum-thi-dua-hop/\"]) to keep it for good, or set 'slug: cum-thi-dua-hop' to keep the old URL"
            ])
        let redirect = try site.html("cum-thi-dua-hop/index.html")
        #expect(redirect.contains("/cum-thi-dua-so-1-hop-so-ket/"))
        #expect(site.exists("cum-thi-dua-so-1-hop-so-ket/index.html"))

        // The record lives in public/: it survives a deleted cache, and a second edit keeps both.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".build-site-cache"))
        try site.article("2019/hop", "title: Cụm thi đua số 1 họp\ndate: 2019-07-09\n\(category)")
        let twice = try site.build()
        #expect(twice.diagnostics.count == 2)
        #expect((try site.html("cum-thi-dua-hop/index.html")).contains("/cum-thi-dua-so-1-hop/"))
        #expect((try site.html("cum-thi-dua-so-1-hop-so-ket/index.html")).contains("/cum-thi-dua-so-1-hop/"))

        // Made permanent as the warning says: no warning, the redirects stay.
        try site.article(
            "2019/hop",
            "title: Cụm thi đua số 1 họp\ndate: 2019-07-09\n\(category)\naliases: [\"/cum-thi-dua-hop/\", \"/cum-thi-dua-so-1-hop-so-ket/\"]"
        )
        let settled = try site.build()
        #expect(settled.diagnostics.isEmpty)
        #expect((try site.html("cum-thi-dua-hop/index.html")).contains("/cum-thi-dua-so-1-hop/"))
    }

    @Test func anOldURLTakenByAnotherArticleIsNotRedirected() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin A\ndate: 2019-07-09\n\(category)")
        _ = try site.build()
        try site.article("a", "title: Tin A mới\ndate: 2019-07-09\n\(category)")
        try site.article("b", "title: Tin A\ndate: 2019-07-10\n\(category)")
        let report = try site.build()
        #expect(report.diagnostics.isEmpty)
        #expect((try site.html("tin-a/index.html")).contains("<h1"))
    }

    @Test func aDeletedArticleLeavesTheRecord() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin A\ndate: 2019-07-09\n\(category)")
        try site.article("b", "title: Tin B\ndate: 2019-07-09\n\(category)")
        _ = try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/a.md"))
        _ = try site.build()
        #expect(!(try site.html(PublishedURLs.fileName)).contains("articles/a.md"))
        #expect(!site.exists("tin-a/index.html"))
    }

    // MARK: Front matter that looks right but is not

    @Test func commaSeparatedTagsAreSplitWithAWarningShowingTheList() throws {
        let site = try TestSite()
        try site.article(
            "a",
            "title: Tin\ndate: 2019-07-09\n\(category)\ntags: sơ kết, nông thôn mới\nunits: [\"Hạ Lang, Cao Bằng\"]")
        let report = try site.build()
        #expect(
            report.diagnostics.map(\.description) == [
                "content/articles/a.md:5:7: warning: 'tags' is one text with commas; it was read as 2 items. Write it as a list: tags: [\"sơ kết\", \"nông thôn mới\"]"
            ])
        #expect(site.exists("tu-khoa/so-ket/index.html") && site.exists("tu-khoa/nong-thon-moi/index.html"))
    }

    @Test func curlyQuotesAroundATitleAreLeftOutWithAWarning() throws {
        let site = try TestSite()
        try site.article("a", "title: “Hội nghị sơ kết”\ndate: 2019-07-09\n\(category)")
        try site.article("b", "title: Phát động “Thi đua yêu nước” năm 2019\ndate: 2019-07-09\n\(category)")
        let report = try site.build()
        #expect(report.diagnostics.map(\.position?.line) == [2])
        #expect(report.diagnostics.first?.message.contains("curly quotes") == true)
        let page = try site.html("hoi-nghi-so-ket/index.html")
        #expect(page.contains(">Hội nghị sơ kết</h1>") && !page.contains("“Hội nghị"))
        #expect((try site.html("phat-dong-thi-dua-yeu-nuoc-nam-2019/index.html")).contains("“Thi đua yêu nước”"))
    }

    @Test func aCategoryGivenByItsTitleOrMisspeltGetsTheKey() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin A\ndate: 2019-07-09\ncategory: Tin tức sự kiện")
        try site.article("b", "title: Tin B\ndate: 2019-07-09\ncategory: tin-tuc-su-kein")
        try site.article("c", "title: Tin C\ndate: 2019-07-09\ncategory: van-hoa")
        let messages = try #require(site.buildFailure()).map(\.description)
        #expect(
            messages == [
                "content/articles/a.md:4:11: error: unknown category 'Tin tức sự kiện'; did you mean 'tin-tuc-su-kien'? 'category' takes a key from site.yaml, not the title",
                "content/articles/b.md:4:11: error: unknown category 'tin-tuc-su-kein'; did you mean 'tin-tuc-su-kien'? 'category' takes a key from site.yaml, not the title",
                "content/articles/c.md:4:11: error: unknown category 'van-hoa'; site.yaml has: tin-tuc-su-kien, chinh-tri-kt-vh-xh, tin-hoat-dong-cum-khoi",
            ])
    }

    @Test func aDayFirstDateIsAnErrorOfferingTheYearFirstForm() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin A\ndate: 14/08/2020\n\(category)")
        try site.article("b", "title: Tin B\ndate: 9/7/2019 8:22\n\(category)")
        try site.article("c", "title: Tin C\ndate: 31/02/2020\n\(category)")
        let messages = try #require(site.buildFailure()).map(\.description)
        #expect(
            messages == [
                "content/articles/a.md:3:7: error: '14/08/2020' is written day/month/year; write the year first: 2020-08-14",
                "content/articles/b.md:3:7: error: '9/7/2019 8:22' is written day/month/year; write the year first: 2019-07-09 08:22",
                "content/articles/c.md:3:7: error: '31/02/2020' is not a date; write 2019-07-09, 2019-07-09 08:22 or 2019-07-09T08:22:00+07:00",
            ])
    }
}

/// URL segments: Vietnamese by default, renamed in site.yaml without a broken link.
@Suite struct URLSegmentTests {
    @Test func defaultsAreVietnameseAndSiteYAMLRenamesThem() throws {
        let site = try TestSite()
        for i in 1...3 {
            try site.article(
                "a\(i)",
                "title: Tin \(i)\ndate: 2019-07-0\(i)\ncategory: chinh-tri-kt-vh-xh\nbloc: Khối Nội chính\nunits: [Hạ Lang]\ntags: [sơ kết]"
            )
        }
        _ = try site.build()
        for path in [
            "chuyen-muc/chinh-tri-kt-vh-xh/index.html", "chuyen-muc/chinh-tri-kt-vh-xh/trang/2/index.html",
            "khoi-thi-dua/khoi-noi-chinh/index.html", "don-vi/ha-lang/index.html", "tu-khoa/so-ket/index.html",
            "tim-kiem/index.html",
        ] {
            #expect(site.exists(path), "\(path)")
        }
        #expect(OutputCheck.run(output: site.output).problems.isEmpty)

        try site.write(
            "site/site.yaml",
            TestSite.siteYAML
                + "\nurls:\n  category: category\n  bloc: bloc\n  units: units\n  tags: tags\n  search: search-page\n  page: page\n"
        )
        _ = try site.build()
        for path in [
            "category/chinh-tri-kt-vh-xh/page/2/index.html", "units/ha-lang/index.html", "search-page/index.html",
        ] {
            #expect(site.exists(path), "\(path)")
        }
        #expect(!site.exists("chuyen-muc/chinh-tri-kt-vh-xh/index.html"))
        #expect(OutputCheck.run(output: site.output).problems.isEmpty)
        #expect(try site.html("tin-1/index.html").contains("href=\"/units/ha-lang/\""))
    }

    @Test func oldPortalURLsBesideTheGeneratorsFoldersAreAliasesButItsPagesAreNot() throws {
        let site = try TestSite()
        try site.article(
            "a",
            "title: Tin A\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\nbloc: Khối Nội chính\naliases: [/khoi-thi-dua/5107-tin-a.html, /tu-khoa/cu/]"
        )
        _ = try site.build()
        #expect(try site.html("khoi-thi-dua/5107-tin-a.html").contains("/tin-a/"))
        #expect(try site.html("tu-khoa/cu/index.html").contains("/tin-a/"))
        for taken in [
            "/khoi-thi-dua/", "/khoi-thi-dua/khoi-noi-chinh/", "/chuyen-muc/tin-tuc-su-kien/trang/2/", "/robots.txt",
            "/search/x/",
        ] {
            try site.article(
                "b",
                "title: Tin B\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\nbloc: Khối Nội chính\naliases: [\"\(taken)\"]"
            )
            let errors = try #require(site.buildFailure(), "\(taken)").map(\.message)
            #expect(errors == ["alias '\(taken)' would replace a page of the site"])
        }
    }

    @Test func badSegmentsAreErrors() throws {
        let site = try TestSite()
        try site.write(
            "site/site.yaml",
            TestSite.siteYAML + "\nurls:\n  category: don vi\n  units: tu-khoa\n  tags: tu-khoa\n  chuyen: x\n")
        let messages = try #require(site.buildFailure()).map(\.description)
        #expect(messages.contains { $0.contains("slug 'don vi' has ' '") })
        #expect(messages.contains { $0.contains("'tu-khoa' is the URL segment of both") })
        #expect(messages.contains { $0.contains("there is no setting 'chuyen' here") })
    }
}

/// What the output carries for the web hosts portals have, and for opening it from disk.
@Suite struct DeploymentTests {
    @Test func apacheAndIISSettingsPointAtTheSitesOwn404AndCanBeTurnedOff() throws {
        let site = try TestSite(
            siteYAML: TestSite.siteYAML.replacingOccurrences(
                of: "https://thidua.example.gov.vn/", with: "https://example.gov.vn/thidua/"))
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        _ = try site.build()
        let htaccess = try site.html(".htaccess")
        #expect(htaccess.contains("ErrorDocument 404 /thidua/404.html\n"))
        #expect(htaccess.contains("AddDefaultCharset utf-8") && htaccess.contains("ExpiresActive On"))
        let webConfig = try site.html("web.config")
        #expect(webConfig.contains(#"<error statusCode="404" path="/thidua/404.html" responseMode="ExecuteURL" />"#))
        #expect(try XMLDocumentCheck.isWellFormed(webConfig))
        #expect(!(try site.html("sitemap.xml")).contains("htaccess"))

        try site.write(
            "site/site.yaml",
            TestSite.siteYAML + "\ndeploy_files:\n  htaccess: false\n  web_config: false\n")
        _ = try site.build()
        #expect(!site.exists(".htaccess") && !site.exists("web.config"))
    }

    @Test func relativeURLsMakeEveryLinkWorkFromDisk() throws {
        let site = try TestSite(siteYAML: TestSite.siteYAML + "\nrelative_urls: true\n")
        try site.write("content/images/a.jpg", TestPhotos.photo(width: 64, height: 48))
        try site.article(
            "2019/a", "title: Tin A\ndate: 2019-07-09\ncategory: chinh-tri-kt-vh-xh\ntags: [sơ kết]\naliases: [/cu/a/]",
            body: "![ảnh](../../images/a.jpg) [Tin B](b.md)")
        try site.article("2019/b", "title: Tin B\ndate: 2019-07-10\ncategory: tin-tuc-su-kien")
        _ = try site.build()
        let page = try site.html("tin-a/index.html")
        #expect(page.contains(#"src="../images/a-64w."#) && page.contains(#"href="../tin-b/index.html""#))
        #expect(page.contains(#"href="../css/portal.css""#) && page.contains(#"href="../index.html""#))
        #expect(page.contains(#"href="../tu-khoa/so-ket/index.html""#))
        #expect(try site.html("cu/a/index.html").contains(#"url=../../tin-a/index.html""#))
        // Every page but the 404 (served by servers at any depth) links without a leading slash.
        for (path, data) in try site.snapshotOutput() where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains(#"href="/"#) && !html.contains(#"src="/"#), "\(path)")
        }
        #expect(OutputCheck.run(output: site.output).problems.isEmpty)

        // Turning it off re-renders every page, although no article changed.
        try site.write("site/site.yaml", TestSite.siteYAML)
        _ = try site.build()
        #expect(try site.html("tin-a/index.html").contains(#"href="/css/portal.css""#))
    }
}

/// Enough XML reading to know a file parses.
enum XMLDocumentCheck {
    static func isWellFormed(_ text: String) throws -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
