import Foundation
import Testing

@testable import PortalEngine

/// Documents (văn bản): their pages, the list with its filters' data, their status on the day
/// of the build, and each mistake an editor can make in their fields.
@Suite struct DocumentTests {
    static let siteYAML =
        TestSite.siteYAML + """

            documents:
              title: "Văn bản chỉ đạo, điều hành"
              types: [Quyết định, Kế hoạch, Công văn]
            """

    /// Three documents: a plan of 2019 that a plan of 2020 replaces, and a decision of 2019 in
    /// another folder, made a document by `type:`.
    func site() throws -> TestSite {
        let site = try TestSite(siteYAML: Self.siteYAML)
        try site.write("content/files/kh-45.pdf", Data(repeating: 0x25, count: 2_000))
        try site.write(
            "content/van-ban/2019/kh-45.md",
            """
            ---
            so_ky_hieu: 45/KH-UBND
            loai: Kế hoạch
            co_quan: UBND tỉnh Cao Bằng
            nguoi_ky: Hoàng Xuân Ánh
            ngay_ban_hanh: 2019-02-20
            linh_vuc: [Thi đua - Khen thưởng, Nội vụ]
            trich_yeu: Tổ chức phong trào thi đua năm 2019
            files: [files/kh-45.pdf]
            ---

            Nội dung tóm tắt của kế hoạch.
            """)
        try site.write(
            "content/van-ban/2020/kh-30.md",
            """
            ---
            so_ky_hieu: 30/KH-UBND
            loai: Kế hoạch
            co_quan: UBND tỉnh Cao Bằng
            ngay_ban_hanh: 2020-02-14
            ngay_hieu_luc: 2020-03-01
            trich_yeu: Tổ chức phong trào thi đua năm 2020
            thay_the: [45/KH-UBND]
            ---
            """)
        try site.article(
            "qd-15",
            """
            type: van-ban
            so_ky_hieu: 15/QĐ-SNV
            loai: Quyết định
            co_quan: Sở Nội vụ
            ngay_ban_hanh: 2019-07-01
            ngay_het_hieu_luc: 2030-01-01
            linh_vuc: Nội vụ
            trich_yeu: Về việc khen thưởng các tập thể
            lien_quan: [45/kh-ubnd]
            """)
        try site.article(
            "tin", "slug: tin\ntitle: Hội nghị sơ kết\ndate: 2019-07-10 08:00\ncategory: tin-tuc-su-kien",
            body: "Theo [Kế hoạch 45](../van-ban/2019/kh-45.md).")
        return site
    }

