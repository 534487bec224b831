import Foundation
import Synchronization
import Testing

@testable import PortalEngine

/// A build that makes many bodies writes each chunk of them to the document store as it is made
/// and keeps only where they lie (`DocumentMemory.stream`): the pages and the search index read
/// them back from the file. `streamsFrom: 1` makes the few bodies of a test site stream.
@Suite struct BodyStreamingTests {
    func site() throws -> TestSite {
        let site = try TestSite.withArticles(8) { i in
            "Đoạn đầu của tin \(i), xem [tin trước](a\(max(1, i - 1)).md).\n\n![Ảnh hội nghị](../images/hop.png)\n\n"
                + "| Đơn vị | Đạt |\n| --- | --: |\n| Trà Lĩnh | 108% |\n\nĐoạn cuối có **chữ đậm** và từ hiếm \(i)."
        }
        try site.write("content/images/hop.png", TestPhotos.photo(width: 640, height: 480, format: "png"))
        return site
    }

    /// A build whose memory streams every body it makes.
    func streamingBuild(_ site: TestSite) throws -> BuildReport {
        var options = BuildOptions(sourceRoot: site.root, now: TestSite.now)
        options.documentMemory = DocumentMemory(store: DocumentStore(sourceRoot: site.root), streamsFrom: 1)
        return try SiteBuilder.build(options)
    }

    /// Each record of the store once: its file holds its header and the records its index names,
    /// nothing more (a record written twice has one entry in the index).
    func holdsEachRecordOnce(_ site: TestSite) throws -> Bool {
        let store = DocumentStore(sourceRoot: site.root)
        let size = try FileManager.default.attributesOfItem(atPath: store.url.path)[.size] as! Int
        return size == DocumentStore.headerSize + store.records.reduce(0) { $0 + $1.range.count }
    }

    /// A build from the store alone: the output is removed, so it is not up to date.
    func buildFromTheStore(_ site: TestSite) throws -> BuildReport {
        try FileManager.default.removeItem(at: site.output)
        return try site.build()
    }

    @Test func aFullBuildWritesEachBodyAsItIsMadeAndPublishesTheSame() throws {
        let site = try site()
        let report = try streamingBuild(site)
        #expect(report.sources.bodiesMade == 8)
        #expect(report.sources.bodiesStreamed == 8)
        #expect(report.sources.loadsStreamed == 8, "and the files they were made from")
        let streamed = try site.snapshotOutput()
        #expect(streamed == (try site.uncachedOutput()))
        #expect(try site.html("tin-so-3/index.html").contains("Trà Lĩnh"))

        // The next build finds every body in the store, where the stream wrote it.
        let next = try buildFromTheStore(site)
        #expect(next.sources.bodiesMade == 0)
        #expect(next.sources.bodiesReused == 8)
        #expect(try site.snapshotOutput() == streamed)
        let store = DocumentStore(sourceRoot: site.root)
        #expect(store.indexWasWhole)
        #expect(store.records.count == 8 * 3, "each file's document and Markdown, and its body")
        #expect(try holdsEachRecordOnce(site))
    }

    @Test func bodiesStreamAfterTheRecordsOfAStoreThatIsThere() throws {
        let site = try site()
        try site.article("a9", "title: Tin số 9\ndate: 2019-07-19 08:00\ncategory: tin-tuc-su-kien", body: "Không đổi.")
        _ = try site.build()
        let before = DocumentStore(sourceRoot: site.root).records
        for i in 1...8 {
            try site.article(
                "a\(i)", "title: Tin số \(i)\ndate: 2019-07-1\(i) 08:00\ncategory: tin-tuc-su-kien",
                body: "Nội dung mới của tin \(i), với từ mới toanh\(i).")
        }
        let report = try streamingBuild(site)
        #expect(report.sources.bodiesStreamed == 8)
        let store = DocumentStore(sourceRoot: site.root)
        #expect(store.indexWasWhole)
        #expect(Array(store.records.prefix(before.count)) == before, "appended, not written anew")
        #expect(store.records.count == before.count + 8 * 3, "each new file's records")
        #expect(try holdsEachRecordOnce(site))
        #expect(try site.snapshotOutput() == (try site.uncachedOutput()))
        #expect(try site.html("search/d/0.json").contains("toanh3"))

        let next = try buildFromTheStore(site)
        #expect(next.sources.bodiesMade == 0)
        #expect(try site.snapshotOutput() == (try site.uncachedOutput()))
    }

