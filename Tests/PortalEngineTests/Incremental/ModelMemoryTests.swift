import Foundation
import Testing

@testable import PortalEngine

/// The preview keeps its model between builds: a body edit takes it, anything else the model
/// is made of builds it again, and either way the site is the site a fresh build makes.
@Suite struct ModelMemoryTests {
    let documents = DocumentMemory()
    let models = ModelMemory()

    func site() throws -> TestSite {
        try TestSite.withArticles(4, extraFields: "\ntags: [chung]") { "Đoạn đầu của tin \($0).\n\nĐoạn hai." }
    }

    /// A build as the preview runs it, at `now`.
    let folder = InPlaceFolderMemory()
    let keeper = BuildMemoryKeeper()

    func build(_ site: TestSite, now: Timestamp = TestSite.now) throws -> BuildReport {
        var options = BuildOptions(sourceRoot: site.root, now: now)
        options.documentMemory = documents
        options.modelMemory = models
        options.writeInPlace = true
        options.inPlaceFolder = folder
        options.memoryKeeper = keeper
        return try SiteBuilder.build(options)
    }

    /// Whether the output is the one a build without any memory makes, given the same record
    /// of published URLs (a moved article keeps a redirect from where it was).
    func sameAsAFreshBuild(_ site: TestSite, now: Timestamp = TestSite.now) throws -> Bool {
        let output = site.root.appendingPathComponent("fresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: site.output.appendingPathComponent(PublishedURLs.fileName),
            to: output.appendingPathComponent(PublishedURLs.fileName))
        _ = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, output: output, now: now, useCache: false))
        return try site.snapshotOutput() == snapshotFiles(in: output)
    }

    /// A body edit of the second article.
    func editBody(_ site: TestSite, _ text: String) throws {
        try site.article(
            "a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]",
            body: "Đoạn đầu của tin 2.\n\n\(text)")
    }

    /// The first build, and a first edit: that one read a URL record the first build had not, so
    /// it built its model; the next edit can take it.
    func startPreview(_ site: TestSite) throws {
        #expect(try !build(site).modelKept)
        try editBody(site, "Sửa lần đầu.")
        #expect(try !build(site).modelKept)
    }

    @Test func aBodyEditTakesTheKeptModel() throws {
        let site = try site()
        try startPreview(site)
        for round in 1...2 {
            try editBody(site, "Đoạn hai, sửa lần \(round).")
            #expect(try build(site).modelKept, "round \(round)")
            #expect(documents.lastBodiesTrusted >= 3, "round \(round)")  // links not checked again
            #expect(try site.html("tin-so-2/index.html").contains("Đoạn hai, sửa lần \(round)."))
            #expect(try sameAsAFreshBuild(site))
        }
    }

    /// With the kept model, the list entries of the last build are kept too, but for the
    /// article whose summary (its first paragraph) changed: the lists show the new one.
    @Test func aKeptModelKeepsTheListEntriesWhoseSummaryStayed() throws {
        let site = try site()
        try startPreview(site)
        try editBody(site, "Đoạn hai, sửa.")
        #expect(try build(site).modelKept)
        let before = try #require(models.entries)
        try site.article(
            "a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]",
            body: "Tóm tắt mới của tin 2.\n\nĐoạn hai, sửa.")
        #expect(try build(site).modelKept)
        let after = try #require(models.entries)
        #expect(before.items.count == 4 && after.items.count == 4)
        #expect(zip(before.items, after.items).filter { $0 === $1 }.count == 3)
        #expect(try site.html("index.html").contains("Tóm tắt mới của tin 2."))
        #expect(try sameAsAFreshBuild(site))
    }

    /// A body kept from before a failed build was checked against an older model: when it comes
    /// back, its links are checked again although the model is kept.
    @Test func aBodyTheLastBuildDidNotUseHasItsLinksCheckedAgain() throws {
        let site = try TestSite.withArticles(4, extraFields: "\ntags: [chung]") {
            $0 == 1 ? "Xem [tin 2](a2.md)." : "Đoạn đầu của tin \($0).\n\nĐoạn hai."
        }
        try startPreview(site)
        let a1 = "title: Tin số 1\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]"
        // Tin 2 moves, and tin 1 links to a file that is not there: the build fails.
        try site.article(
            "a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]\nslug: tin-hai",
            body: "Đoạn đầu của tin 2.\n\nSửa lần đầu.")
        try site.article("a1", a1, body: "Xem [tin 9](a9.md).")
        #expect(throws: BuildFailure.self) { try build(site) }
        // Tin 1 as it was before: its body is in memory, checked when tin 2 was elsewhere.
        try site.article("a1", a1, body: "Xem [tin 2](a2.md).")
        #expect(try build(site).modelKept)
        #expect(try site.html("tin-so-1/index.html").contains("href=\"/tin-hai/\""))
        #expect(try sameAsAFreshBuild(site))
    }

    /// Bodies are taken unread only as the last build used them: when that build stopped
    /// before its bodies (a broken template) after an article moved, the bodies linking to it
    /// are checked again, though their files are unchanged and the model is kept.
    @Test func anUnchangedFileBodyIsTakenOnlyIfTheLastBuildUsedIt() throws {
        let site = try TestSite.withArticles(4, extraFields: "\ntags: [chung]") {
            $0 == 1 ? "Xem [tin 2](a2.md)." : "Đoạn đầu của tin \($0).\n\nĐoạn hai."
        }
        try startPreview(site)
        try site.article(
            "a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]\nslug: tin-hai",
            body: "Đoạn đầu của tin 2.\n\nSửa lần đầu.")
        try site.write("site/templates/category.mustache", "<h1>\n{{#list}}\n<p>{{title}}</p>\n")
        #expect(throws: BuildFailure.self) { try build(site) }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("site/templates/category.mustache"))
        var options = BuildOptions(sourceRoot: site.root, now: TestSite.now)
        (options.documentMemory, options.modelMemory, options.writeInPlace) = (documents, models, true)
        (options.inPlaceFolder, options.memoryKeeper) = (folder, keeper)
        options.unchangedFiles = Set((1...4).map { "content/articles/a\($0).md" })
        #expect(try SiteBuilder.build(options).modelKept)
        #expect(try site.html("tin-so-1/index.html").contains("href=\"/tin-hai/\""))
        #expect(try sameAsAFreshBuild(site))
    }

    @Test(arguments: [
        "title: Tin số 2 (sửa)\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]",
        "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien\ntags: [khác]",
        "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]\nslug: tin-hai",
    ])
    func aFrontMatterEditBuildsTheModelAgain(frontMatter: String) throws {
        let site = try site()
        try startPreview(site)
        try site.article("a2", frontMatter, body: "Đoạn đầu của tin 2.\n\nĐoạn hai.")
        #expect(try !build(site).modelKept)
        #expect(try sameAsAFreshBuild(site))
    }

    @Test func aNewFileBuildsTheModelAgain() throws {
        let site = try site()
        try startPreview(site)
        try site.article("a5", "title: Tin số 5\ndate: 2019-07-15 08:00\ncategory: tin-tuc-su-kien")
        #expect(try !build(site).modelKept)
        #expect(try site.exists("tin-so-5/index.html"))
        #expect(try sameAsAFreshBuild(site))
    }

    /// Nothing changed in the files, but an article's time came: the kept model would leave it out.
    @Test func anArticleComingDueBuildsTheModelAgain() throws {
        let site = try site()
        let later = Timestamp(secondsSince1970: TestSite.now.secondsSince1970 + 86_400)
        try site.article("hen", "title: Tin hẹn giờ\ndate: 2029-07-09 20:00\ncategory: tin-tuc-su-kien")
        try startPreview(site)
        #expect(!site.exists("tin-hen-gio/index.html"))
        try editBody(site, "Đoạn hai, đã sửa.")
        #expect(try !build(site, now: later).modelKept)
        #expect(site.exists("tin-hen-gio/index.html"))
        #expect(try sameAsAFreshBuild(site, now: later))
    }
}
