import Foundation
import Testing

@testable import PortalEngine

/// Rebuilds leave unchanged files alone and rewrite exactly what an edit affects.
@Suite struct IncrementalBuildTests {
    func inode(_ site: TestSite, _ path: String) throws -> UInt64 {
        var info = stat()
        #expect(stat(site.output.appendingPathComponent(path).path, &info) == 0)
        return UInt64(info.st_ino)
    }

    func site() throws -> TestSite {
        try TestSite.withArticles(4, extraFields: "\ntags: [chung]") { "Đoạn đầu của tin \($0).\n\nĐoạn hai." }
    }

    @Test func noOpRebuildWritesNothingAndKeepsFiles() throws {
        let site = try site()
        let first = try site.build()
        #expect(first.filesUnchanged == 0)
        let before = try inode(site, "tin-so-1/index.html")
        let second = try site.build()
        #expect(second.filesWritten == 0, "\(second.filesWritten) written")
        #expect(second.filesUnchanged == first.filesWritten)
        #expect(try inode(site, "tin-so-1/index.html") == before)
    }

    func inodes(_ site: TestSite) throws -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: site.output.path)! {
            var info = stat()
            if stat(site.output.appendingPathComponent(path).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                result[path] = UInt64(info.st_ino)
            }
        }
        return result
    }

    @Test func editingOneBodyRewritesOnlyThatPageAndTheSearchShardsOfItsWords() throws {
        let site = try site()
        _ = try site.build()
        let before = try inodes(site)
        try site.article(
            "a1", "title: Tin số 1\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]",
            body: "Đoạn đầu của tin 1.\n\nĐoạn hai, đã sửa.")
        let report = try site.build()
        let after = try inodes(site)
        let rewritten = after.keys.filter { before[$0] != after[$0] }.sorted()
        #expect(rewritten.count == report.filesWritten)
        #expect(rewritten.filter { !$0.hasPrefix("search/") } == ["tin-so-1/index.html"], "\(rewritten)")
        #expect(try site.html("tin-so-1/index.html").contains("Đoạn hai, đã sửa."))
    }

    @Test(arguments: ["author: Mai Hiên", "source: Trung tâm VH-TT", "units: [Hạ Lang]", "meeting: so-ket"])
    func editingAFieldOnlyTheArticlePageShowsRewritesThatPage(field: String) throws {
        let site = try site()
        _ = try site.build()
        try site.article(
            "a1", "title: Tin số 1\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]\n\(field)",
            body: "Đoạn đầu của tin 1.\n\nĐoạn hai.")
        let report = try site.build()
        #expect(report.filesWritten >= 1, "\(field) changed nothing")
        let value = String(field.split(separator: ":")[1].trimmedWhitespace.trimmingPrefix("[").prefix { $0 != "]" })
        #expect(try site.html("tin-so-1/index.html").contains(value == "so-ket" ? "Sơ kết" : value))
    }

    @Test func editingAnUnknownFieldReachesTemplatesThatShowIt() throws {
        let site = try site()
        try site.write(
            "site/templates/article.mustache",
            "{{<base}}{{$main}}<p>Điểm: {{article.params.rating}}</p>{{/main}}{{/base}}")
        _ = try site.build()
        try site.article(
            "a1", "title: Tin số 1\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]\nrating: 5",
            body: "Đoạn đầu của tin 1.\n\nĐoạn hai.")
        let report = try site.build()
        #expect(report.filesWritten == 1)
        #expect(try site.html("tin-so-1/index.html").contains("Điểm: 5"))
    }

    @Test func editingATitleRewritesTheListsThatShowIt() throws {
        let site = try site()
        _ = try site.build()
        try site.article(
            "a1",
            "title: Tin số 1 (cập nhật)\nslug: tin-so-1\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien\ntags: [chung]",
            body: "Đoạn đầu của tin 1.\n\nĐoạn hai.")
        let report = try site.build()
        #expect(report.filesWritten > 3)
        #expect(try site.html("index.html").contains("Tin số 1 (cập nhật)"))
        #expect(try site.html("tu-khoa/chung/trang/2/index.html").contains("Tin số 1 (cập nhật)"))  // per_page 2
        #expect(try site.html("tin-so-2/index.html").contains("Tin số 1 (cập nhật)"))  // in its lists
        #expect(try site.html("index.xml").contains("Tin số 1 (cập nhật)"))
    }

    @Test func changingATemplateRerendersEveryPage() throws {
        let site = try site()
        _ = try site.build()
        try site.write("site/templates/partials/footer.mustache", "<footer>Chân trang mới</footer>")
        let second = try site.build()
        let pages = FileManager.default.enumerator(atPath: site.output.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".html") }
        #expect(pages.count == 21)  // the topic index (dong-su-kien/) and the date archive among them
        #expect(second.filesWritten == pages.count)  // feeds, sitemap, robots and static files stay
        for page in pages { #expect(try site.html(page).contains("Chân trang mới"), "\(page)") }
    }

    @Test func handEditedOutputIsRepairedWhenItsSizeChanged() throws {
        let site = try site()
        _ = try site.build()
        try site.write("public/tin-so-1/index.html", "sửa tay")
        _ = try site.build()
        #expect(try site.html("tin-so-1/index.html").contains("Đoạn hai."))
    }

    @Test func cacheOfAnotherOutputFolderIsNotUsed() throws {
        let site = try site()
        _ = try site.build()
        let other = site.root.appendingPathComponent("khac")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "cũ".write(to: other.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let report = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, output: other, now: TestSite.now))
        #expect(report.filesUnchanged == 0)
        #expect(
            try String(contentsOf: other.appendingPathComponent("index.html"), encoding: .utf8).contains("Tin số 4"))
    }

    @Test func withoutTheCacheEverythingIsRenderedButIdenticalFilesAreStillKept() throws {
        let site = try site()
        _ = try site.build()
        let before = try inode(site, "tin-so-1/index.html")
        let report = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, now: TestSite.now, useCache: false))
        #expect(report.filesWritten == 0)
        #expect(try inode(site, "tin-so-1/index.html") == before)
    }
}

