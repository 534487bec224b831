import Foundation
import Testing

@testable import PortalEngine

/// Seeded sequences of the edits editors make (a body, a first paragraph, a title, a tag, a
/// date, a new article, a deleted one), each built as `build-site` builds it and as the preview
/// does (memories of files, bodies, pages and the model): after every edit both outputs are the
/// output of a build without any memory.
@Suite struct EditSequenceTests {
    static let words = ["thi đua", "khen thưởng", "Hạ Lang", "sơ kết", "nông thôn mới", "biên giới", "hội nghị"]

    struct Article {
        var title: String
        var day: Int
        var tag: String
        var first: String
        var rest: String

        func write(_ name: String, to site: TestSite) throws {
            try site.article(
                name,
                "title: \(title)\ndate: 2019-07-\(String(format: "%02d", day)) 08:00\ncategory: tin-tuc-su-kien\ntags: [\(tag)]",
                body: "\(first)\n\n\(rest)")
        }
    }

    static func phrase(_ random: inout SeededRandom) -> String {
        (0..<3).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
    }

    /// A build without any memory, given the URL record `like` holds (moved articles keep a
    /// redirect from where they were).
    static func fresh(_ site: TestSite, like output: URL) throws -> [String: Data] {
        let fresh = site.root.appendingPathComponent("fresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: output.appendingPathComponent(PublishedURLs.fileName),
            to: fresh.appendingPathComponent(PublishedURLs.fileName))
        _ = try SiteBuilder.build(
            BuildOptions(sourceRoot: site.root, output: fresh, now: TestSite.now, useCache: false))
        defer { try? FileManager.default.removeItem(at: fresh) }
        return snapshotFiles(in: fresh)
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func everyEditLeavesTheSiteAFreshBuildMakes(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let site = try TestSite()
        var articles: [String: Article] = [:]
        for n in 0..<6 {
            articles["a\(n)"] = Article(
                title: "Tin \(n) \(Self.phrase(&random))", day: 1 + n, tag: "chung", first: Self.phrase(&random),
                rest: Self.phrase(&random))
            try articles["a\(n)"]!.write("a\(n)", to: site)
        }
        let preview = site.root.appendingPathComponent(".build-site-cache/preview")
        var previewOptions = BuildOptions(sourceRoot: site.root, output: preview, now: TestSite.now)
        previewOptions.documentMemory = DocumentMemory(startingFrom: site.root)
        previewOptions.modelMemory = ModelMemory()
        previewOptions.writeInPlace = true
        previewOptions.inPlaceFolder = InPlaceFolderMemory()
        previewOptions.memoryKeeper = BuildMemoryKeeper()
        var next = 6
        for step in 0..<14 {
            let names = articles.keys.sorted()
            let name = names[Int(random.next() % UInt64(names.count))]
            let edit = random.next() % 8
            var touched: Set<String> = ["a\(next)", name]  // a new article, or the one edited
            switch edit {
            case 0, 1, 2: articles[name]!.rest = Self.phrase(&random)  // the usual: a sentence further down
            case 3: articles[name]!.first = Self.phrase(&random)  // the summary the lists show
            case 4: articles[name]!.title = "Tin \(name) \(Self.phrase(&random))"
            case 5: articles[name]!.tag = random.next() % 2 == 0 ? "chung" : "riêng"
            case 6: articles[name]!.day = 1 + Int(random.next() % 28)
            default:
                if random.next() % 2 == 0 || articles.count < 3 {
                    articles["a\(next)"] = Article(
                        title: "Tin mới \(next)", day: 1 + Int(random.next() % 28), tag: "chung",
                        first: Self.phrase(&random), rest: Self.phrase(&random))
                    next += 1
                } else {
                    articles[name] = nil
                    try FileManager.default.removeItem(
                        at: site.root.appendingPathComponent("content/articles/\(name).md"))
                }
            }
            for (file, article) in articles { try article.write(file, to: site) }
            _ = try site.build()
            // As the preview's watch tells it: every file but the one edited is unchanged.
            let markdown =
                FileManager.default.enumerator(atPath: site.root.appendingPathComponent("content").path)?
                .compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
            touched = Set(touched.map { "articles/\($0).md" })
            previewOptions.unchangedFiles = Set(markdown.filter { !touched.contains($0) }.map { "content/" + $0 })
            _ = try SiteBuilder.build(previewOptions)
            let label = "seed \(seed), step \(step), edit \(edit) of \(name)"
            #expect(try site.snapshotOutput() == Self.fresh(site, like: site.output), "build-site, \(label)")
            #expect(snapshotFiles(in: preview) == (try Self.fresh(site, like: preview)), "preview, \(label)")
        }
    }
}