    @Test func eachDocumentHasAPageWithItsFieldsFilesAndStatus() throws {
        let site = try site()
        let report = try site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try site.html("van-ban/45-kh-ubnd-2019/index.html")
        #expect(page.contains("<h1 class=\"article-title\">Kế hoạch số 45/KH-UBND</h1>"))
        #expect(page.contains("<tr><th scope=\"row\">Số ký hiệu</th><td>45/KH-UBND</td></tr>"))
        #expect(page.contains("<tr><th scope=\"row\">Người ký</th><td>Hoàng Xuân Ánh</td></tr>"))
        #expect(page.contains("<time datetime=\"2019-02-20T00:00:00+07:00\">20/02/2019</time>"))
        #expect(page.contains("href=\"/van-ban/?co_quan=ubnd-tinh-cao-bang\">UBND tỉnh Cao Bằng</a>"))
        #expect(page.contains("<a href=\"/van-ban/?linh_vuc=noi-vu\">Nội vụ</a>"))
        // Replaced by the 2020 plan from 1 March 2020: ended on the build's day (July 2029).
        #expect(page.contains("<span class=\"status status-het-hieu-luc\">Hết hiệu lực</span>"))
        #expect(page.contains("tính đến ngày 09/07/2029; Hết hiệu lực từ ngày 01/03/2020"))
        #expect(
            page.contains("Bị thay thế bởi</th><td><a href=\"/van-ban/30-kh-ubnd-2020/\">Kế hoạch số 30/KH-UBND</a>"))
        #expect(
            page.contains("<a href=\"/files/kh-45.pdf\">kh-45.pdf</a> <span class=\"file-size\">(PDF, 2 KB)</span>"))
        #expect(page.contains("<object data=\"/files/kh-45.pdf\" type=\"application/pdf\""))
        #expect(page.contains("<p>Nội dung tóm tắt của kế hoạch.</p>"))
        let replacing = try site.html("van-ban/30-kh-ubnd-2020/index.html")
        #expect(replacing.contains("Thay thế văn bản</th><td><a href=\"/van-ban/45-kh-ubnd-2019/\">"))
        #expect(replacing.contains("status-con-hieu-luc"))
        #expect(!replacing.contains("<object"))  // no PDF to show
        // `type: van-ban` makes a document of a file outside content/van-ban/.
        let decision = try site.html("van-ban/15-qd-snv-2019/index.html")
        #expect(decision.contains("Văn bản liên quan"))
        #expect(decision.contains("<a href=\"/van-ban/45-kh-ubnd-2019/\">Kế hoạch số 45/KH-UBND</a>"))
        // A news article links to a document's file, which resolves to its page.
        #expect(try site.html("tin/index.html").contains("<a href=\"/van-ban/45-kh-ubnd-2019/\">Kế hoạch 45</a>"))
    }

    @Test func theSummaryCountsNewsAndDocumentsApart() throws {
        let site = try site()
        let report = try site.build()
        #expect(report.count.text(.vi) == "1 bài viết, 3 văn bản")
        #expect(report.count.text(.en) == "1 articles, 3 documents")
        let again = try site.build()
        #expect(again.upToDate && again.count.text(.vi) == "1 bài viết, 3 văn bản")
        #expect(try TestSite().build().count.text(.vi) == "0 bài viết")
    }

    @Test func theListIsNewestFirstPaginatedWithItsFiltersChoices() throws {
        let site = try site()
        _ = try site.build()
        let first = try site.html("van-ban/index.html")
        let rows = first.components(separatedBy: "<td class=\"doc-number\">").dropFirst().map {
            $0.components(separatedBy: "</a>")[0]
        }
        #expect(
            rows == [
                "<a href=\"/van-ban/30-kh-ubnd-2020/\">30/KH-UBND", "<a href=\"/van-ban/15-qd-snv-2019/\">15/QĐ-SNV",
            ])
        #expect(first.contains("3 văn bản. Tình trạng hiệu lực tính đến ngày 09/07/2029."))
        #expect(first.contains("<option value=\"2020\">2020 (1)</option><option value=\"2019\">2019 (2)</option>"))
        // Types in the order site.yaml lists them; bodies and fields alphabetically.
        #expect(
            first.contains(
                "<option value=\"quyet-dinh\">Quyết định (1)</option><option value=\"ke-hoach\">Kế hoạch (2)</option>"))
        #expect(
            first.contains(
                "<option value=\"so-noi-vu\">Sở Nội vụ (1)</option><option value=\"ubnd-tinh-cao-bang\">UBND tỉnh Cao Bằng (2)</option>"
            ))
        #expect(
            first.contains(
                "<option value=\"noi-vu\">Nội vụ (2)</option><option value=\"thi-dua-khen-thuong\">Thi đua - Khen thưởng (1)</option>"
            ))
        #expect(first.contains("href=\"/van-ban/trang/2/\""))
        #expect(try site.html("van-ban/trang/2/index.html").contains(">45/KH-UBND</a>"))
        // Home: the newest documents; the menu: the list.
        let home = try site.html("index.html")
        #expect(home.contains("<a href=\"/van-ban/\">Văn bản chỉ đạo, điều hành</a></h2>"))
        #expect(home.contains("<li><a href=\"/van-ban/\">Văn bản chỉ đạo, điều hành</a></li>"))
        #expect(home.contains(">15/QĐ-SNV</a>"))
    }

    @Test func theListGoesByIssueDayEvenWhenADocumentIsDatedOtherwise() throws {
        let site = try site()
        // Posted in 2021, issued in 2019: the list still puts it after the plan of 2020.
        try site.write(
            "content/van-ban/2019/kh-45.md",
            "---\nso_ky_hieu: 45/KH-UBND\nloai: Kế hoạch\nco_quan: UBND tỉnh Cao Bằng\nngay_ban_hanh: 2019-02-20\n"
                + "date: 2021-01-05 08:00\ntrich_yeu: Tổ chức phong trào thi đua năm 2019\n---\n")
        _ = try site.build()
        let data = try Data(contentsOf: site.output.appendingPathComponent("van-ban/du-lieu.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let documents = try #require(json["documents"] as? [[String: Any]])
        #expect(documents.map { $0["n"] as? String } == ["30/KH-UBND", "15/QĐ-SNV", "45/KH-UBND"])
    }

    @Test func theFiltersDataHasEveryDocumentsValues() throws {
        let site = try site()
        _ = try site.build()
        let data = try Data(contentsOf: site.output.appendingPathComponent("van-ban/du-lieu.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["status_date"] as? String == "09/07/2029")
        let labels = try #require(json["labels"] as? [String: String])
        #expect(labels["het-hieu-luc"] == "Hết hiệu lực")
        let documents = try #require(json["documents"] as? [[String: Any]])
        #expect(documents.map { $0["n"] as? String } == ["30/KH-UBND", "15/QĐ-SNV", "45/KH-UBND"])
        let plan = documents[2]
        #expect(plan["u"] as? String == "/van-ban/45-kh-ubnd-2019/")
        #expect(plan["nam"] as? String == "2019")
        #expect(plan["loai"] as? String == "ke-hoach")
        #expect(plan["co_quan"] as? String == "ubnd-tinh-cao-bang")
        #expect(plan["linh_vuc"] as? [String] == ["thi-dua-khen-thuong", "noi-vu"])
        #expect(plan["s"] as? String == "het-hieu-luc")
        #expect(plan["d"] as? String == "20/02/2019")
        #expect(plan["a"] as? String == "Tổ chức phong trào thi đua năm 2019")
    }

    @Test func documentsAreInFeedsSitemapAndSearchButNotTheNewsArchive() throws {
        let site = try site()
        _ = try site.build()
        #expect(try site.html("index.xml").contains("<title>Kế hoạch số 30/KH-UBND</title>"))
        let feed = try site.html("van-ban/index.xml")
        #expect(feed.components(separatedBy: "<item>").count == 4)
        #expect(feed.contains("<description>Tổ chức phong trào thi đua năm 2020</description>"))
        let sitemap = try site.html("sitemap.xml")
        #expect(sitemap.contains("<loc>https://thidua.example.gov.vn/van-ban/</loc>"))
        #expect(sitemap.contains("<loc>https://thidua.example.gov.vn/van-ban/45-kh-ubnd-2019/</loc>"))
        #expect(!site.exists("2020/index.html"))  // only a document in 2020: no news archive
        #expect(!(try site.html("2019/index.html")).contains("45/KH-UBND"))
        // The index holds the number's syllables in the title, and the trích yếu as the snippet.
        let entries = try site.html("search/d/0.json")
        #expect(
            entries.contains(
                "[\"Kế hoạch số 30/KH-UBND\",\"/van-ban/30-kh-ubnd-2020/\",\"14/02/2020\",-1,\"Tổ chức phong trào thi đua năm 2020\"]"
            ))
    }

    /// The plan of 2020 takes effect on 1 March 2020 and ends the plan of 2019; the decision
    /// ends on 1 January 2030.
    @Test func statusLabelsFollowTheBuildsDay() throws {
        let site = try site()
        func status(_ page: String, at now: Timestamp) throws -> String {
            _ = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, now: now))
            let html = try site.html(page)
            return html.components(separatedBy: "<span class=\"status status-")[1].components(separatedBy: "\"")[0]
        }
        let feb2020 = Timestamp(secondsSince1970: 1_582_000_000)  // 18 Feb 2020
        let mar2020 = Timestamp(secondsSince1970: 1_583_020_800)  // 1 Mar 2020 00:00 UTC, 07:00 in Hanoi
        let jan2030 = Timestamp(secondsSince1970: 1_893_430_800)  // 1 Jan 2030 00:00 in Hanoi
        #expect(try status("van-ban/30-kh-ubnd-2020/index.html", at: feb2020) == "chua-co-hieu-luc")
        #expect(try site.html("van-ban/30-kh-ubnd-2020/index.html").contains("Có hiệu lực từ ngày 01/03/2020"))
        #expect(try status("van-ban/45-kh-ubnd-2019/index.html", at: feb2020) == "con-hieu-luc")
        #expect(try status("van-ban/30-kh-ubnd-2020/index.html", at: mar2020) == "con-hieu-luc")
        #expect(try status("van-ban/45-kh-ubnd-2019/index.html", at: mar2020) == "het-hieu-luc")
        #expect(
            try status(
                "van-ban/15-qd-snv-2019/index.html", at: Timestamp(secondsSince1970: jan2030.secondsSince1970 - 1))
                == "con-hieu-luc")
        #expect(try status("van-ban/15-qd-snv-2019/index.html", at: jan2030) == "het-hieu-luc")
    }

    @Test func theBuildOnTheDayAStatusChangesIsNotSkipped() throws {
        let site = try site()
        let before = Timestamp(secondsSince1970: 1_582_000_000)  // 18 Feb 2020
        let after = Timestamp(secondsSince1970: 1_583_020_800)  // 1 Mar 2020
        _ = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, now: before))
        let sameDay = try SiteBuilder.build(
            BuildOptions(sourceRoot: site.root, now: Timestamp(secondsSince1970: before.secondsSince1970 + 60)))
        #expect(sameDay.upToDate)
        // The next day, nothing changes status, but the pages say "as of" which day.
        let nextDay = try SiteBuilder.build(
            BuildOptions(sourceRoot: site.root, now: Timestamp(secondsSince1970: before.secondsSince1970 + 86_400)))
        #expect(!nextDay.upToDate)
        #expect(try site.html("van-ban/45-kh-ubnd-2019/index.html").contains("tính đến ngày 19/02/2020"))
        // Nothing changed on disk, but a document takes effect: the up-to-date check must not skip it.
        let report = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, now: after))
        #expect(!report.upToDate)
        #expect(
            try site.html("van-ban/index.html").contains(
                "status-con-hieu-luc\">Còn hiệu lực</span></td></tr>\n<tr><td class=\"doc-number\"><a href=\"/van-ban/15-qd-snv-2019/\""
            ))
    }

    @Test func theEmbeddedPDFIsCheckedAndRewrittenLikeAnyLink() throws {
        #expect(OutputCheck.references(in: "<object data=\"/a.pdf\" data-x=\"/b\" x-data=\"/c\">") == ["/a.pdf"])
        let site = try site()
        try site.write("site/site.yaml", Self.siteYAML + "\nrelative_urls: true\n")
        _ = try site.build()
        let page = try site.html("van-ban/45-kh-ubnd-2019/index.html")
        #expect(page.contains("<object data=\"../../files/kh-45.pdf\""))
        #expect(OutputCheck.run(output: site.output).problems.isEmpty)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("files/kh-45.pdf"))
        let problems = OutputCheck.run(output: site.output).problems.map(\.description)
        #expect(
            problems.contains {
                $0.contains("van-ban/45-kh-ubnd-2019/index.html") && $0.contains("../../files/kh-45.pdf")
            }, "\(problems)")
    }

    // MARK: Mistakes

    func document(_ fields: String) -> String { "---\n\(fields)\n---\n" }

    let valid = """
        so_ky_hieu: 7/QĐ-UBND
        loai: Quyết định
        co_quan: UBND tỉnh Cao Bằng
        ngay_ban_hanh: 2019-05-06
        trich_yeu: Về việc thành lập Hội đồng
        """

    func failure(_ files: [String: String], yaml: String = DocumentTests.siteYAML) throws -> [String] {
        let site = try TestSite(siteYAML: yaml)
        for (path, text) in files { try site.write(path, text) }
        let diagnostics = try #require(site.buildFailure(), "the build should fail")
        #expect(!site.exists("index.html"))
        return diagnostics.map { $0.description }
    }

    @Test func twoDocumentsWithOneNumberBodyAndYearAreAnErrorNamingBoth() throws {
        let problems = try failure([
            "content/van-ban/a.md": document(valid),
            "content/van-ban/b.md": document(valid.replacingOccurrences(of: "7/QĐ-UBND", with: "7/QD-UBND")),
        ])
        #expect(problems.count == 1, "\(problems)")
        #expect(
            problems[0].contains(
                "van-ban/b.md:2:13: error: document 7/QD-UBND of UBND tỉnh Cao Bằng this year is already in content/van-ban/a.md"
            ),
            "\(problems)")
        #expect(problems[0].contains("van-ban/a.md"))
    }

    @Test func oneNumberInAnotherYearOrFromAnotherBodyIsAnotherDocument() throws {
        let site = try TestSite(siteYAML: Self.siteYAML)
        try site.write("content/van-ban/a.md", document(valid))
        try site.write(
            "content/van-ban/b.md", document(valid.replacingOccurrences(of: "2019-05-06", with: "2020-05-06")))
        try site.write(
            "content/van-ban/c.md",
            document(
                valid.replacingOccurrences(of: "UBND tỉnh Cao Bằng", with: "UBND huyện Hạ Lang")
                    + "\nslug: 7-qd-ubnd-ha-lang"))
        let report = try site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(site.exists("van-ban/7-qd-ubnd-2019/index.html") && site.exists("van-ban/7-qd-ubnd-2020/index.html"))
        #expect(site.exists("van-ban/7-qd-ubnd-ha-lang/index.html"))
    }

    @Test func aReplacedOrRelatedNumberThatNamesNoDocumentIsAnError() throws {
        let problems = try failure([
            "content/van-ban/a.md": document(
                valid + "\nthay_the: [99/QĐ-UBND]\nlien_quan:\n  - 8/QĐ-UBND")
        ])
        #expect(problems.count == 2, "\(problems)")
        #expect(
            problems[0].contains(
                "a.md:7:12: error: 'thay_the' names document 99/QĐ-UBND, but no document has this number"))
        #expect(problems[1].contains("a.md:9:5: error: 'lien_quan' names document 8/QĐ-UBND"))
    }

    @Test func aDraftDocumentMayBeNamedAndExpiresIsNotForDocuments() throws {
        let site = try TestSite(siteYAML: Self.siteYAML)
        try site.write("content/van-ban/nhap.md", document(valid + "\ndraft: true"))
        try site.write(
            "content/van-ban/moi.md",
            document(
                valid.replacingOccurrences(of: "7/QĐ-UBND", with: "9/QĐ-UBND")
                    + "\nthay_the: [7/QĐ-UBND]\nexpires: 2020-01-01"))
        let report = try site.build()
        #expect(
            report.diagnostics.map(\.description) == [
                "content/van-ban/moi.md:8:10: warning: documents do not use 'expires': a document no longer in force stays listed, labelled 'Hết hiệu lực'; write that day as 'ngay_het_hieu_luc' and delete the 'expires' line"
            ])
        #expect(try site.html("van-ban/index.html").contains(">9/QĐ-UBND</a>"))  // listed although "expired"
        #expect(!(try site.html("van-ban/9-qd-ubnd-2019/index.html")).contains("Thay thế văn bản"))  // the draft: not linked
    }

    @Test func badDatesAMissingFieldAnUnknownTypeAndAMissingFileAreErrors() throws {
        let problems = try failure([
            "content/van-ban/ngay.md": document(valid.replacingOccurrences(of: "2019-05-06", with: "6 tháng 5")),
            "content/van-ban/thieu.md": document(
                valid.replacingOccurrences(of: "co_quan: UBND tỉnh Cao Bằng\n", with: "")),
            "content/van-ban/loai.md": document(valid.replacingOccurrences(of: "Quyết định", with: "Chỉ thị")),
            "content/van-ban/hieu-luc.md": document(valid + "\nngay_hieu_luc: 2019-05-01"),
            "content/van-ban/het.md": document(valid + "\nngay_het_hieu_luc: 2019-05-06"),
            "content/van-ban/tep.md": document(valid + "\nfiles: [files/khong-co.pdf]"),
        ])
        func one(_ file: String) -> String { problems.first { $0.contains("/\(file):") } ?? "none for \(file)" }
        #expect(one("ngay.md").contains("ngay.md:5:16: error: '6 tháng 5' is not a date"), "\(problems)")
        #expect(
            one("thieu.md").contains(
                "thieu.md:1:1: error: this document has no 'co_quan'; add a line such as: co_quan: UBND tỉnh Cao Bằng"))
        #expect(
            one("loai.md").contains(
                "loai.md:3:7: error: document type 'Chỉ thị' is not in site.yaml's 'documents: types' (Quyết định, Kế hoạch, Công văn)"
            ))
        #expect(one("hieu-luc.md").contains("hieu-luc.md:7:16: error: 'ngay_hieu_luc' is before 'ngay_ban_hanh'"))
        #expect(
            one("het.md").contains(
                "het.md:7:20: error: 'ngay_het_hieu_luc' is not after the day the document takes effect"))
        #expect(one("tep.md").contains("tep.md:7:9: error:"))
        #expect(problems.count == 6, "\(problems)")
    }

    @Test func anyTypeIsAcceptedWhenTheSiteListsNone() throws {
        let site = try TestSite()
        try site.write("content/van-ban/a.md", document(valid.replacingOccurrences(of: "Quyết định", with: "Chỉ thị")))
        let report = try site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(try site.html("van-ban/index.html").contains("<h1 class=\"list-title\">Văn bản</h1>"))
    }

    @Test func documentFieldsOnANewsArticleSayHowToMakeItADocument() throws {
        let site = try TestSite()
        try site.article("tin", "title: Tin\ndate: 2019-07-10\ncategory: tin-tuc-su-kien\nso_ky_hieu: 15/QĐ-UBND")
        let report = try site.build()
        #expect(
            report.diagnostics.map(\.description) == [
                "content/articles/tin.md:5:13: warning: 'so_ky_hieu' is a document field, so this is still published as news; to publish it as a document, move the file into content/van-ban/ or add 'type: van-ban'"
            ])
        #expect(!site.exists("van-ban/index.html"))
    }
}
