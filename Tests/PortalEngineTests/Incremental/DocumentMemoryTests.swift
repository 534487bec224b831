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
            memory.lastCounts == .init(loadsReused: files - 1, loadsMade: 1, bodiesReused: files - 1, bodiesMade: 1))
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
