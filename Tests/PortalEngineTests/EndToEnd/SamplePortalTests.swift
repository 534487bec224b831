import Foundation
import Testing

@testable import PortalEngine

/// The test portal (Tests/Fixtures/portal, a copy of the sample) builds cleanly, warnings
/// included; so does the repository's own sample, whatever its articles are.
@Suite struct SamplePortalTests {
    static let repositoryRoot = Repository.root
    static let fixturePortal = Repository.fixtures.appendingPathComponent("portal")

    @Test func theRepositorysSampleBuildsStrictlyWithEveryCategory() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try SiteBuilder.build(
            BuildOptions(sourceRoot: Self.repositoryRoot, output: output, strict: true, now: TestSite.now))
        #expect(report.articles > 0 && report.diagnostics.isEmpty)
        let (config, _) = SiteConfigLoader.load(from: Self.repositoryRoot)
        func keys(_ c: CategoryConfig) -> [String] { [c.key] + c.children.flatMap(keys) }
        for key in try #require(config).categories.flatMap(keys) {
            #expect(
                FileManager.default.fileExists(
                    atPath: output.appendingPathComponent("chuyen-muc/\(key)/index.html").path))
        }
        #expect(OutputCheck.run(output: output).problems.isEmpty)
    }

    @Test func theTestPortalBuildsStrictlyWithEveryArticleAndCategory() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try SiteBuilder.build(
            BuildOptions(sourceRoot: Self.fixturePortal, output: output, strict: true, now: TestSite.now))
        #expect(report.articles == 10 && report.documents == 2)
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
