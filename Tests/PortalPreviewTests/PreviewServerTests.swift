import Foundation
import PortalCounter
import TestSupport
import Testing

@testable import PortalPreview

/// End to end: a real server on a free loopback port, a real build of the sample site, real
/// edits of its files.
@Suite(.serialized) struct PreviewServerTests {
    static let article = "/tin-hoat-dong-khoi-noi-chinh/"
    static let articleFile = "content/articles/2019/khoi-noi-chinh-2019-12-04.md"

    @Test func aBusyPortIsRecognisedSoTheCommandCanSaySo() async throws {
        try await RunningPreview.with { first in
            let site = try RunningPreview.copySampleSite()
            let second = PreviewServer(PreviewOptions(sourceRoot: site, port: first.port)) { _ in }
            do {
                try await second.run(handleSignals: false)
                Issue.record("a second server started on a busy port")
            } catch {
                #expect(PreviewServer.isAddressInUse(error), "\(error)")
            }
        }
    }

    /// `--future` shows an article dated after now, as `build-site --future` publishes it.
    @Test func futureArticlesAreShownOnlyWhenAsked() async throws {
        let article = """
            ---
            title: "Tin hẹn giờ đăng"
            date: 2099-01-05
            category: khoi-thi-dua
            ---

            Tin sẽ đăng năm 2099.
            """
        for future in [false, true] {
            let site = try RunningPreview.copySampleSite()
            try article.write(
                to: site.appendingPathComponent("content/articles/2099/tin-hen-gio.md"), atomically: true,
                encoding: .utf8, creatingFolder: true)
            try await RunningPreview.with(site: site, future: future) { preview in
                let page = try #require(await preview.get("/tin-hen-gio-dang/"))
                #expect(page.status == (future ? 200 : 404), "future: \(future)")
            }
        }
    }

    @Test func servesTheSiteWithTypesAndStatuses() async throws {
        let site = try RunningPreview.copySampleSite()
        let folder = "tệp đính kèm"
        try "Báo cáo tổng kết".write(
            to: site.appendingPathComponent("content/\(folder)").appendingPathComponent("báo cáo.txt"),
            atomically: true, encoding: .utf8,
            creatingFolder: true)
        try await RunningPreview.with(site: site) { preview in

            let home = try #require(await preview.get("/"))
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("<script src=\"/__preview/live.js\" data-build=\""))
            #expect(home.text.contains("data-counter-endpoint=\"/api/counter\""))
            #expect(home.text.contains("href=\"http://127.0.0.1:\(preview.port)/\""))
            // The script is added when serving; the built files and public/ never carry it.
            let built = try String(contentsOf: preview.output.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(!built.contains("__preview"))
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))

            let types: [(String, String)] = [
                ("/css/portal.css", "text/css; charset=utf-8"),
                ("/js/portal.js", "text/javascript; charset=utf-8"),
                ("/sitemap.xml", "application/xml; charset=utf-8"),
                ("/index.xml", "application/xml; charset=utf-8"),
                ("/search/meta.json", "application/json; charset=utf-8"),
                ("/robots.txt", "text/plain; charset=utf-8"),
                ("/images/2019/hoi-nghi-so-ket-mien-dong.svg", "image/svg+xml; charset=utf-8"),
                (Self.article, "text/html; charset=utf-8"),
                ("/__preview/live.js", "text/javascript; charset=utf-8"),
            ]
            for (path, type) in types {
                let reply = try #require(await preview.get(path), "\(path)")
                #expect(reply.status == 200, "\(path)")
                #expect(reply.headers["content-type"] == type, "\(path)")
                #expect(!reply.body.isEmpty, "\(path)")
            }

            let encoded = "/t%E1%BB%87p%20%C4%91%C3%ADnh%20k%C3%A8m/b%C3%A1o%20c%C3%A1o.txt"
            let attachment = try #require(await preview.get(encoded))
            #expect(attachment.status == 200)
            #expect(attachment.text == "Báo cáo tổng kết")

            let missing = try #require(await preview.get("/khong-co-trang-nay/"))
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            #expect(missing.text.contains("Không tìm thấy trang"))
            #expect(missing.text.contains("/__preview/live.js"))

