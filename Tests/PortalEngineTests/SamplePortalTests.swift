import Foundation
import Testing

@testable import PortalEngine

/// The repository's own sample portal (content/ and site/) builds cleanly, warnings included.
@Suite struct SamplePortalTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func sampleBuildsStrictlyWithEveryArticleAndCategory() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try SiteBuilder.build(
            BuildOptions(sourceRoot: Self.repositoryRoot, output: output, strict: true, now: TestSite.now))
        #expect(report.articles == 10)
        func page(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        let article = try page("khoi-giao-uoc-thi-dua-cac-huyen-mien-dong-so-ket-6-thang-dau-nam-2019/index.html")
        #expect(article.contains("Thứ Ba, 09/07/2019 08:22"))
        #expect(article.contains("Tác giả: <strong>Mai Hiên, Trần Tuân</strong>"))
        let hagiang = try page("khoi-giao-uoc-thi-dua-cac-huyen-thanh-pho-vung-dong-luc-tong-ket-nam-2019/index.html")
        #expect(hagiang.contains("Thứ Hai, 09/12/2019 08:22"))
        for key in [
            "tin-tuc-su-kien", "chinh-tri-kt-vh-xh", "tin-hoat-dong-cum-khoi", "khoi-thi-dua", "cum-thi-dua",
            "van-ban-chi-dao",
        ] {
            #expect(
                FileManager.default.fileExists(
                    atPath: output.appendingPathComponent("chuyen-muc/\(key)/index.html").path)
            )
        }
        let home = try page("index.html")
        #expect(home.contains("Cụm thi đua 5 huyện Biên giới sơ kết"))
    }
}
