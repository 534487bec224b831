import Foundation
import Testing

@testable import PortalEngine

/// `entriesShown(by:)` names exactly the list entries each page's data holds: a page it left
/// out an entry of would be kept, stale, after that entry's title changed.
@Suite struct EntriesShownTests {
    /// Every page's data and the entries `entriesShown` names for it, on the site at `root`.
    func compare(siteAt root: URL) throws {
        let config = try #require(SiteConfigLoader.load(from: root).0)
        let loaded = ContentLoader.load(sourceRoot: root, config: config)
        let model = ModelBuilder.build(loaded, includeDrafts: false, now: TestSite.now).0
        func bodies(_ articles: [Article]) -> [RenderedBody] {
            BodyRenderer.renderAll(articles, paths: model.paths, unsafeHTML: false).0
        }
        let contexts = PageContexts(
            model: model, bodies: bodies(model.articles), pageBodies: bodies(model.pages), now: TestSite.now,
            archivedBodies: bodies(model.archived))
        let index = Dictionary(uniqueKeysWithValues: contexts.items.enumerated().map { (ObjectIdentifier($1), $0) })
        let jobs = PageJob.plan(for: model)
        var listed = 0
        for job in jobs {
            var held: Set<Int> = []
            if let data = contexts.context(for: job)?.data.templateValue {
                collect(data, index: index, into: &held)
            }
            #expect(Set(contexts.entriesShown(by: job)) == held, "\(job)")
            listed += held.count
        }
        #expect(listed > jobs.count, "the pages list entries")
    }

    private func collect(_ value: TemplateValue, index: [ObjectIdentifier: Int], into held: inout Set<Int>) {
        switch value {
        case .shared(let shared): if let i = index[ObjectIdentifier(shared)] { held.insert(i) }
        case .list(let values): for value in values { collect(value, index: index, into: &held) }
        case .object(let fields): for value in fields.values { collect(value, index: index, into: &held) }
        case .text, .storedText, .int, .double, .bool: break
        }
    }

    /// Featured articles, topics, blocs and units, documents, pages and several list pages.
    @Test func thePortalFixture() throws {
        try compare(siteAt: Repository.fixtures.appendingPathComponent("portal"))
    }

    @Test func theSampleSite() throws {
        try compare(siteAt: Repository.root)
    }

    /// Two articles a page, with an expired one and a standalone page.
    @Test func aSiteOfManyListPages() throws {
        let site = try TestSite.withArticles(7, extraFields: "\ntags: [chung]\ntopic: Đại hội") { "Tin \($0)." }
        try site.article(
            "cu", "title: Tin cũ\ndate: 2019-06-01 08:00\ncategory: tin-tuc-su-kien\nexpires: 2019-06-30", body: "Cũ.")
        try site.article(
            "noi-bat", "title: Tin nổi bật\ndate: 2019-07-20 08:00\ncategory: chinh-tri-kt-vh-xh\nfeatured: true")
        try site.write("content/pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\nBan Thi đua.\n")
        try compare(siteAt: site.root)
    }
}
