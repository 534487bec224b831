import Foundation
import Testing

@testable import PortalEngine

@Suite struct CategoryTreeTests {
    let tree = CategoryTree(
        [
            CategoryConfig(
                key: "a", title: "A",
                children: [CategoryConfig(key: "a1", title: "A1"), CategoryConfig(key: "a2", title: "A2")]),
            CategoryConfig(key: "b", title: "B"),
        ], urls: SiteURLs(basePath: "/"))

    @Test func flattensInMenuOrderWithParents() {
        #expect(tree.categories.map(\.key) == ["a", "a1", "a2", "b"])
        #expect(tree.roots == [0, 3])
        #expect(tree[0].children == [1, 2])
        #expect(tree[2].parent == 0)
        #expect(tree.ancestry(of: 2) == [0, 2])
        #expect(tree[1].url == "/chuyen-muc/a1/")
    }

    @Test func parentListsItsChildrensArticles() {
        var t = tree
        t.append(articleIndex: 0, toCategory: 1)
        t.append(articleIndex: 1, toCategory: 0)
        t.append(articleIndex: 2, toCategory: 2)
        #expect(t[0].articles == [0, 1, 2])
        #expect(t[1].articles == [0])
        #expect(t[2].articles == [2])
        #expect(t[3].articles == [])
    }
}

@Suite struct PaginationTests {
    let urls = SiteURLs(basePath: "/")

    @Test(arguments: [(0, 1), (1, 1), (20, 1), (21, 2), (40, 2), (41, 3)])
    func pageCounts(count: Int, pages: Int) {
        let slices = Pagination.slices(count: count, perPage: 20, listURL: "/chuyen-muc/x/", urls: urls)
        #expect(slices.count == pages)
        #expect(slices.map(\.range.count).reduce(0, +) == count)
        #expect(slices.last?.nextURL == nil)
        #expect(slices.first?.previousURL == nil)
    }

    @Test func urlsOfPages() {
        let slices = Pagination.slices(count: 41, perPage: 20, listURL: "/chuyen-muc/x/", urls: urls)
        #expect(slices.map(\.url) == ["/chuyen-muc/x/", "/chuyen-muc/x/trang/2/", "/chuyen-muc/x/trang/3/"])
        #expect(slices[1].previousURL == "/chuyen-muc/x/")
        #expect(slices[1].nextURL == "/chuyen-muc/x/trang/3/")
        #expect(slices[2].range == 40..<41)
    }

    @Test func pageLinksAreWindowedWithGaps() {
        let slices = Pagination.slices(count: 200, perPage: 10, listURL: "/c/", urls: urls)
        #expect(slices[0].visiblePageNumbers() == [1, 2, 3, 4, nil, 20])
        #expect(slices[9].visiblePageNumbers() == [1, nil, 7, 8, 9, 10, 11, 12, 13, nil, 20])
        #expect(slices[19].visiblePageNumbers() == [1, nil, 17, 18, 19, 20])
        #expect(slices[4].visiblePageNumbers() == [1, 2, 3, 4, 5, 6, 7, 8, nil, 20])
        let few = Pagination.slices(count: 30, perPage: 10, listURL: "/c/", urls: urls)
        #expect(few[1].visiblePageNumbers() == [1, 2, 3])
    }

    @Test func emptyListHasOneEmptyPage() {
        let slices = Pagination.slices(count: 0, perPage: 20, listURL: "/chuyen-muc/x/", urls: urls)
        #expect(
            slices == [
                PageSlice(
                    number: 1, total: 1, range: 0..<0, url: "/chuyen-muc/x/", listURL: "/chuyen-muc/x/",
                    previousURL: nil,
                    nextURL: nil)
            ])
    }

    @Test func outputPaths() {
        #expect(urls.outputPath(forURL: "/") == "index.html")
        #expect(urls.outputPath(forURL: "/bai-viet/") == "bai-viet/index.html")
        #expect(
            SiteURLs(basePath: "/portal/").outputPath(forURL: "/portal/chuyen-muc/a/trang/2/")
                == "chuyen-muc/a/trang/2/index.html")
    }
}

@Suite struct ModelBuilderTests {
    func loaded(_ files: [(String, String)]) throws -> LoadedSite {
        let (config, _) = SiteConfigLoader.parse(TestSite.siteYAML)
        let c = try #require(config)
        let parser = FrontMatterParser(dates: DateParser(zone: c.timeZone))
        var docs: [SourceDocument] = []
        var diags: [Diagnostic] = []
        for (name, text) in files {
            let ref = SourceFileRef(sourcePath: "content/" + name, relativePath: name)
            let parts = try FrontMatterSplitter.split(text).get()
            let (parsed, problems) = parser.parse(parts.yaml, file: ref.sourcePath, firstLine: 2)
            diags += problems
            let front = try #require(parsed)
            docs.append(
                SourceDocument(
                    file: ref, kind: name.hasPrefix("pages/") ? .page : .article, frontMatter: front,
                    markdown: StoredText(parts.body),
                    bodyFirstLine: parts.bodyFirstLine))
        }
        #expect(diags.isEmpty)
        return LoadedSite(config: c, documents: docs, contentAssets: [], staticAssets: [], diagnostics: [])
    }

