import Foundation
import Testing

@testable import PortalEngine

/// The store of parsed files and rendered bodies `build-site` keeps between runs: a rebuild
/// parses and renders only what changed, writes what a build without it writes, and a damaged
/// or foreign store costs time, never content.
@Suite struct DocumentStoreTests {
    func site() throws -> TestSite {
        try TestSite.withArticles(6) { "Đoạn đầu của tin \($0), xem [tin 1](a1.md).\n\nĐoạn hai." }
    }

    var storeURL: (TestSite) -> URL { { DocumentStore.url(sourceRoot: $0.root) } }

    /// Same bytes, new modification time: the up-to-date check cannot skip the build.
    func touch(_ site: TestSite, _ path: String) throws {
        let url = site.root.appendingPathComponent(path)
        try Data(contentsOf: url).write(to: url)
    }

    @Test func aSecondRunParsesAndRendersOnlyTheEditedFile() throws {
        let site = try site()
        let first = try site.build()
        let files = first.sources.loadsMade
        #expect(first.sources.loadsReused == 0 && files >= 6)
        try site.article(
            "a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien",
            body: "Đã sửa, xem [tin 1](a1.md).")
        let second = try site.build()
        // The kept bodies were decoded while the model was built: their keys are the renderer's.
        #expect(
            second.sources
                == .init(
                    loadsReused: files - 1, loadsMade: 1, bodiesReused: files - 1, bodiesMade: 1,
                    bodiesPrefetched: files - 1))
        #expect(try site.html("tin-so-2/index.html").contains("Đã sửa"))
        #expect(try site.snapshotOutput() == site.uncachedOutput())
    }

    /// The kept bodies decoded beside the model give the store's pages back as they go (an edit
    /// at 100,000 articles held 1.4 GB of them at once); what a page holds is read again from
    /// the file when asked, and the site is the one built without the store.
    @Test func bodiesDecodedAheadGiveTheStoresPagesBackAsTheyGo() throws {
        let site = try site()
        let bodies = try site.build().sources.bodiesMade
        func edit(_ text: String, releasingEvery: Int) throws -> (prefetched: Int, releases: Int) {
            try site.article(
                "a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien",
                body: "\(text), xem [tin 1](a1.md).")
            let store = DocumentStore(sourceRoot: site.root)
            var options = BuildOptions(sourceRoot: site.root, now: TestSite.now, useCache: false)
            options.documentMemory = DocumentMemory(store: store, bodiesPerRelease: releasingEvery)
            return (try SiteBuilder.build(options).sources.bodiesPrefetched, store.pagesReleased)
        }
        let once = try edit("Sửa lần một", releasingEvery: 1_000)
        let often = try edit("Sửa lần hai", releasingEvery: 2)
        #expect(once.prefetched == bodies - 1 && often.prefetched == bodies - 1)
        // The same build's releases, and one after every second body looked for ahead (the
        // edited file's too: the store has none for its new text).
        #expect(often.releases == once.releases + bodies / 2, "\(bodies) bodies")
        #expect(try site.html("tin-so-2/index.html").contains("Sửa lần hai"))
        #expect(try site.snapshotOutput() == site.uncachedOutput())
    }

    /// A body is kept while its own links resolve as they did: a new article, or one renamed
    /// that nobody links to, renders no other body; renaming the one every body links to
    /// renders them all. Each time the output is what a build without the store writes.
    @Test func aBodyIsRenderedAgainOnlyWhenItsLinksResolveOtherwise() throws {
        let site = try site()
        let first = try site.build()
        let files = first.sources.bodiesMade
        try site.article("a7", "title: Tin số 7\ndate: 2019-07-17 08:00\ncategory: tin-tuc-su-kien", body: "Mới.")
        let added = try site.build()
        #expect(added.sources.bodiesMade == 1 && added.sources.bodiesReused == files)
        try site.article(
            "a2", "title: Tin số hai\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien",
            body: "Đoạn đầu của tin 2, xem [tin 1](a1.md).\n\nĐoạn hai.")
        let renamed = try site.build()
        #expect(renamed.sources.bodiesMade == 0, "\(renamed.sources)")
        #expect(try site.snapshotOutput() == site.uncachedOutput())
        try site.article(
            "a1", "title: Tin số một\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien",
            body: "Đoạn đầu của tin 1, xem [tin 1](a1.md).\n\nĐoạn hai.")
        let linked = try site.build()
        #expect(linked.sources.bodiesMade == 6, "\(linked.sources)")
        #expect(try site.html("tin-so-3/index.html").contains("href=\"/tin-so-mot/\""))
        #expect(try site.snapshotOutput() == site.uncachedOutput())
    }

    /// The test portal has every kind of content: news with photos and attachments, pages,
    /// documents, fields the contract does not name. Built from the store, it is the same.
    @Test func thePortalBuiltFromTheStoreIsThePortalBuiltWithout() throws {
        let site = try TestSite()
        try FileManager.default.removeItem(at: site.root)
        try FileManager.default.copyItem(
            at: Repository.root.appendingPathComponent("Tests/Fixtures/portal"), to: site.root)
        // Other tests build the fixture where it is, leaving their caches in it.
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent(CacheFiles.folder))
        let first = try site.build()
        try touch(site, "content/articles/2019/khoi-mien-dong-so-ket-6-thang-2019.md")
        let second = try site.build()
        #expect(second.sources.loadsMade == 0 && first.sources.loadsReused == 0)
        #expect(second.sources.loadsReused == first.sources.loadsMade, "\(second.sources) \(first.sources)")
        #expect(second.sources.bodiesMade == 0)
        #expect(try site.snapshotOutput() == site.uncachedOutput())
    }

    /// A file with a warning is parsed again by every build, so that the warning is shown again.
    @Test func aFileWithAWarningIsNotKept() throws {
        let site = try site()
        try site.article(
            "a3", "title: “Tin số 3”\ndate: 2019-07-13 08:00\ncategory: tin-tuc-su-kien", body: "Đoạn <b>đậm</b>.")
        let first = try site.build()
        #expect(first.diagnostics.count == 2)
        try touch(site, "content/articles/a1.md")
        let second = try site.build()
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.sources.loadsMade == 1 && second.sources.bodiesMade == 1)
    }

    @Test func aDamagedStoreCostsTimeNotContent() throws {
        let site = try site()
        _ = try site.build()
        var bytes = [UInt8](try Data(contentsOf: storeURL(site)))
        // One flipped byte in the middle of a record, and a torn last record.
        bytes[bytes.count / 2] ^= 0x55
        bytes.removeLast(7)
        try Data(bytes).write(to: storeURL(site))
        try touch(site, "content/articles/a1.md")
        let second = try site.build()
        // The torn record is made again; so is the flipped one, unless it is Markdown that no
        // body is rendered from (that is checked only when rendered: `SourceStampTests`).
        #expect(second.sources.loadsMade + second.sources.bodiesMade >= 1)
        #expect(second.sources.loadsReused > 0)
        #expect(try site.snapshotOutput() == site.uncachedOutput())
        // The store was written anew: the next build takes everything from it.
        try touch(site, "content/articles/a1.md")
        let third = try site.build()
        #expect(third.sources.loadsMade == 0 && third.sources.bodiesMade == 0)
    }

    @Test func aStoreFromAnotherEngineBuildIsNotRead() throws {
        let site = try site()
        let first = try site.build()
        var bytes = [UInt8](try Data(contentsOf: storeURL(site)))
        bytes[DocumentStore.magic.count] ^= 1  // the engine identity
        try Data(bytes).write(to: storeURL(site))
        try touch(site, "content/articles/a1.md")
        let second = try site.build()
        #expect(second.sources.loadsMade == first.sources.loadsMade && second.sources.loadsReused == 0)
    }

    /// Records no build uses any more are dropped once they are most of the file.
    @Test func recordsOfDeletedFilesAreDropped() throws {
        let site = try TestSite.withArticles(8) {
            "Tin \($0). " + String(repeating: "Một đoạn dài của bài viết. ", count: 400)
        }
        _ = try site.build()
        let full = try Data(contentsOf: storeURL(site)).count
        for i in 1...7 {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/a\(i).md"))
        }
        let report = try site.build()
        #expect(report.sources.loadsMade == 0)
        let after = try Data(contentsOf: storeURL(site)).count
        #expect(after < full / 3, "\(after) of \(full) bytes")
    }

    /// Every field of the front matter survives the store. The parsed file sets each field, so
    /// a field added to `FrontMatter` but not to the coding fails here.
    @Test func everyFrontMatterFieldRoundTrips() throws {
        let yaml = """
            title: Tiêu đề
            date: 2019-07-11
            lastmod: 2019-07-12 08:00
            expires: 2030-01-01
            category: tin-tuc-su-kien
            bloc: khoi-1
            units: [Đơn vị A, Đơn vị B]
            meeting: hop-1
            tags: [a, b]
            topic: dong-su-kien
            author: Tác giả
            source: Nguồn
            summary: Tóm tắt
            image: anh.jpg
            image_caption: Chú thích
            featured: true
            slug: tieu-de
            aliases: [/cu/]
            files: [{file: a.pdf, title: Tệp}]
            draft: true
            type: van-ban
            so_ky_hieu: 15/QĐ-UBND
            loai: Quyết định
            co_quan: UBND tỉnh
            nguoi_ky: Nguyễn Văn A
            ngay_ban_hanh: 2019-07-01
            ngay_hieu_luc: 2019-07-02
            ngay_het_hieu_luc: 2020-07-02
            linh_vuc: [Thi đua]
            trich_yeu: Về việc thử
            thay_the: [14/QĐ-UBND]
            lien_quan: [13/QĐ-UBND]
            rieng: {so: 3, ty_le: 0.5, co: false, rong: null, ds: [x, 1]}
            """
        let parser = FrontMatterParser(dates: DateParser(zone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!))
        let (parsed, problems) = parser.parse(yaml, file: "content/x.md", firstLine: 2)
        let original = try #require(parsed, "\(problems)")
        let blank = FrontMatter()
        for (field, value) in zip(Mirror(reflecting: original).children, Mirror(reflecting: blank).children) {
            #expect("\(field.value)" != "\(value.value)", "\(field.label ?? "?") is not set by the test")
        }
        for (field, value) in zip(
            Mirror(reflecting: original.document).children, Mirror(reflecting: blank.document).children)
        {
            #expect("\(field.value)" != "\(value.value)", "document.\(field.label ?? "?") is not set by the test")
        }
        let document = SourceDocument(
            file: SourceFileRef(sourcePath: "content/x.md", relativePath: "x.md"), kind: .document,
            frontMatter: original, markdown: StoredText("Thân **bài**.\n"), bodyFirstLine: 36,
            frontMatterStamp: 0xABCD_0123)
        var writer = CacheBytesWriter()
        document.encode(into: &writer)
        // The Markdown is stored apart; the record keeps its hash.
        let markdown = { (hash: UInt64) in StoredText(bytes: document.markdownRecord, stableHash: hash) }
        let decoded = try writer.bytes.withUnsafeBytes { bytes in
            try #require(CacheBytesReader.whole(bytes) { SourceDocument.decode(&$0, markdown: markdown) })
        }
        #expect(decoded.file == document.file && decoded.kind == .document && decoded.body == document.body)
        #expect(decoded.markdown.isIntact && decoded.markdown.stableHash == StoredText(document.body).stableHash)
        let otherText = StoredText(bytes: Array("Thân bài khác.\n".utf8), stableHash: decoded.markdown.stableHash)
        #expect(!otherText.isIntact)
        #expect(decoded.bodyFirstLine == 36 && decoded.frontMatterStamp == 0xABCD_0123)
        var (a, b) = (original, decoded.frontMatter)
        #expect(a.extra == b.extra && a.positions == b.positions)
        (a.extra, a.positions, b.extra, b.positions) = ([:], [:], [:], [:])
        #expect("\(a)" == "\(b)")
        // Cut anywhere, the record does not read as whole.
        for cut in stride(from: 0, to: writer.bytes.count, by: 7) {
            Array(writer.bytes.prefix(cut)).withUnsafeBytes { bytes in
                #expect(
                    CacheBytesReader.whole(bytes) { SourceDocument.decode(&$0, markdown: markdown) } == nil,
                    "cut at \(cut)")
            }
        }
    }
}