@Suite struct ContextFingerprintTests {
    @Test func independentOfDictionaryOrderAndSensitiveToValues() {
        let list = TemplateValue.list([.object(["x": .int(1)]), .object(["y": .bool(true)])])
        let a = TemplateValue.object(["title": .text("Tin"), "list": list, "n": .int(3)])
        var fields: [String: TemplateValue] = [:]
        fields["n"] = .int(3)
        fields["list"] = list
        fields["title"] = .text("Tin")
        #expect(ContextFingerprint.of(a, seed: 1) == ContextFingerprint.of(.object(fields), seed: 1))
        fields["title"] = .text("Tín")
        #expect(ContextFingerprint.of(a, seed: 1) != ContextFingerprint.of(.object(fields), seed: 1))
        #expect(ContextFingerprint.of(a, seed: 1) != ContextFingerprint.of(a, seed: 2))
        #expect(
            ContextFingerprint.of(.object(["k": .text("ab"), "l": .text("c")]), seed: 0)
                != ContextFingerprint.of(.object(["k": .text("a"), "l": .text("bc")]), seed: 0))
        #expect(ContextFingerprint.of(.int(1), seed: 0) != ContextFingerprint.of(.text("1"), seed: 0))
        #expect(ContextFingerprint.of(.bool(false), seed: 0) != ContextFingerprint.of(.list([]), seed: 0))
    }

    @Test func sharedValuesStandForTheirContent() {
        let item = TemplateValue.object(["title": .text("Tin"), "url": .text("/tin/")])
        func page(_ entry: TemplateValue) -> UInt64 {
            ContextFingerprint.of(.object(["list": .list([.shared(SharedTemplateValue(entry))])]), seed: 0)
        }
        #expect(page(item) != page(.object(["title": .text("Khác")])))
        #expect(page(item) == page(item))
    }

    @Test func stableHasherIsTheSameEveryRun() {
        // Pinned from an independent Python implementation over the length (UInt64, little endian)
        // and the UTF-8 bytes: 8-byte words (xor, multiply, shift), then FNV-1a for the tail.
        var h = StableHasher()
        h.add("thi đua")
        #expect(h.value == 0x4231_8049_d577_c499)
    }
}

@Suite struct SearchIndexReuseTests {
    @Test func unchangedContentKeepsTheIndexAndAnEditRebuildsIt() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin thi đua\ndate: 2019-07-09\ncategory: tin-tuc-su-kien", body: "Hạ Lang.")
        _ = try site.build()
        func inode(_ path: String) -> UInt64 {
            var info = stat()
            _ = stat(site.output.appendingPathComponent(path).path, &info)
            return UInt64(info.st_ino)
        }
        let meta = inode("search/meta.json")
        let before = try site.html("search/d/0.json")
        #expect(try site.build().filesWritten == 0)
        #expect(inode("search/meta.json") == meta)
        try site.article("a", "title: Tin thi đua\ndate: 2019-07-09\ncategory: tin-tuc-su-kien", body: "Trùng Khánh.")
        _ = try site.build()
        #expect(try site.html("search/d/0.json") != before)
        #expect(try site.html("search/d/0.json").contains("Trùng Khánh."))
    }

    @Test func writingOverAKeptFileNeverChangesThePreviousOutput() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        _ = try site.build()
        let previous = try site.html("tin/index.html")
        let staging = try OutputStaging(output: site.output)
        #expect(staging.keepPrevious("tin/index.html", size: previous.utf8.count))
        try staging.write("mới", to: "tin/index.html")
        #expect(try site.html("tin/index.html") == previous)  // the published file is untouched
        staging.discard()
    }
}