    @Test func sortsNewestFirstAndFilesUnderParents() throws {
        let site = try loaded([
            ("articles/old.md", "---\ntitle: Cũ\ndate: 2019-01-01\ncategory: chinh-tri-kt-vh-xh\n---\n"),
            ("articles/new.md", "---\ntitle: Mới\ndate: 2020-01-01\ncategory: tin-tuc-su-kien\n---\n"),
            ("pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n"),
        ])
        let (model, problems) = ModelBuilder.build(site, includeDrafts: false)
        #expect(problems.isEmpty)
        #expect(model.articles.map(\.title) == ["Mới", "Cũ"])
        #expect(model.pages.map(\.url) == ["/gioi-thieu/"])
        let parent = try #require(model.categories.index(ofKey: "tin-tuc-su-kien"))
        #expect(model.categories[parent].articles == [0, 1])
    }

    /// Articles are put in order before they are made: equal dates by title, then by file;
    /// pages by URL; the problems stay in file order.
    @Test func equalDatesOrderByTitleThenFileAndProblemsKeepFileOrder() throws {
        func article(_ title: String, _ date: String, slug: String? = nil, image: String? = nil) -> String {
            "---\ntitle: \(title)\ndate: \(date)\ncategory: tin-tuc-su-kien\n" + (slug.map { "slug: \($0)\n" } ?? "")
                + (image.map { "image: \($0)\n" } ?? "") + "---\n"
        }
        let site = try loaded([
            ("articles/z.md", article("B", "2020-01-01", image: "/images/khong-co-1.jpg")),
            ("articles/y.md", article("A", "2020-01-01", slug: "a-1")),
            ("articles/x.md", article("A", "2020-01-01", slug: "a-2")),
            ("articles/w.md", article("C", "2021-01-01", image: "/images/khong-co-2.jpg")),
            ("pages/a.md", "---\ntitle: Liên hệ\n---\n"),
            ("pages/z.md", "---\ntitle: Giới thiệu\n---\n"),
        ])
        let (model, problems) = ModelBuilder.build(site, includeDrafts: false)
        #expect(
            model.articles.map(\.file.relativePath) == [
                "articles/w.md", "articles/x.md", "articles/y.md", "articles/z.md",
            ])
        #expect(model.pages.map(\.url) == ["/gioi-thieu/", "/lien-he/"])
        #expect(problems.map { $0.description.prefix(21) } == ["content/articles/z.md", "content/articles/w.md"])
    }

    @Test func unknownCategoryNamesTheKnownOnes() throws {
        let site = try loaded([("articles/a.md", "---\ntitle: A\ndate: 2019-01-01\ncategory: khong-co\n---\n")])
        let (_, problems) = ModelBuilder.build(site, includeDrafts: false)
        #expect(
            problems.map(\.description) == [
                "content/articles/a.md:4:11: error: unknown category 'khong-co'; site.yaml has: tin-tuc-su-kien, chinh-tri-kt-vh-xh, tin-hoat-dong-cum-khoi"
            ])
    }

    @Test func missingRequiredFields() throws {
        let site = try loaded([("articles/a.md", "---\nauthor: X\n---\n")])
        let (_, problems) = ModelBuilder.build(site, includeDrafts: false)
        let messages = problems.map(\.description)
        #expect(messages.contains("content/articles/a.md:1:1: error: missing 'title' in front matter"))
        #expect(messages.contains { $0.hasPrefix("content/articles/a.md:1:1: error: missing 'date' in front matter") })
        #expect(
            messages.contains { $0.hasPrefix("content/articles/a.md:1:1: error: missing 'category' in front matter") })
    }

    @Test func duplicateURLNamesBothFiles() throws {
        let site = try loaded([
            ("articles/a.md", "---\ntitle: Thi đua\ndate: 2019-01-01\ncategory: tin-tuc-su-kien\n---\n"),
            ("articles/b.md", "---\ntitle: Thi Đua!\ndate: 2019-01-02\ncategory: tin-tuc-su-kien\n---\n"),
        ])
        let (_, problems) = ModelBuilder.build(site, includeDrafts: false)
        #expect(
            problems.map(\.description) == [
                "content/articles/b.md:2:8: error: URL /thi-dua/ is also the URL of content/articles/a.md; give one of them another 'slug:'"
            ])
    }

    @Test func reservedSlugIsRefused() throws {
        let site = try loaded([
            ("articles/a.md", "---\ntitle: A\nslug: chuyen-muc\ndate: 2019-01-01\ncategory: tin-tuc-su-kien\n---\n")
        ])
        let (_, problems) = ModelBuilder.build(site, includeDrafts: false)
        #expect(problems.first?.position == SourcePosition(line: 3, column: 7))
        #expect(problems.first?.message.contains("used by the generator") == true)
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let site = try loaded([
            ("articles/a.md", "---\ntitle: A\ndate: 2019-01-01\ncategory: tin-tuc-su-kien\ndraft: true\n---\n")
        ])
        #expect(ModelBuilder.build(site, includeDrafts: false).0.articles.isEmpty)
        #expect(ModelBuilder.build(site, includeDrafts: true).0.articles.count == 1)
    }
}
