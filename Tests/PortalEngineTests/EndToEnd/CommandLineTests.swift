import Foundation
import TestSupport
import Testing

@testable import PortalEngine

/// Runs the real `build-site` binary, as a user would.
@Suite struct CommandLineTests {
    static var binary: URL {
        // Tests run from .build/<config>/; the executable is built beside them.
        var url = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("build-site").path), url.path != "/" {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("build-site")
    }

    /// Runs with `--lang en` unless told otherwise: most tests read the English catalogue.
    func run(_ arguments: [String], lang: String? = "en") throws -> (status: Int32, stdout: String, stderr: String) {
        try ChildProcess.capture(Self.binary, arguments + (lang.map { ["--lang", $0] } ?? []))
    }

    @Test func buildsAndPrintsOneSummaryLine() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        let result = try run(["--source", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("build-site: 1 articles, ") == true)
        #expect(site.exists("tin/index.html"))
    }

    @Test func aFutureArticleWaitsUnlessFutureIsGivenAndBackupsAreCounted() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        try site.article("b", "title: Tin sau\ndate: 2999-01-02 07:30\ncategory: tin-tuc-su-kien")
        try site.write("content/articles/a.md~", "sao lưu")
        let waiting = try run(["--source", site.root.path])
        #expect(waiting.status == 0, "\(waiting.stderr)")
        let lines = waiting.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("build-site: 1 articles, ") == true)
        #expect(lines.contains { $0.hasPrefix("build-site: 1 backup, lock or system file(s)") })
        #expect(
            lines.contains(
                "build-site: 1 article(s) dated in the future wait; the first is published by the first build after 02/01/2999 07:30 (--future publishes them now)"
            ))
        #expect(!site.exists("tin-sau/index.html"))
        let now = try run(["--source", site.root.path, "--future"])
        #expect(now.status == 0 && now.stdout.hasPrefix("build-site: 2 articles, "))
        #expect(site.exists("tin-sau/index.html"))
    }

    @Test func aMissingImageFailsTheBuildAndCheckAgrees() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        _ = try run(["--source", site.root.path])
        try site.article(
            "a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien", body: "![ảnh](/images/Anh.JPG)")
        try site.write("content/images/anh.jpg", TestPhotos.photo(width: 64, height: 48))
        let build = try run(["--source", site.root.path])
        #expect(build.status == 1)
        #expect(
            build.stderr.contains(
                "content/articles/a.md:7:1: error: image not found: content/images/Anh.JPG; did you mean '../images/anh.jpg' or '/images/anh.jpg'?"
            ))
        // The same page published anyway (by hand) is what check calls broken.
        try site.write("public/tay.html", "<img src=\"/images/Anh.JPG\" alt=\"\">")
        let check = try run(["check", "--source", site.root.path])
        #expect(check.status == 1 && check.stderr.contains("broken link /images/Anh.JPG"))
    }

    @Test func speaksVietnameseByDefaultWithTheFixAtThePlaceToAct() throws {
        let site = try TestSite()
        try site.article("tab", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\nunits:\n\t- Hạ Lang")
        try site.article("colon", "title: Hội nghị: sơ kết\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        let result = try run(["--source", site.root.path], lang: nil)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "content/articles/tab.md:6:1: lỗi: dòng này được thụt vào bằng phím Tab, YAML không cho phép; dùng dấu cách thay cho phím Tab"
            ))
        #expect(
            result.stderr.contains(
                "content/articles/colon.md:2:8: lỗi: giá trị của 'title' có dấu ': ' nên YAML hiểu nhầm là một khóa khác; hãy đặt giá trị trong dấu ngoặc kép: title: \"…\""
            ))
        #expect(result.stderr.contains("build-site: 2 lỗi; thư mục kết quả vẫn giữ nguyên như trước"))
        let english = try run(["--source", site.root.path])
        #expect(english.stderr.contains("content/articles/tab.md:6:1: error: this line is indented with the Tab key"))
    }

    @Test func versionAndHelpInTheSitesLanguage() throws {
        let version = try run(["--version"], lang: nil)
        #expect(version.status == 0 && version.stdout == PortalEngineVersion.value + "\n")
        let site = try TestSite()
        let help = try run(["--source", site.root.path, "--help"], lang: nil)
        #expect(help.stdout.contains("--future") && help.stdout.contains("Đăng ngay các bài có ngày ở tương lai"))
        #expect(help.stdout.contains("--drafts") && help.stdout.contains("check"))
        let english = try run(["--help"])
        #expect(english.stdout.contains("Publish articles dated in the future now"))
    }

    @Test func initMakesASiteThatBuildsAtOnceAndNewStartsADraft() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("cong-moi").path
        let made = try run(["init", folder], lang: nil)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("build-site: đã tạo trang mới trong "))
        let built = try run(["--source", folder], lang: nil)
        #expect(built.status == 0 && built.stderr.isEmpty, "\(built.stderr)")
        #expect(built.stdout.hasPrefix("build-site: 1 bài viết, "))
        #expect(FileManager.default.fileExists(atPath: folder + "/public/chao-mung-den-voi-cong-thong-tin/index.html"))
        let again = try run(["init", folder], lang: nil)
        #expect(again.status == 1 && again.stderr.contains("đã có một trang"))

        let new = try run(["--source", folder, "new", "Hội nghị: sơ kết \"6 tháng\"", "--category", "tin-tuc-su-kien"])
        #expect(new.status == 0, "\(new.stderr)")
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let path = "content/articles/\(year)/hoi-nghi-so-ket-6-thang.md"
        #expect(new.stdout.contains("wrote \(path)"))
        let text = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
        #expect(text.contains("title: \"Hội nghị: sơ kết \\\"6 tháng\\\"\"\n"))
        #expect(text.contains("category: tin-tuc-su-kien\n") && text.contains("\ndraft: true"))
        let written = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
        let twice = try run(["--source", folder, "new", "Hội nghị: sơ kết \"6 tháng\""])
        #expect(twice.status == 1 && twice.stderr.contains("already exists; it was not changed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)) == written)
        #expect(try run(["--source", folder]).stdout.hasPrefix("build-site: 1 articles, "))
        let drafts = try run(["--source", folder, "--drafts"])
        #expect(drafts.status == 0 && drafts.stdout.hasPrefix("build-site: 2 articles, "), "\(drafts.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/public/hoi-nghi-so-ket-6-thang/index.html"))
        let unknown = try run(["--source", folder, "new", "Tin", "--category", "Tin tức sự kiện"])
        #expect(unknown.status == 1 && unknown.stderr.contains("did you mean 'tin-tuc-su-kien'?"))
        let nowhere = try run(["--source", parent.path, "new", "Tin"])
        #expect(nowhere.status == 1 && nowhere.stderr.contains("no site here"))
    }

    @Test func aTerminalSeesAProgressLineALogDoesNot() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        // `script` gives the build a terminal, as an editor's window does.
        let command = "'\(Self.binary.path)' --source '\(site.root.path)' --progress-after 0"
        let terminal = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
        #expect(terminal.0 == 0)
        let shown = try run(["--source", site.root.path, "--progress-after", "0"], lang: nil)
        #expect(!shown.stderr.contains("\u{1B}[K"), "no progress line without a terminal")
        let typescript = site.root.appendingPathComponent("typescript.log")
        _ = try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command + " --drafts", typescript.path])
        let text = try String(contentsOf: typescript, encoding: .utf8)
        #expect(text.contains("\r\u{1B}[K build-site: đang đọc bài viết…"))
        #expect(text.contains("build-site: 1 bài viết, "))
    }

    @Test func errorsPrintLikeACompilerAndExitOne() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        _ = try run(["--source", site.root.path])
        let before = try site.snapshotOutput()
        try site.article("b", "title: Hỏng\ndate: 2019-13-01\ncategory: tin-tuc-su-kien")
        try site.article("c", "title: Hỏng nữa\ndate: 2019-07-09\ncategory: khong-co")
        let result = try run(["--source", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/articles/b.md:3:7: error: '2019-13-01': month 13 does not exist"))
        #expect(result.stderr.contains("content/articles/c.md:4:11: error: unknown category 'khong-co'"))
        #expect(result.stderr.contains("build-site: 2 error(s); the output folder was not changed"))
        #expect(try site.snapshotOutput() == before)
    }

    @Test func checkPassesOnABuiltSiteAndFindsBreakage() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        #expect(try run(["--source", site.root.path]).status == 0)
        let clean = try run(["check", "--source", site.root.path])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.hasPrefix("build-site check: "))
        #expect(clean.stdout.contains(", 0 problem(s)"))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("css/portal.css"))
        try site.write("public/extra.html", "<p><a href=\"/khong-co/\">x</a><img src=x onerror=alert(1)></p>")
        let broken = try run(["check", "--source", site.root.path])
        #expect(broken.status == 1)
        #expect(
            broken.stderr.contains(
                "public/tin/index.html: error: broken link /css/portal.css: no css/portal.css in the output"))
        #expect(
            broken.stderr.contains(
                "public/extra.html: error: broken link /khong-co/: no khong-co/index.html in the output"))
        #expect(broken.stderr.contains("public/extra.html: error: unsafe markup: <img> has event handler onerror="))
    }

    @Test func outputAndBaseURLFlags() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        let out = site.root.appendingPathComponent("khac")
        let result = try run([
            "--source", site.root.path, "--output", out.path, "--base-url", "https://staging.example.vn/cong/",
            "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let html = try String(contentsOf: out.appendingPathComponent("tin/index.html"), encoding: .utf8)
        #expect(html.contains("href=\"https://staging.example.vn/cong/tin/\""))
        #expect(html.contains("href=\"/cong/css/portal.css\""))
    }
}