            let slashless = try #require(await preview.get("/chuyen-muc/cum-thi-dua"))
            #expect(slashless.status == 301)
            #expect(slashless.headers["location"] == "/chuyen-muc/cum-thi-dua/")

            for escape in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/css/..%2f..%2f..%2fetc/passwd"] {
                let reply = try #require(await preview.get(escape))
                #expect(reply.status == 403, "\(escape)")
                #expect(!reply.text.contains("root:"), "\(escape)")
            }

            let head = try #require(await preview.get("/", method: "HEAD"))
            #expect(head.status == 200)
            #expect(Int(head.headers["content-length"] ?? "") == home.body.count)

            let post = try #require(await preview.get("/", method: "POST"))
            #expect(post.status == 405)
        }
    }

    @Test func theCounterEndpointCountsViewsAndVisitors() async throws {
        try await RunningPreview.with { preview in
            let firefox = ["User-Agent": "Firefox"]
            let first = try #require(await preview.get("/api/counter?path=%2F", headers: firefox))
            #expect(first.status == 200)
            #expect(first.headers["content-type"] == "application/json; charset=utf-8")
            #expect(try reading(first) == CounterReading(online: 1, visitors: 1, bots: 0, today: 1, month: 1, total: 1))

            let again = try #require(await preview.get("/api/counter?path=\(Self.article)", headers: firefox))
            #expect(try reading(again) == CounterReading(online: 1, visitors: 1, bots: 0, today: 2, month: 2, total: 2))

            let other = try #require(
                await preview.get("/api/counter?path=%2F", headers: ["User-Agent": "Googlebot/2.1"]))
            #expect(try reading(other) == CounterReading(online: 2, visitors: 1, bots: 1, today: 3, month: 3, total: 3))
        }
    }

    @Test func anEditRebuildsAndReloadsOpenPages() async throws {
        try await RunningPreview.with { preview in
            let events = try #require(EventStreamReader(port: preview.port))
            let first = try #require(await events.next("build"))
            #expect(events.headerText.contains("text/event-stream"))

            let original = try String(
                contentsOf: preview.site.appendingPathComponent(Self.articleFile), encoding: .utf8)
            try preview.write(Self.articleFile, original + "\nĐoạn mới thêm khi xem trước.\n")
            let second = try #require(await events.next("build"))
            #expect(second != first)
            let version = try #require(Self.version(in: second))
            let page = try #require(await preview.get(Self.article))
            #expect(page.text.contains("Đoạn mới thêm khi xem trước."))
            #expect(page.text.contains("data-build=\"\(version)\""))

            // A new article appears, then goes away with its file.
            try preview.write(
                "content/articles/2026/bai-moi.md",
                "---\ntitle: \"Bài mới xem trước\"\ndate: 2026-11-20\ncategory: khoi-thi-dua\n---\n\nNội dung.\n")
            _ = try #require(await events.next("build"))
            #expect(await preview.get("/bai-moi-xem-truoc/")?.status == 200)
            #expect(await preview.get("/")?.text.contains("Bài mới xem trước") == true)
            try FileManager.default.removeItem(
                at: preview.site.appendingPathComponent("content/articles/2026/bai-moi.md"))
            _ = try #require(await events.next("build"))
            #expect(await preview.get("/bai-moi-xem-truoc/")?.status == 404)

            // A template edit rebuilds too.
            let footer = preview.site.appendingPathComponent("site/templates/partials/footer.mustache")
            try preview.write(
                "site/templates/partials/footer.mustache", "<footer class=\"site-footer\">Chân trang thử</footer>\n")
            _ = try #require(await events.next("build"))
            #expect(await preview.get("/")?.text.contains("Chân trang thử") == true)
            try FileManager.default.removeItem(at: footer)
        }
    }

    @Test func aBrokenFileShowsItsErrorAndTheLastGoodSiteStays() async throws {
        try await RunningPreview.with { preview in
            let events = try #require(EventStreamReader(port: preview.port))
            let firstBuild = try #require(await events.next("build"))
            let good = try #require(Self.version(in: firstBuild))

            try preview.write("content/articles/2026/hong.md", "---\ntitle: [chưa đóng\ndate: 2026-11-20\n---\nx\n")
            let failure = try #require(await events.next("failure"))
            let report = try #require(
                try JSONSerialization.jsonObject(with: Data(failure.utf8)) as? [String: Any])
            let problem = try #require((report["diagnostics"] as? [[String: Any]])?.first)
            #expect(problem["file"] as? String == "content/articles/2026/hong.md")
            #expect(problem["line"] as? Int != nil)
            #expect(problem["severity"] as? String == "error")
            #expect(report["version"] as? String == good)

            // The last good site is still served, and a page opened now learns of the error at once.
            let home = try #require(await preview.get("/"))
            #expect(home.status == 200)
            #expect(home.text.contains("data-build=\"\(good)\""))
            let late = try #require(EventStreamReader(port: preview.port))
            #expect(await late.next("failure") != nil)

            try preview.write(
                "content/articles/2026/hong.md",
                "---\ntitle: \"Đã sửa\"\ndate: 2026-11-20\ncategory: khoi-thi-dua\n---\nx\n")
            let fixedBuild = try #require(await events.next("build"))
            let fixed = try #require(Self.version(in: fixedBuild))
            #expect(fixed != good)
            #expect(await preview.get("/da-sua/")?.status == 200)
        }
    }

    @Test func aSiteWhoseFirstBuildFailsShowsTheErrorThenRecovers() async throws {
        let site = try RunningPreview.copySampleSite()
        let broken = "content/articles/2026/hong.md"
        try "---\ntitle: \"Thiếu ngày\"\ncategory: khoi-thi-dua\n---\nx\n".write(
            to: site.appendingPathComponent(broken), atomically: true, encoding: .utf8, creatingFolder: true)
        try await RunningPreview.with(site: site) { preview in
            // Nothing good to serve yet: a plain 404 that still carries the reload script.
            let home = try #require(await preview.get("/"))
            #expect(home.status == 404)
            #expect(home.text.contains("<script src=\"/__preview/live.js\" data-build=\"\""))
            let events = try #require(EventStreamReader(port: preview.port))
            let failure = try #require(await events.next("failure"))
            #expect(failure.contains("\"file\":\"\(broken)\""))
            #expect(failure.contains("\"version\":\"\""))

            try preview.write(broken, "---\ntitle: \"Đủ ngày\"\ndate: 2026-11-20\ncategory: khoi-thi-dua\n---\nx\n")
            let built = try #require(await events.next("build"))
            #expect(Self.version(in: built)?.isEmpty == false)
            #expect(await preview.get("/")?.status == 200)
            #expect(await preview.get("/du-ngay/")?.status == 200)
        }
    }

    @Test func survivesBrowsersThatDisconnectMidStream() async throws {
        try await RunningPreview.with { preview in
            // Event streams dropped at once, and after the first message.
            for _ in 0..<5 {
                let fd = try #require(RawHTTP.connect(port: preview.port))
                RawHTTP.send(fd, "GET /__preview/events HTTP/1.1\r\nHost: x\r\n\r\n")
                close(fd)
            }
            do {
                let dropped = try #require(EventStreamReader(port: preview.port))
                _ = await dropped.next("build")
            }
            // A page request abandoned before the answer is read.
            for _ in 0..<5 {
                let fd = try #require(RawHTTP.connect(port: preview.port))
                RawHTTP.send(fd, "GET \(Self.article) HTTP/1.1\r\nHost: x\r\n\r\n")
                close(fd)
            }
            let events = try #require(EventStreamReader(port: preview.port))
            let before = try #require(await events.next("build"))
            let original = try String(
                contentsOf: preview.site.appendingPathComponent(Self.articleFile), encoding: .utf8)
            try preview.write(Self.articleFile, original + "\nSau khi ngắt kết nối.\n")
            let after = try #require(await events.next("build"))
            #expect(after != before)
            #expect(await preview.get(Self.article)?.text.contains("Sau khi ngắt kết nối.") == true)
        }
    }

    func reading(_ reply: RawHTTP.Reply) throws -> CounterReading {
        try JSONDecoder().decode(CounterReading.self, from: Data(reply.body))
    }

    static func version(in data: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else {
            return nil
        }
        return object["version"] as? String
    }
}

extension String {
    func write(to url: URL, atomically: Bool, encoding: String.Encoding, creatingFolder: Bool) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try write(to: url, atomically: atomically, encoding: encoding)
    }
}
