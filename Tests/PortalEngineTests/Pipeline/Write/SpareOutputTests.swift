import Foundation
import Testing

@testable import PortalEngine

/// A build brings the output's spare (the site before the last build) up to date and swaps it
/// in: the output ends exactly as a build into a new folder leaves it, unchanged files stay
/// the output's own, and the list of what the spare holds is trusted only while nothing can
/// have changed the spare.
@Suite struct SpareOutputTests {
    func inode(_ url: URL) -> UInt64? {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// The site as a build without caches makes it, into a folder of its own that has seen
    /// the same builds (moved articles leave redirects).
    func fresh(_ site: TestSite) throws -> [String: Data] {
        let twin = site.root.appendingPathComponent("twin")
        _ = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, output: twin, now: TestSite.now, useCache: false))
        return snapshotFiles(in: twin)
    }

    /// Every file of `folder` with its size, walked.
    func walked(_ folder: URL) -> [String: Int] {
        var files: [String: Int] = [:]
        FileTree.walk(folder.path, rules: .everyFile) { entry in
            if case .file(let relative, let info) = entry { files[relative] = Int(info.st_size) }
        }
        return files
    }

    func leftovers(_ folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.contains(".partial-") }
    }

    /// Three builds: the last has a spare and a valid list of it.
    func siteWithASpare() throws -> TestSite {
        let site = try TestSite.withArticles(5) { "Nội dung tin \($0)." }
        _ = try site.build()
        _ = try fresh(site)
        #expect(!FileManager.default.fileExists(atPath: OutputStaging.spare(of: site.output).path))
        try site.article(
            "a1", "title: Tin số 1\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien", body: "Sửa lần một.")
        _ = try site.build()
        _ = try fresh(site)
        #expect(FileManager.default.fileExists(atPath: OutputStaging.spare(of: site.output).path))
        return site
    }

    @Test func editsSwapTheSpareInAndEndAsAFreshBuild() throws {
        let site = try siteWithASpare()
        let spare = OutputStaging.spare(of: site.output)
        let untouched = site.output.appendingPathComponent("tin-so-3/index.html")
        let before = inode(untouched)
        let oldPage = try String(contentsOf: site.output.appendingPathComponent("tin-so-2/index.html"), encoding: .utf8)

        try site.article(
            "a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien", body: "Sửa bài hai.")
        _ = try site.build()
        #expect(try site.snapshotOutput() == fresh(site))
        #expect(inode(untouched) == before, "an unchanged page is the same file")
        // The output it replaced is the spare now, as it was.
        #expect(try String(contentsOf: spare.appendingPathComponent("tin-so-2/index.html"), encoding: .utf8) == oldPage)

        // A new title moves the article: its old page goes from the spare before it is swapped in.
        try site.article("a1", "title: Tin thứ nhất\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien")
        _ = try site.build()
        #expect(try site.snapshotOutput() == fresh(site))
        #expect(
            FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tin-thu-nhat/index.html").path))
        try site.article("a4", "title: Tin số 4\ndate: 2019-07-14 08:00\ncategory: tin-tuc-su-kien", body: "Sửa.")
        _ = try site.build()
        #expect(try site.snapshotOutput() == fresh(site))
        #expect(try leftovers(site.output).isEmpty && leftovers(spare).isEmpty)
    }

    @Test func theListOfTheSpareIsGoneOnceABuildStartsWritingIntoIt() throws {
        let site = try siteWithASpare()
        _ = try site.build()  // a no-op: the list stays
        #expect(OutputFolderFiles.take(sourceRoot: site.root, output: site.output).spare != nil)
        #expect(OutputFolderFiles.take(sourceRoot: site.root, output: site.output).spare == nil)

        // What a build killed while writing into the spare leaves there, deep enough not to
        // change the folder itself: only walking the spare finds it.
        let spare = OutputStaging.spare(of: site.output)
        try Data("cũ".utf8).write(to: spare.appendingPathComponent("tin-so-1/con-sot.html"))
        try site.article("a3", "title: Tin số 3\ndate: 2019-07-13 08:00\ncategory: tin-tuc-su-kien", body: "Sửa.")
        _ = try site.build()
        #expect(
            !FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tin-so-1/con-sot.html").path))
        #expect(try site.snapshotOutput() == fresh(site))
    }

    /// The memory of the last output is read beside the model, under the output's lock: a build
    /// that then fails on its content keeps the list of the spare (it changed neither folder),
    /// and lets the lock go.
    @Test func aBuildThatFailsOnItsContentKeepsTheListAndTheLock() throws {
        let site = try siteWithASpare()
        try site.article("hong", "title: Hỏng\ndate: 2019-07-09\ncategory: khong-co")
        #expect(site.buildFailure() != nil)
        #expect(OutputFolderFiles.read(sourceRoot: site.root, output: site.output).spare != nil)
        let fd = open(site.root.appendingPathComponent(".public.lock").path, O_RDWR)
        defer { close(fd) }
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0, "the lock is free")
    }

    /// An output folder whose parent is missing: the build says what is wrong with the content,
    /// and makes no folder for an output it will not write.
    @Test func aFailingBuildMakesNoFolderForItsOutput() throws {
        let site = try TestSite.withArticles(2) { "Tin \($0)." }
        try site.article("hong", "title: Hỏng\ndate: 2019-07-09\ncategory: khong-co")
        let parent = site.root.appendingPathComponent("xuat-ban")
        let failure = try #require(
            throws: BuildFailure.self,
            performing: {
                try SiteBuilder.build(
                    BuildOptions(
                        sourceRoot: site.root, output: parent.appendingPathComponent("public"), now: TestSite.now))
            })
        #expect(failure.diagnostics.contains { $0.file.hasSuffix("hong.md") })
        #expect(!FileManager.default.fileExists(atPath: parent.path))
    }

    @Test func foldersChangedOrReplacedBehindTheBuildsBackAreWalked() throws {
        let site = try siteWithASpare()
        let spare = OutputStaging.spare(of: site.output)
        try Data("lạc".utf8).write(to: spare.appendingPathComponent("lac.html"))
        try site.article("a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien", body: "Sửa.")
        _ = try site.build()
        #expect(try site.snapshotOutput() == fresh(site))

        // The output put back from a copy that has a file too many; it is the spare after the
        // next build, and the one after must not publish that file.
        let copy = site.root.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: site.output, to: copy)
        try Data("thừa".utf8).write(to: copy.appendingPathComponent("tin-so-5/thua.html"))
        try FileManager.default.removeItem(at: site.output)
        try FileManager.default.moveItem(at: copy, to: site.output)
        for body in ["Sửa lần hai.", "Sửa lần ba."] {
            try site.article("a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien", body: body)
            _ = try site.build()
            #expect(try site.snapshotOutput() == fresh(site))
        }
    }

    @Test func theUpToDateRecordListsWhatTheOutputHolds() throws {
        let site = try siteWithASpare()
        for body in ["Một.", "Hai."] {
            try site.article("a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien", body: body)
            _ = try site.build()
            let record = try #require(UpToDateCheck.load(sourceRoot: site.root, output: site.output))
            #expect(record.files == walked(site.output))
        }
        var options = BuildOptions(
            sourceRoot: site.root, output: site.root.appendingPathComponent("xem"), now: TestSite.now)
        options.writeInPlace = true
        for body in ["Ba.", "Bốn."] {
            try site.article("a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien", body: body)
            _ = try SiteBuilder.build(options)
            let record = try #require(UpToDateCheck.load(sourceRoot: site.root, output: options.output))
            #expect(record.files == walked(options.output))
        }
    }

    @Test func aBuildWithoutTheCacheLeavesNoSpare() throws {
        let site = try siteWithASpare()
        _ = try SiteBuilder.build(BuildOptions(sourceRoot: site.root, now: TestSite.now, useCache: false))
        #expect(!FileManager.default.fileExists(atPath: OutputStaging.spare(of: site.output).path))
        #expect(try site.snapshotOutput() == fresh(site))
    }
}

extension OutputFolderFiles {
    /// Reads the record, keeping the lists whose folder is as recorded, and deletes it.
    static func take(sourceRoot: URL, output: URL) -> OutputFolderFiles {
        defer { remove(sourceRoot: sourceRoot, output: output) }
        return read(sourceRoot: sourceRoot, output: output)
    }
}
