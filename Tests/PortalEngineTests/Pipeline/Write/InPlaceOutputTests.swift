import Foundation
import Testing

@testable import PortalEngine

/// `writeInPlace` (the preview's): the output folder is updated file by file, and ends exactly
/// as a build swapped in whole would leave it.
@Suite struct InPlaceOutputTests {
    func inode(_ url: URL) -> UInt64? {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// What the in-place builds of one test left, as the preview keeps it.
    let folder = InPlaceFolderMemory()

    func build(_ site: TestSite, into output: URL, inPlace: Bool) throws -> BuildReport {
        var options = BuildOptions(sourceRoot: site.root, output: output, now: TestSite.now)
        options.writeInPlace = inPlace
        options.inPlaceFolder = folder
        return try SiteBuilder.build(options)
    }

    @Test func inPlaceEndsAsASwappedBuildAndKeepsUnchangedFiles() throws {
        let site = try TestSite.withArticles(5) { "Nội dung tin \($0)." }
        try site.write("content/files/ke-hoach.pdf", Data(repeating: 0x25, count: 500))
        try site.article(
            "khac", "slug: khac\ntitle: Tin khác\ndate: 2019-07-20 08:00\ncategory: tin-hoat-dong-cum-khoi")
        let swapped = site.root.appendingPathComponent("swapped")
        let inPlace = site.root.appendingPathComponent("in-place")
        _ = try build(site, into: swapped, inPlace: false)
        _ = try build(site, into: inPlace, inPlace: true)
        #expect(snapshotFiles(in: inPlace) == snapshotFiles(in: swapped))
        let untouchedPage = inPlace.appendingPathComponent("khac/index.html")
        let untouchedStyle = inPlace.appendingPathComponent("css/portal.css")
        let before = (inode(untouchedPage), inode(untouchedStyle))

        // A new title moves the article: its old page must go, the new one come, the rest stay.
        try site.article("a1", "title: Tin số một\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/files/ke-hoach.pdf"))
        _ = try build(site, into: swapped, inPlace: false)
        let report = try build(site, into: inPlace, inPlace: true)
        #expect(snapshotFiles(in: inPlace) == snapshotFiles(in: swapped))
        #expect(!FileManager.default.fileExists(atPath: inPlace.appendingPathComponent("files").path))
        #expect(FileManager.default.fileExists(atPath: inPlace.appendingPathComponent("tin-so-mot/index.html").path))
        #expect(inode(untouchedPage) == before.0, "an unchanged page is left where it is")
        #expect(inode(untouchedStyle) == before.1, "an unchanged copied file is left where it is")
        #expect(report.pagesReused > 0, "the memory of the last in-place build is used")
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: inPlace.path).filter {
            $0.contains(".partial-")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func aFileWhereAFolderGoesAndAFolderWhereAFileGoesAreReplaced() throws {
        let site = try TestSite.withArticles(2) { "Nội dung tin \($0)." }
        let output = site.root.appendingPathComponent("in-place")
        _ = try build(site, into: output, inPlace: true)
        // What an earlier build could have left: a file where a page's folder goes, and a
        // folder where a copied file goes.
        try FileManager.default.removeItem(at: output.appendingPathComponent("tin-so-2"))
        try Data("x".utf8).write(to: output.appendingPathComponent("tin-so-2"))
        try site.write("content/files/bang.csv", "a,b\n")
        try FileManager.default.createDirectory(
            at: output.appendingPathComponent("files/bang.csv/cu"), withIntermediateDirectories: true)
        try site.article("a1", "title: Tin số 1\ndate: 2019-07-11 08:00\ncategory: tin-tuc-su-kien", body: "Sửa.")
        _ = try build(site, into: output, inPlace: true)
        let swapped = site.root.appendingPathComponent("swapped")
        _ = try build(site, into: swapped, inPlace: false)
        #expect(snapshotFiles(in: output) == snapshotFiles(in: swapped))
    }

    @Test func aFailedInPlaceBuildLeavesNoMemoryThatTheOutputDoesNotMatch() throws {
        let site = try TestSite.withArticles(3) { "Nội dung tin \($0)." }
        let disk = try SmallDisk(size: "1m")
        defer { disk.unmount() }
        let output = disk.mountPoint.appendingPathComponent("public")
        _ = try build(site, into: output, inPlace: true)
        // The disk fills while the page of this article is written.
        let long = String(repeating: "Nội dung rất dài của bài viết. ", count: 60_000)
        try site.article("a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien", body: long)
        #expect(throws: BuildFailure.self) { try build(site, into: output, inPlace: true) }
        try site.article("a2", "title: Tin số 2\ndate: 2019-07-12 08:00\ncategory: tin-tuc-su-kien", body: "Sửa.")
        let report = try build(site, into: output, inPlace: true)
        #expect(report.pagesReused == 0, "the memory was forgotten before the first file was written")
        #expect(
            try String(contentsOf: output.appendingPathComponent("tin-so-2/index.html"), encoding: .utf8)
                .contains("Sửa."))
    }

    /// With the last build's list of files, a build deletes what it no longer makes without
    /// walking the folder; after a build that did not finish, the list is not trusted.
    @Test func theLastBuildsFilesAreDeletedWithoutWalkingTheFolder() throws {
        let site = try TestSite()
        let output = site.root.appendingPathComponent("in-place")
        let memory = InPlaceFolderMemory()
        func stage() throws -> OutputStaging { try OutputStaging(output: output, inPlace: true, folderMemory: memory) }
        func exists(_ path: String) -> Bool {
            FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
        }

        let first = try stage()
        try first.write("a", to: "a/index.html")
        try first.write("b", to: "b/index.html")
        try first.commit()
        #expect(first.walkedFolder)  // nothing known yet

        let second = try stage()
        try second.write("a", to: "a/index.html")
        try second.commit()
        #expect(!second.walkedFolder)
        #expect(exists("a/index.html") && !exists("b/index.html") && !exists("b"))

        let failed = try stage()
        try failed.write("c", to: "c/index.html")
        failed.discard()  // in place: what it wrote stays
        let after = try stage()
        try after.write("a", to: "a/index.html")
        try after.commit()
        #expect(after.walkedFolder)
        #expect(!exists("c/index.html"))
    }
}
