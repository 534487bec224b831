import Foundation

@testable import PortalEngine

/// A throwaway site folder for end-to-end tests; deleted when the test ends.
final class TestSite {
    let root: URL

    static let siteYAML = """
        title: "Ban Thi đua - Khen thưởng tỉnh Thử nghiệm"
        base_url: "https://thidua.example.gov.vn/"
        timezone: Asia/Ho_Chi_Minh
        per_page: 2
        categories:
          - key: tin-tuc-su-kien
            title: "Tin tức sự kiện"
            children:
              - key: chinh-tri-kt-vh-xh
                title: "Chính trị KT-VH-XH"
          - key: tin-hoat-dong-cum-khoi
            title: "Tin hoạt động cụm, khối thi đua"
        """

    init(siteYAML: String = TestSite.siteYAML) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("site/site.yaml", siteYAML)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Writes an article with the given front matter lines and body.
    /// A site with `count` articles "Tin số 1"… in one category, a day apart in July 2019.
    static func withArticles(_ count: Int, extraFields: String = "", body: (Int) -> String) throws -> TestSite {
        let site = try TestSite()
        for i in 1...count {
            try site.article(
                "a\(i)", "title: Tin số \(i)\ndate: 2019-07-1\(i) 08:00\ncategory: tin-tuc-su-kien" + extraFields,
                body: body(i))
        }
        return site
    }

    func article(_ name: String, _ frontMatter: String, body: String = "Nội dung bài viết.") throws {
        try write("content/articles/\(name).md", "---\n\(frontMatter)\n---\n\n\(body)\n")
    }

    var output: URL { root.appendingPathComponent("public") }

    /// 2029-07-09 08:22 in Hanoi: fixed, and after every test article, so none is scheduled
    /// unless a test means it to be.
    static let now = Timestamp(secondsSince1970: 1_878_254_520)

    func build(drafts: Bool = false, strict: Bool = false) throws(BuildFailure) -> BuildReport {
        try SiteBuilder.build(BuildOptions(sourceRoot: root, includeDrafts: drafts, strict: strict, now: Self.now))
    }

    /// The build's diagnostics when it fails; nil when it succeeds.
    func buildFailure() -> [Diagnostic]? {
        do {
            _ = try build()
            return nil
        } catch {
            return error.diagnostics
        }
    }

    /// What a build without any cache writes for the site as it is now, into a copy of the
    /// output (which records the URLs published, for redirects).
    func uncachedOutput() throws -> [String: Data] {
        let copy = root.appendingPathComponent("public-uncached")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: output, to: copy)
        _ = try SiteBuilder.build(BuildOptions(sourceRoot: root, output: copy, now: Self.now, useCache: false))
        return snapshotFiles(in: copy)
    }

    func html(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file below the output with its bytes, to prove a failed build changed nothing.
    func snapshotOutput() throws -> [String: Data] {
        snapshotFiles(in: output)
    }
}

/// Every regular file below `folder` by relative path, with its bytes; empty when it is missing.
func snapshotFiles(in folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
    for case let path as String in walker {
        var isDir: ObjCBool = false
        let full = folder.appendingPathComponent(path).path
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
            files[path] = FileManager.default.contents(atPath: full)
        }
    }
    return files
}
