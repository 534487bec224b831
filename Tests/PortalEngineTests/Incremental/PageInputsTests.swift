import Foundation
import Testing

@testable import PortalEngine

/// A body edit keeps every page that does not show the body without building its data; any
/// other change looks at every page, so nothing the pages show goes stale.
@Suite struct PageInputsTests {
    func site() throws -> TestSite {
        let site = try TestSite.withArticles(5, extraFields: "\ntags: [chung]\nauthor: Mai Hiên") {
            "Đoạn đầu của tin \($0).\n\nĐoạn hai."
        }
        try site.write("content/articles/quyet-dinh.docx", Data(repeating: 1, count: 36_000))
        try site.article(
            "a1",
            "title: Tin số 1\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]\nauthor: Mai Hiên\nfiles: [quyet-dinh.docx]",
            body: "Đoạn đầu của tin 1.\n\nĐoạn hai.")
        return site
    }

    /// The output of a build of the same content with no memory of earlier builds.
    func wholeBuild(_ site: TestSite) throws -> [String: Data] {
        let output = site.root.appendingPathComponent("whole-\(UUID().uuidString)")
        _ = try SiteBuilder.build(
            BuildOptions(sourceRoot: site.root, output: output, now: TestSite.now, useCache: false))
        return snapshotFiles(in: output)
    }

    @Test func bodyEditsLookOnlyAtThePagesThatShowTheBody() throws {
        let site = try site()
        _ = try site.build()
        for round in 1...3 {
            try site.article(
                "a3",
                "title: Tin số 3\ndate: 2019-07-13 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]\nauthor: Mai Hiên",
                body: "Đoạn đầu của tin 3.\n\nĐoạn hai, sửa lần \(round).")
            let report = try site.build()
            #expect(report.pagesKeptUnseen > 0 && report.pagesKeptUnseen == report.pagesReused, "round \(round)")
            #expect(try site.html("tin-so-3/index.html").contains("sửa lần \(round)"))
            #expect(try site.snapshotOutput() == wholeBuild(site), "round \(round)")
        }
        // The first paragraph is the summary the lists show: the pages that list it are looked at.
        try site.article(
            "a3", "title: Tin số 3\ndate: 2019-07-13 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]\nauthor: Mai Hiên",
            body: "Đoạn đầu mới của tin 3.\n\nĐoạn hai.")
        let report = try site.build()
        #expect(report.pagesRendered > 1 && report.pagesKeptUnseen > 0)
        #expect(try site.html("index.html").contains("Đoạn đầu mới của tin 3."))
        #expect(try site.snapshotOutput() == wholeBuild(site))
    }

    /// Twelve articles in two categories, on two tags, a bloc and a topic: an article's entry
    /// shows on some pages, not all.
    func siteOfTwelve() throws -> TestSite {
        let site = try TestSite()
        for n in 1...12 {
            try site.article("b\(n)", Self.fields(n), body: "Đoạn đầu của tin \(n).\n\nĐoạn hai.")
        }
        try site.write("content/pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\nBan Thi đua.\n")
        return site
    }

