import Foundation
import Testing

@testable import PortalEngine

/// Each cache, seen through the report's counts: a build that must run (an input's stamp
/// changed) but whose pages, list items or index are the same takes them from the last build,
/// and an edit renders exactly what shows it. Disabling a cache makes one of these fail.
@Suite struct CacheTests {
    static let pageCount = 4

    func site() throws -> TestSite {
        let site = try TestSite()
        for i in 1...Self.pageCount {
            try site.article(
                "a\(i)", "title: Tin số \(i)\ndate: 2019-07-1\(i) 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]",
                body: "Đoạn đầu của tin \(i).\n\nĐoạn hai.")
        }
        return site
    }

    /// Same bytes, new modification time: the up-to-date check cannot skip the build.
    func touch(_ site: TestSite, _ path: String) throws {
        let url = site.root.appendingPathComponent(path)
        try Data(contentsOf: url).write(to: url)
    }

    @Test func anUnchangedSiteRebuiltReusesEveryPageAndTheIndex() throws {
        let site = try site()
        let first = try site.build()
        #expect(first.pagesReused == 0 && first.searchIndex == .rebuilt)
        try touch(site, "content/articles/a1.md")
        let second = try site.build()
        #expect(!second.upToDate)
        let templated = first.pagesRendered - second.pagesRendered
        #expect(second.pagesReused == templated && templated > 10, "\(second.pagesReused) of \(first.pagesRendered)")
        #expect(second.searchIndex == .reused)
        #expect(second.filesWritten == 0)
    }

    /// Lists show no body, so an edit past the first paragraph (the summary) renders the
    /// article's own page again and nothing else: not the pages listing it.
    @Test func aBodyEditRendersWhatShowsTheArticleAndPatchesTheIndex() throws {
        let site = try site()
        for i in 1...4 {
            try site.article(
                "b\(i)", "title: Tin khác \(i)\ndate: 2019-06-1\(i) 08:00\ncategory: tin-hoat-dong-cum-khoi",
                body: "Tin khác \(i).")
        }
        _ = try site.build()
        // Redirects are written by every build that runs (the site has none); feeds and the
        // sitemap show nothing a body edit changes, and are kept.
        try touch(site, "content/articles/a2.md")
        let baseline = try site.build()
        #expect(baseline.pagesRendered == 0)
        try site.article(
            "a1", "title: Tin số 1\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]",
            body: "Đoạn đầu của tin 1.\n\nĐoạn hai, đã sửa.")
        let report = try site.build()
        #expect(report.pagesRendered == baseline.pagesRendered + 1, "\(report.pagesRendered) rendered")
        #expect(report.searchIndex == .patched)
        #expect(try site.html("tin-so-1/index.html").contains("Đoạn hai, đã sửa."))
    }

    @Test func aTitleEditRendersThePagesThatListIt() throws {
        let site = try site()
        _ = try site.build()
        try touch(site, "content/articles/a2.md")
        let baseline = try site.build()
        try site.article(
            "a1", "title: Tin số 1 (sửa)\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]",
            body: "Đoạn đầu của tin 1.\n\nĐoạn hai.")
        let report = try site.build()
        // More pages show a title than a body: the home page, lists, related lists, the new URL.
        #expect(report.pagesRendered > baseline.pagesRendered + 3)
        #expect(report.pagesReused > 0)
        #expect(try site.html("index.html").contains("Tin số 1 (sửa)"))
    }
}

/// The text cache files, written and read back as bytes.
@Suite struct CacheTextFileTests {
    @Test func theSearchRecordKeepsTitlesAndSummariesWhateverTheyHold() throws {
        let site = try TestSite()
        let output = site.output
        // A tab, line breaks, a backslash, a combining mark right after a tab, and plain text.
        let titles = [
            "Hội nghị\tsơ kết", "Dòng 1\nDòng 2\r\n", "C:\\tai-lieu\\n", "\u{0301}dấu đầu", "Bình thường", "",
        ]
        let sources = titles.enumerated().map { i, title in
            SearchIndexCache.TermSource(
                bodyKey: UInt64(i) &* 0x9E37_79B9_7F4A_7C15, textHash: ~UInt64(i), title: title,
                summary: String(title.reversed()))
        }
        let record = SearchIndexCache(
            shardCount: 7, stamps: titles.indices.map { UInt64($0) << 60 }, sources: sources)
        record.save(sourceRoot: site.root, output: output)
        #expect(SearchIndexCache.load(sourceRoot: site.root, output: output) == record)
        // Without sources (a build without a memory of bodies): the stamps alone.
        let bare = SearchIndexCache(shardCount: 3, stamps: [1, 2, 0xFFFF_FFFF_FFFF_FFFF])
        bare.save(sourceRoot: site.root, output: output)
        #expect(SearchIndexCache.load(sourceRoot: site.root, output: output) == bare)
        #expect(SearchIndexCache.load(sourceRoot: site.root, output: site.root) == nil)  // another output
    }

    @Test func numbersAreReadAsWritten() {
        for value: UInt64 in [0, 1, 0xA, 0xFF, 0x1234_5678_9ABC_DEF0, .max] {
            #expect(CacheTextLines.hex(Array(String(value, radix: 16).utf8)[...]) == value)
            #expect(CacheTextLines.hex(Array(String(value, radix: 16, uppercase: true).utf8)[...]) == value)
        }
        for bad in ["", "g", "-1", "12345678901234567", " 1"] {
            #expect(CacheTextLines.hex(Array(bad.utf8)[...]) == nil)
        }
        for value in [0, 7, 10, 123_456_789] { #expect(CacheTextLines.int(Array(String(value).utf8)[...]) == value) }
        for bad in ["", "-1", "1a", "1 "] { #expect(CacheTextLines.int(Array(bad.utf8)[...]) == nil) }
    }
}