    @Test func streamedRecordsAreReadBackFromTheFileAndAStoreNeverSavedLeavesNoFile() throws {
        let site = try TestSite()
        let folder = DocumentStore.url(sourceRoot: site.root).deletingLastPathComponent()
        do {
            let store = DocumentStore(sourceRoot: site.root)
            let payloads: [[UInt8]] = [Array("một".utf8), [], Array(repeating: 7, count: 5000)]
            let written = try #require(store.stream(payloads.enumerated().map { (.rendered, UInt64($0), $1) }))
            // A second call writes on from the first, through the same buffer.
            let more: [[UInt8]] = [Array(repeating: 9, count: 3000), Array("hai".utf8)]
            let after = try #require(store.stream(more.enumerated().map { (.rendered, UInt64(10 + $0), $1) }))
            for (n, payload) in payloads.enumerated() {
                let read = written.file.withBytes(at: written.payloadOffsets[n], count: payload.count) { Array($0) }
                let same = read == payload
                #expect(same, "record \(n)")
            }
            for (n, payload) in more.enumerated() {
                let read = after.file.withBytes(at: after.payloadOffsets[n], count: payload.count) { Array($0) }
                let same = read == payload
                #expect(same, "record \(10 + n)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1, "its new file")
        }
        // A build that stopped before saving: nothing is left, and no store is there.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func streamedBodiesAreKeptAsWhereTheyLieAndABodyWithProblemsIsNotStored() throws {
        let site = try TestSite()
        let memory = DocumentMemory(store: DocumentStore(sourceRoot: site.root), streamsFrom: 1)
        memory.beginBuild()
        let made = memory.render([(11, "a.md"), (12, "b.md"), (13, "c.md")], isValid: { _, _ in true }) { n in
            DocumentMemory.Rendered(
                body: RenderedBody(html: "<p>Tin \(n)</p>", summary: "Tóm tắt \(n)", plainText: "Từ khóa \(n)"),
                problems: n == 2 ? [.warning("c.md", nil, Message(.cachedTextDamaged))] : [])
        }
        #expect(made.map(\.body.html) == ["<p>Tin 0</p>", "<p>Tin 1</p>", "<p>Tin 2</p>"])
        #expect(made.map(\.body.plainText) == ["Từ khóa 0", "Từ khóa 1", "Từ khóa 2"])
        #expect(made.map { $0.body.storedHTML.isInFile && $0.body.storedPlainText.isInFile } == [true, true, false])
        #expect(memory.lastCounts.bodiesStreamed == 2)
        memory.persist()

        let next = DocumentMemory(store: DocumentStore(sourceRoot: site.root))
        #expect(next.keptBody(11)?.html == "<p>Tin 0</p>")
        #expect(next.keptBody(12)?.summary == "Tóm tắt 1")
        #expect(next.keptBody(13) == nil, "a body with problems is made again, to report them")
    }

    /// Each chunk is written while the next is made: the bodies come back in order, each chunk
    /// read back from where its own write put it.
    @Test func chunksWrittenBesideTheNextComeBackInOrder() throws {
        let site = try TestSite()
        let memory = DocumentMemory(store: DocumentStore(sourceRoot: site.root), streamsFrom: 1, chunkSize: 2)
        memory.beginBuild()
        let keys = (0..<7).map { (key: UInt64(100 + $0), path: "tin-\($0).md") }
        let made = memory.render(keys, isValid: { _, _ in true }) { n in
            let html = "<p>Tin \(n)</p>" + String(repeating: "đ", count: 300 * n)
            return DocumentMemory.Rendered(
                body: RenderedBody(html: html, summary: "Tóm tắt \(n)", plainText: "Từ khóa \(n)"), problems: [])
        }
        #expect(made.map(\.body.summary) == (0..<7).map { "Tóm tắt \($0)" })
        #expect(made.map(\.body.plainText) == (0..<7).map { "Từ khóa \($0)" })
        #expect(made.allSatisfy { $0.body.storedHTML.isInFile }, "every chunk streamed")
        #expect(made.map(\.body.html) == (0..<7).map { "<p>Tin \($0)</p>" + String(repeating: "đ", count: 300 * $0) })
        #expect(memory.lastCounts.bodiesStreamed == 7)
        memory.persist()
        let next = DocumentMemory(store: DocumentStore(sourceRoot: site.root))
        #expect(next.keptBody(106)?.summary == "Tóm tắt 6")
    }

    /// A build appending to the store holds its lock: streaming does not wait for it (that build
    /// may be waiting for this one's output), it leaves the bodies to `persist`.
    @Test func aStoreLockedByAnotherBuildIsNotWaitedFor() throws {
        let site = try site()
        _ = try site.build()
        let store = DocumentStore(sourceRoot: site.root)
        let other = open(store.url.path, O_WRONLY | O_APPEND)
        #expect(flock(other, LOCK_EX) == 0)
        // On a thread of its own, so that waiting fails the test instead of hanging it.
        let answered = DispatchSemaphore(value: 0)
        let wrote = Mutex<Bool?>(nil)
        Thread.detachNewThread {
            let written = store.stream([(.rendered, 99, [1, 2, 3])]) != nil
            wrote.withLock { $0 = written }
            answered.signal()
        }
        let inTime = answered.wait(timeout: .now() + 10) == .success
        #expect(inTime, "it waited for the other build's lock")
        close(other)
        if !inTime { answered.wait() }
        #expect(wrote.withLock { $0 } == false)
        #expect(store.stream([(.rendered, 99, [1, 2, 3])]) != nil, "once it is free")
        store.save(kept: [], added: 0) { _ in [] }
        #expect(try holdsEachRecordOnce(site))
    }

    /// What `stream` checks before reading back what it appends: the file it writes and the one
    /// it reads are the same, though another build may rename a new store over the path.
    @Test func aFileRenamedOverThePathIsNotTheOneOpen() throws {
        let site = try TestSite()
        let path = site.root.appendingPathComponent("store.bin").path
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        let writer = open(path, O_WRONLY | O_APPEND)
        defer { close(writer) }
        #expect(try #require(StoredFile(path: path)).isSameFile(as: writer))
        try Data([4, 5]).write(to: URL(fileURLWithPath: path + ".new"))
        #expect(rename(path + ".new", path) == 0)
        #expect(try #require(StoredFile(path: path)).isSameFile(as: writer) == false)
    }
}