    /// Article `n`'s front matter, with `changes` (a field's whole line, by its name) replacing
    /// or added to its fields.
    static func fields(_ n: Int, _ changes: [String] = []) -> String {
        let category = n % 2 == 0 ? "tin-tuc-su-kien" : "tin-hoat-dong-cum-khoi"
        let tag = n % 3 == 0 ? "khen thưởng" : "sơ kết"
        var lines = [
            "title: Tin số \(n)", "date: 2019-07-\(String(format: "%02d", n)) 08:00", "category: \(category)",
            "tags: [\(tag)]", "bloc: Khối \(n % 4)", "author: Mai Hiên",
        ]
        for change in changes {
            let name = change.prefix { $0 != ":" }
            if let i = lines.firstIndex(where: { $0.prefix { $0 != ":" } == name }) {
                lines[i] = change
            } else {
                lines.append(change)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A title corrected keeps the pages that show neither the article nor its entry without
    /// building their data, and writes what a build without memory writes.
    @Test func aTitleEditLooksOnlyAtThePagesThatShowTheArticleOrItsEntry() throws {
        let site = try siteOfTwelve()
        _ = try site.build()
        for (round, title) in ["Tin số 7 (sửa)", "Tin số 7 (sửa lại)"].enumerated() {
            try site.article(
                "b7", Self.fields(7, ["slug: tin-so-7", "title: \(title)"]), body: "Đoạn đầu của tin 7.\n\nĐoạn hai.")
            let report = try site.build()
            #expect(report.pagesKeptUnseen > 0, "round \(round)")
            #expect(try site.html("tin-so-7/index.html").contains(title))
            #expect(try site.snapshotOutput() == site.uncachedOutput(), "round \(round)")
        }
    }

    /// Each field of a news article edited, then put back: after each build the output is
    /// what a build without memory writes, whether or not the pages were kept. The article is
    /// an old one, on no list of the home page until an edit puts it there.
    @Test func everyFieldOfAnArticleReachesEveryPageThatShowsIt() throws {
        let site = try siteOfTwelve()
        _ = try site.build()
        let edits = [
            "title: Tin số 2 đã sửa tiêu đề", "date: 2019-07-20 09:30", "category: chinh-tri-kt-vh-xh",
            "tags: [khen thưởng, mới]", "bloc: Khối mới", "units: [Huyện Hạ Lang]", "topic: Đại hội",
            "featured: true", "image: https://anh.example.vn/a.jpg", "image_caption: Toàn cảnh",
            "summary: Tóm tắt riêng", "author: Lò Văn Tú", "source: Báo Cao Bằng", "meeting: so-ket",
            "lastmod: 2019-08-01 10:00", "aliases: [/tin-cu/]", "slug: tin-hai", "expires: 2019-08-01",
            "draft: true",
        ]
        var kept = 0
        for edit in edits {
            for (step, changes) in [("edited", [edit]), ("put back", [])] {
                try site.article("b2", Self.fields(2, changes), body: "Đoạn đầu của tin 2.\n\nĐoạn hai.")
                kept += try site.build().pagesKeptUnseen
                #expect(try site.snapshotOutput() == site.uncachedOutput(), "\(edit): \(step)")
            }
        }
        #expect(kept > 0, "some edits kept pages unseen")
    }

    /// The preview keeps its last build's memory in the process (`BuildMemoryKeeper`): its next
    /// build takes it from there, not from disk, and it reaches disk once saved.
    @Test func aKeptMemoryServesTheNextBuildWithoutTheDisk() throws {
        let site = try site()
        let keeper = BuildMemoryKeeper()
        var options = BuildOptions(
            sourceRoot: site.root, output: site.root.appendingPathComponent("preview"), now: TestSite.now)
        options.writeInPlace = true
        options.memoryKeeper = keeper
        _ = try SiteBuilder.build(options)
        keeper.waitUntilSaved()
        let cache = site.root.appendingPathComponent(CacheFiles.folder)
        let saved = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("pages-") }
        #expect(!saved.isEmpty, "saved on disk for the next start")
        for name in saved { try FileManager.default.removeItem(at: cache.appendingPathComponent(name)) }
        try site.article(
            "a3", "title: Tin số 3\ndate: 2019-07-13 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]\nauthor: Mai Hiên",
            body: "Đoạn đầu của tin 3.\n\nĐoạn hai, sửa.")
        let report = try SiteBuilder.build(options)
        #expect(report.pagesKeptUnseen > 0, "the page fingerprints came from the process, not the disk")
        #expect(snapshotFiles(in: options.output) == (try wholeBuild(site)))
    }

    /// A field only the article's own page shows, edited on its line: the body and the list
    /// entries are the same, the front matter is not.
    @Test func aFieldEditedOnItsLineReachesItsPage() throws {
        let site = try site()
        _ = try site.build()
        try site.article(
            "a2",
            "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]\nauthor: Lò Văn Tú",
            body: "Đoạn đầu của tin 2.\n\nĐoạn hai.")
        _ = try site.build()
        #expect(try site.html("tin-so-2/index.html").contains("Lò Văn Tú"))
        #expect(try site.snapshotOutput() == wholeBuild(site))
    }

    /// An attached file replaced by a bigger one: only the article's page shows its size.
    @Test func anAttachmentThatGrowsShowsItsNewSize() throws {
        let site = try site()
        _ = try site.build()
        #expect(try site.html("tin-so-1/index.html").contains("(DOCX, 35 KB)"))
        try site.write("content/articles/quyet-dinh.docx", Data(repeating: 1, count: 72_000))
        _ = try site.build()
        #expect(try site.html("tin-so-1/index.html").contains("(DOCX, 70 KB)"))
        #expect(try site.snapshotOutput() == wholeBuild(site))
    }

    /// `related_count` changes which articles each page lists, not the entries themselves.
    @Test func aSettingThatChangesTheListsReachesEveryPage() throws {
        let site = try site()
        _ = try site.build()
        let settings = try String(contentsOf: site.root.appendingPathComponent("site/site.yaml"), encoding: .utf8)
        try site.write("site/site.yaml", settings + "\nrelated_count: 1\n")
        _ = try site.build()
        #expect(try site.snapshotOutput() == wholeBuild(site))
    }

    /// Redirects are written in code and kept like pages: another redirect, from the record of
    /// published URLs alone, changes the key.
    @Test func anotherRedirectChangesTheKey() throws {
        let site = try site()
        let config = try #require(SiteConfigLoader.load(from: site.root).0)
        let theme = try #require(Theme.load(siteRoot: site.root).0)
        let loaded = ContentLoader.load(sourceRoot: site.root, config: config)
        var model = ModelBuilder.build(loaded, includeDrafts: false, now: TestSite.now).0
        let bodies = BodyRenderer.renderAll(model.articles, paths: model.paths, unsafeHTML: false).0
        func key(_ model: SiteModel) -> UInt64 {
            let contexts = PageContexts(model: model, bodies: bodies, pageBodies: [], now: TestSite.now)
            return PageInputs.make(
                sources: .init(value: 1, shared: 1, files: [:]), contexts: contexts, theme: theme, now: TestSite.now
            ).key
        }
        let before = key(model)
        #expect(key(model) == before)
        model.aliases.append(Alias(outputPath: "cu/index.html", targetURL: model.articles[0].url))
        let added = key(model)
        #expect(added != before)
        model.aliases[model.aliases.count - 1].targetURL = model.articles[1].url
        #expect(key(model) != added)
    }

    @Test func theRecordReadsBackAsWritten() throws {
        let site = try TestSite()
        let output = site.root.appendingPathComponent("public")
        let inputs = PageInputs(
            key: 0xFEED, articleBodies: [1, 2, 0xFFFF_FFFF_FFFF_FFFF], archivedBodies: [], frame: 0xF00D,
            entries: [3, 4, 5], articles: [6, 7, 0], paths: ["index.html", "", "a/b"])
        inputs.save(sourceRoot: site.root, output: output)
        #expect(PageInputs.load(sourceRoot: site.root, output: output) == inputs)
        #expect(PageInputs.load(sourceRoot: site.root, output: site.root.appendingPathComponent("other")) == nil)
        let file = PageInputs.url(sourceRoot: site.root, output: output)
        let text = try String(contentsOf: file, encoding: .utf8)
        for cut in [text.count / 3, text.count / 2, text.count - 2] {
            try Data(text.prefix(cut).utf8).write(to: file)
            #expect(PageInputs.load(sourceRoot: site.root, output: output) == nil, "cut at \(cut)")
        }
    }
}
