import Foundation
import Testing

@testable import PortalEngine

/// The rest of issue 6's bad-input list, end to end: each gives the exact message and place.
@Suite struct BadInputTests {
    @Test func emptyFile() throws {
        let site = try TestSite()
        try site.write("content/articles/rong.md", "")
        let errors = try #require(site.buildFailure()).map(\.description)
        #expect(
            errors == [
                "content/articles/rong.md: error: file is empty; an article needs front matter with title, date and category"
            ])
    }

    @Test func notUTF8NamesTheLineAndColumn() throws {
        let site = try TestSite()
        var bytes = Array("---\ntitle: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\n---\n\nThi ".utf8)
        bytes += [0xF0, 0xE9]  // Windows-1258 bytes, not UTF-8
        try site.write("content/articles/cp1258.md", Data(bytes))
        let errors = try #require(site.buildFailure()).map(\.description)
        #expect(errors == ["content/articles/cp1258.md:7:5: error: file is not UTF-8 text; save it as UTF-8"])
    }

    @Test func imagePathLeavingContentIsAnError() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\nimage: ../../etc/passwd")
        let diagnostics = try #require(site.buildFailure()).map(\.description)
        #expect(diagnostics == ["content/articles/a.md:5:8: error: image: '../../etc/passwd' points outside content/"])
    }

    @Test func bodyImageLeavingContentIsDroppedWithAWarning() throws {
        let site = try TestSite()
        try site.article(
            "b", "title: Tin hai\ndate: 2019-07-09\ncategory: tin-tuc-su-kien", body: "![x](../../../../etc/passwd)")
        let report = try site.build()
        #expect(
            report.diagnostics.map(\.description) == [
                "content/articles/b.md:7:1: warning: link removed: '../../../../etc/passwd' points outside content/"
            ])
        #expect(!(try site.html("tin-hai/index.html")).contains("passwd"))
    }

    @Test func tenMegabyteArticleBuilds() throws {
        let site = try TestSite()
        let paragraph = String(repeating: "Phong trào thi đua yêu nước được triển khai sâu rộng. ", count: 40) + "\n\n"
        let body = String(repeating: paragraph, count: 10 * 1024 * 1024 / paragraph.utf8.count + 1)
        #expect(body.utf8.count > 10_000_000)
        try site.article("dai", "title: Bài rất dài\ndate: 2019-07-09\ncategory: tin-tuc-su-kien", body: body)
        let report = try site.build()
        #expect(report.articles == 1)
        #expect(try site.html("bai-rat-dai/index.html").utf8.count > 10_000_000)
    }

    @Test func symlinkLoopIsNotFollowed() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        let loop = site.root.appendingPathComponent("content/articles/vong")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: "..")
        let report = try site.build()
        #expect(report.articles == 1)
        #expect(
            report.diagnostics.map(\.description) == [
                "content/articles/vong: warning: symbolic link to a folder is not followed"
            ])
    }

    @Test func emptyTitleIsMissing() throws {
        let site = try TestSite()
        try site.article("a", "title: \"  \"\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        let errors = try #require(site.buildFailure()).map(\.description)
        #expect(errors == ["content/articles/a.md:2:8: error: missing 'title' in front matter"])
    }
}
