import Foundation
import Testing

@testable import PortalEngine

/// A file whose stamp (size, inode, modification and change times) is the one it had when a
/// build read it is taken from the document store unread. Anything else is read: a file
/// rewritten with its old size and modification time, one written just before a build (its
/// stamp could hide a second write in the same clock tick), and a store whose Markdown is
/// damaged stops the build instead of publishing a wrong body.
@Suite struct SourceStampTests {
    /// Six articles written more than `FileStamp.trustedAge` ago, so their stamps are trusted.
    func settledSite() throws -> TestSite {
        let site = try TestSite.withArticles(6) { "Đoạn đầu của tin \($0), xem [tin 1](a1.md).\n\nĐoạn hai." }
        Thread.sleep(forTimeInterval: Double(FileStamp.trustedAge) / 1e9 + 0.2)
        return site
    }

    func edit(_ site: TestSite, _ n: Int, body: String) throws {
        try site.article(
            "a\(n)", "title: Tin số \(n)\ndate: 2019-07-1\(n) 08:00\ncategory: tin-tuc-su-kien", body: body)
    }

    @Test func unchangedFilesAreTakenUnread() throws {
        let site = try settledSite()
        let files = try site.build().sources.loadsMade
        try edit(site, 2, body: "Đã sửa.")
        let second = try site.build()
        #expect(second.sources.loadsUnread == files - 1 && second.sources.loadsMade == 1, "\(second.sources)")
        #expect(try site.html("tin-so-2/index.html").contains("Đã sửa"))
        #expect(try site.snapshotOutput() == site.uncachedOutput())
    }

    /// Same size, same modification time, other bytes: the change time still tells.
    @Test func aFileRewrittenWithItsOldSizeAndTimeIsReadAgain() throws {
        let site = try settledSite()
        let files = try site.build().sources.loadsMade
        let url = site.root.appendingPathComponent("content/articles/a3.md")
        var before = stat()
        #expect(stat(url.path, &before) == 0)
        let old = try String(contentsOf: url, encoding: .utf8)
        let new = old.replacingOccurrences(of: "Đoạn hai.", with: "Đoạn HAI.")
        #expect(new.utf8.count == old.utf8.count && new != old)
        let handle = try FileHandle(forWritingTo: url)  // the same file, not a new one in its place
        try handle.write(contentsOf: Data(new.utf8))
        try handle.close()
        // The modification time put back to the nanosecond: only the change time differs.
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
        var after = stat()
        #expect(stat(url.path, &after) == 0)
        #expect(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec && after.st_size == before.st_size)
        #expect(after.st_ino == before.st_ino)
        let second = try site.build()
        #expect(second.sources.loadsUnread == files - 1, "\(second.sources)")
        #expect(try site.html("tin-so-3/index.html").contains("Đoạn HAI."))
    }

    /// A file written just before a build is read by it, and its stamp is not trusted the next
    /// time either: another write in the same tick of a coarse clock would leave it unchanged.
    @Test func aFileWrittenJustBeforeABuildIsReadAgainNextTime() throws {
        let site = try settledSite()
        let files = try site.build().sources.loadsMade
        try edit(site, 2, body: "Sửa lần một.")
        #expect(try site.build().sources.loadsUnread == files - 1)
        try edit(site, 4, body: "Sửa tin bốn.")
        let third = try site.build()
        #expect(third.sources.loadsUnread == files - 2, "\(third.sources)")
        #expect(try site.snapshotOutput() == site.uncachedOutput())
    }

    /// The Markdown of an unread file is checked when its body must be rendered again (here:
    /// the article every body links to is renamed). A damaged copy fails the build with a
    /// message that says what to do, and leaves the published site as it was.
    @Test func damagedMarkdownInTheStoreFailsTheBuildAndPublishesNothing() throws {
        let site = try settledSite()
        _ = try site.build()
        let published = try site.snapshotOutput()
        let store = DocumentStore.url(sourceRoot: site.root)
        var bytes = [UInt8](try Data(contentsOf: store))
        let text = Array("Đoạn đầu của tin 3,".utf8)
        let at = try #require(
            bytes.indices.first { bytes[$0...].starts(with: text) }, "tin 3's Markdown is in the store")
        bytes[at + text.count - 2] = UInt8(ascii: "9")  // "tin 9": the same length
        try Data(bytes).write(to: store)
        try site.article("a1", "title: Tin số một\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien")
        let problems = try #require(site.buildFailure())
        #expect(problems.contains { $0.file == "content/articles/a3.md" && $0.text == Message(.cachedTextDamaged) })
        #expect(try site.snapshotOutput() == published)
        // As the message says: without the store, the build succeeds.
        try FileManager.default.removeItem(at: store.deletingLastPathComponent())
        _ = try site.build()
        #expect(try site.html("tin-so-3/index.html").contains("Đoạn đầu của tin 3"))
    }
}
