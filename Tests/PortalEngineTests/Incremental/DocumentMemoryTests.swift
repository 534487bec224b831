import Foundation
import Testing

@testable import PortalEngine

/// The preview's memory of parsed files and rendered bodies: an edit parses and renders one
/// file, a renamed article re-renders the bodies that may link to it, and the output is the
/// same as a build without memory.
@Suite struct DocumentMemoryTests {
    func site() throws -> TestSite {
        try TestSite.withArticles(4) { "Đoạn đầu của tin \($0), xem [tin 1](a1.md)." }
    }

    func build(_ site: TestSite, _ memory: DocumentMemory) throws -> BuildReport {
        var options = BuildOptions(sourceRoot: site.root, now: TestSite.now, useCache: false)
        options.documentMemory = memory
        return try SiteBuilder.build(options)
    }

    func markdownFiles(_ site: TestSite) -> Int {
        let content = site.root.appendingPathComponent("content")
        let all = FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.hasSuffix(".md") }.count
    }

    @Test func anEditParsesAndRendersOnlyThatFile() throws {
        let site = try site()
        let memory = DocumentMemory()
        _ = try build(site, memory)
        let pages = markdownFiles(site) - 4  // the test site's own pages, besides the four articles
        #expect(
            memory.lastCounts == .init(loadsReused: 0, loadsMade: 4 + pages, bodiesReused: 0, bodiesMade: 4 + pages))
        _ = try build(site, memory)
        #expect(
            memory.lastCounts == .init(loadsReused: 4 + pages, loadsMade: 0, bodiesReused: 4 + pages, bodiesMade: 0))
        try site.article(
            "a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien",
            body: "Đã sửa, xem [tin 1](a1.md).")
        _ = try build(site, memory)
        #expect(
            memory.lastCounts == .init(loadsReused: 3 + pages, loadsMade: 1, bodiesReused: 3 + pages, bodiesMade: 1))
        #expect(try site.html("tin-so-2/index.html").contains("Đã sửa"))
    }

    /// A file the caller says is unchanged since the last build (the preview's watch) is taken
    /// from the memory unread: rewritten behind the memory's back, its old text stays. Any
    /// other file is read, and so is one the memory no longer has.
    @Test func aFileKnownUnchangedIsNotReadAgain() throws {
        let site = try site()
        let memory = DocumentMemory()
        _ = try build(site, memory)
        let pages = markdownFiles(site) - 4
        let unchanged: Set<String> = ["content/articles/a1.md", "content/articles/a2.md"]
        for n in [1, 2, 3] {
            try site.article(
                "a\(n)", "title: Tin số \(n)\ndate: 2019-07-1\(n) 08:00\ncategory: tin-tuc-su-kien",
                body: "Lần hai \(n).")
        }
        var options = BuildOptions(sourceRoot: site.root, now: TestSite.now, useCache: false)
        options.documentMemory = memory
        options.unchangedFiles = unchanged
        _ = try SiteBuilder.build(options)
        #expect(memory.lastCounts.loadsMade == 1 && memory.lastCounts.loadsReused == 3 + pages)
        #expect(try site.html("tin-so-1/index.html").contains("Đoạn đầu của tin 1"))
        #expect(try site.html("tin-so-3/index.html").contains("Lần hai 3"))

        // A new memory has no file to take: every file is read, whatever the caller says.
        let fresh = DocumentMemory()
        options.documentMemory = fresh
        _ = try SiteBuilder.build(options)
        #expect(fresh.lastCounts.loadsReused == 0)
        #expect(try site.html("tin-so-1/index.html").contains("Lần hai 1"))
    }

    /// Dates are read in the site's time zone: a file unchanged since the last build is read
    /// again when the zone changed, though the caller says the file is unchanged.
    @Test func aFileKnownUnchangedIsReadAgainInAnotherTimeZone() throws {
        let site = try site()
        let memory = DocumentMemory()
        _ = try build(site, memory)
        try site.write(
            "site/site.yaml", TestSite.siteYAML.replacingOccurrences(of: "Asia/Ho_Chi_Minh", with: "Asia/Tokyo"))
        var options = BuildOptions(sourceRoot: site.root, now: TestSite.now, useCache: false)
        options.documentMemory = memory
        let content = site.root.appendingPathComponent("content")
        let files = FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String } ?? []
        options.unchangedFiles = Set(files.filter { $0.hasSuffix(".md") }.map { "content/" + $0 })
        _ = try SiteBuilder.build(options)
        #expect(memory.lastCounts.loadsReused == 0)
        let fresh = site.root.appendingPathComponent("fresh")
        _ = try SiteBuilder.build(
            BuildOptions(sourceRoot: site.root, output: fresh, now: TestSite.now, useCache: false))
        #expect(try site.snapshotOutput() == snapshotFiles(in: fresh))
    }

    /// What a failed build parsed is kept for the next one: fixing the broken file parses that
    /// file alone, not the other one edited meanwhile.
    @Test func whatAFailedBuildParsedIsKept() throws {
        let site = try site()
        let memory = DocumentMemory()
        _ = try build(site, memory)
        try site.article(
            "a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien", body: "Đã sửa tin 2.")
        try site.article("a3", "title: [Tin số 3\ndate: 2019-07-13 08:00", body: "Hỏng.")
        #expect(throws: BuildFailure.self) { try build(site, memory) }
        try site.article(
            "a3", "title: Tin số 3\ndate: 2019-07-13 08:00\ncategory: tin-tuc-su-kien", body: "Đã sửa tin 3.")
        _ = try build(site, memory)
        #expect(memory.lastCounts.loadsMade == 1)
        #expect(try site.html("tin-so-2/index.html").contains("Đã sửa tin 2."))
    }

    /// The preview's first build starts from what `build-site` kept and adds what it made;
    /// its later builds go by memory alone and leave the store as it is.
    @Test func theFirstBuildStartsFromTheStoreBuildSiteKept() throws {
        let site = try site()
        let first = try site.build()
        let memory = DocumentMemory(startingFrom: site.root)
        try site.article("a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien", body: "Sửa.")
        _ = try build(site, memory)
        let files = first.sources.loadsMade
        #expect(
            memory.lastCounts
                == .init(
                    loadsReused: files - 1, loadsMade: 1, bodiesReused: files - 1, bodiesMade: 1,
                    bodiesPrefetched: files - 1))
        let store = DocumentStore.url(sourceRoot: site.root)
        let size = try Data(contentsOf: store).count
        try site.article("a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien", body: "Lại sửa.")
        _ = try build(site, memory)
        #expect(
            memory.lastCounts == .init(loadsReused: files - 1, loadsMade: 1, bodiesReused: files - 1, bodiesMade: 1))
        #expect(try Data(contentsOf: store).count == size)
        // What the preview's first build made is there for the next `build-site`.
        try site.article("a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien", body: "Sửa.")
        #expect(try site.build().sources.loadsMade == 0)
    }

    /// A renamed article re-renders the bodies (they may link to it); the result is what a
    /// build without memory writes.
    @Test func aNewAddressRendersTheBodiesAgainAndTheOutputIsTheSameAsWithout() throws {
        let site = try site()
        let memory = DocumentMemory()
        _ = try build(site, memory)
        try site.article("a1", "title: Tin số một\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien", body: "Mới.")
        _ = try build(site, memory)
        #expect(memory.lastCounts.bodiesReused == 0)
        #expect(try site.html("tin-so-2/index.html").contains("href=\"/tin-so-mot/\""))
        try site.article("a3", "title: Tin số 3\ndate: 2019-07-13 08:00\ncategory: tin-tuc-su-kien", body: "Sửa.")
        _ = try build(site, memory)
        #expect(memory.lastCounts.bodiesMade == 1)
        let withMemory = try site.snapshotOutput()
        _ = try site.build()
        #expect(try site.snapshotOutput() == withMemory)
    }
}
