import Foundation
import Testing

@testable import PortalEngine

/// A build whose inputs have not changed since the last one into the same output does nothing;
/// any change to what a build reads makes it build.
@Suite struct UpToDateTests {
    func site() throws -> TestSite {
        try TestSite.withArticles(3) { "Nội dung \($0)." }
    }

    func build(_ site: TestSite, _ change: (inout BuildOptions) -> Void = { _ in }) throws -> BuildReport {
        var options = BuildOptions(sourceRoot: site.root, now: TestSite.now)
        change(&options)
        return try SiteBuilder.build(options)
    }

    @Test func anUnchangedSiteIsNotBuiltAgainAndItsOutputStays() throws {
        let site = try site()
        let first = try build(site)
        #expect(!first.upToDate)
        let before = snapshotFiles(in: site.output)
        let second = try build(site)
        #expect(second.upToDate)
        #expect(second.filesWritten == 0)
        #expect(second.filesUnchanged == before.count)
        #expect(second.articles == first.articles && second.pagesWritten == first.pagesWritten)
        #expect(snapshotFiles(in: site.output) == before)
    }

    /// Without the check (the preview's builds for a change it saw) a build builds, leaves the
    /// output as it was, and records no stamp: the next build with the check builds too.
    @Test func aBuildWithoutTheCheckBuildsAndRecordsNoStamp() throws {
        let site = try site()
        _ = try build(site)
        let before = snapshotFiles(in: site.output)
        let unchecked = try build(site) { $0.checkUpToDate = false }
        #expect(!unchecked.upToDate)
        #expect(unchecked.filesWritten == 0)
        #expect(snapshotFiles(in: site.output) == before)
        #expect(!(try build(site)).upToDate)
        #expect(try build(site).upToDate)
    }

    @Test func everyKindOfChangeBuilds() throws {
        let site = try site()
        _ = try build(site)
        let changes: [(String, () throws -> Void)] = [
            // Same size, new bytes: the times tell.
            (
                "edited article",
                {
                    try site.article(
                        "a1", "title: Tin số 1\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien", body: "Nội dung 9.")
                }
            ),
            ("new article", { try site.article("a4", "title: Tin số 4\ndate: 2019-07-14\ncategory: tin-tuc-su-kien") }),
            (
                "deleted article",
                { try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/a4.md")) }
            ),
            ("site.yaml", { try site.write("site/site.yaml", TestSite.siteYAML + "\n") }),
            (
                "template",
                { try site.write("site/templates/partials/footer.mustache", "<footer>Chân trang</footer>\n") }
            ),
            ("static file", { try site.write("site/static/css/extra.css", "p{}") }),
            ("content asset", { try site.write("content/images/a.txt", "x") }),
        ]
        for (name, change) in changes {
            try change()
            #expect(try !build(site).upToDate, "\(name)")
            #expect(try build(site).upToDate, "\(name): the build after it")
        }
        // A hidden file is not read by a build, so it changes nothing.
        try site.write("content/.ghi-chu.md", "x")
        #expect(try build(site).upToDate)
    }

    @Test func otherOptionsOrAnotherYearBuild() throws {
        let site = try site()
        _ = try build(site)
        #expect(try !build(site) { $0.includeDrafts = true }.upToDate)
        _ = try build(site)
        #expect(try !build(site) { $0.baseURLOverride = "https://khac.example.gov.vn/" }.upToDate)
        _ = try build(site)
        // The footer shows the year: a build in another year renders again.
        #expect(
            try !build(site) { $0.now = Timestamp(secondsSince1970: TestSite.now.secondsSince1970 + 366 * 86_400) }
                .upToDate)
        #expect(try !build(site) { $0.useCache = false }.upToDate)
    }

    @Test func aDamagedOutputIsRebuilt() throws {
        let site = try site()
        _ = try build(site)
        let page = site.output.appendingPathComponent("tin-so-1/index.html")
        let original = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        #expect(try !build(site).upToDate)
        #expect(try Data(contentsOf: page) == original)
        try Data("cắt ngắn".utf8).write(to: page)
        #expect(try !build(site).upToDate)
        #expect(try Data(contentsOf: page) == original)
    }

    @Test func aBuildWithWarningsIsAlwaysRunToShowThem() throws {
        let site = try site()
        try site.article(
            "a9", "title: Tin có HTML\ndate: 2019-07-19\ncategory: tin-tuc-su-kien", body: "Chữ <b>đậm</b>.")
        let first = try build(site)
        #expect(!first.diagnostics.isEmpty)
        let second = try build(site)
        #expect(!second.upToDate)
        #expect(second.diagnostics == first.diagnostics)
    }
}
