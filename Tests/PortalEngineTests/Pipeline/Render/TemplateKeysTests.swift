import Foundation
import Testing

@testable import PortalEngine

/// Every name the built-in templates use is a key some page's typed data gives them: a
/// misspelt key would render empty without a word, so this test is what notices.
@Suite struct TemplateKeysTests {
    /// Every templated page of the test portal: its template, its data, and the theme.
    static func pagesOfTestPortal() throws -> (theme: Theme, pages: [(template: String, data: TemplateValue)]) {
        let options = BuildOptions(sourceRoot: SamplePortalTests.fixturePortal, now: TestSite.now)
        var diagnostics: [Diagnostic] = []
        let (config, loadedTheme) = try SiteBuilder.loadSettings(options, diagnostics: &diagnostics)
        let theme = try #require(loadedTheme)
        var loaded = ContentLoader.load(sourceRoot: options.sourceRoot, config: config)
        loaded.photos = PhotoProber.catalogue(loaded.contentAssets, sourceRoot: options.sourceRoot, cache: nil)
        let (model, _) = ModelBuilder.build(loaded, includeDrafts: false, now: options.now)
        let bodies = BodyRenderer.renderAll(model.articles, paths: model.paths, unsafeHTML: false).0
        let pageBodies = BodyRenderer.renderAll(model.pages, paths: model.paths, unsafeHTML: false).0
        let archived = BodyRenderer.renderAll(model.archived, paths: model.paths, unsafeHTML: false).0
        let contexts = PageContexts(
            model: model, bodies: bodies, pageBodies: pageBodies, now: options.now,
            archivedBodies: archived)
        let pages = PageJob.plan(for: model).compactMap { contexts.context(for: $0) }.map {
            ($0.template, $0.data.templateValue)
        }
        // The test portal's lists fit on one page: the middle page of a long list has every key.
        let slices = Pagination.slices(count: 100, perPage: 2, listURL: model.urls.home, urls: model.urls)
        return (theme, pages + [("(pagination)", contexts.pagination(slices[25]).templateValue)])
    }

    /// The keys of every page of the test portal, at any depth.
    static func keysOfEveryPage() throws -> Set<String> {
        var keys: Set<String> = []
        func collect(_ value: TemplateValue) {
            switch value {
            case .object(let fields):
                keys.formUnion(fields.keys)
                fields.values.forEach(collect)
            case .shared(let shared): collect(shared.value)
            case .list(let items): items.forEach(collect)
            case .text, .storedText, .int, .double, .bool: break
            }
        }
        for page in try pagesOfTestPortal().pages { collect(page.data) }
        return keys
    }

    /// The names in `{{name}}`, `{{#a.b}}`, `{{^name}}` and `{{{name}}}` tags, split at dots (a
    /// closing tag repeats its section's name; partials, parents and blocks are not data).
    static func namesUsed(in template: String) -> Set<String> {
        var names: Set<String> = []
        let tag = /\{\{\{?\s*([#^&]?)\s*([A-Za-z_][A-Za-z0-9_.]*)(\(\))?\s*\}?\}\}/
        for match in template.matches(of: tag) where match.output.3 == nil {
            names.formUnion(match.output.2.split(separator: ".").map(String.init))
        }
        return names
    }

    @Test func everyNameInTheBuiltInTemplatesIsAKeyOfSomePage() throws {
        let keys = try Self.keysOfEveryPage()
        let folder = try #require(Theme.builtInRoot).appendingPathComponent("templates")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".mustache") }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let unknown = Self.namesUsed(in: text).subtracting(keys)
            #expect(unknown.isEmpty, "\(file) uses \(unknown.sorted()), which no page's data has")
        }
    }

    @Test func namesAreReadFromEveryKindOfTag() {
        let names = Self.namesUsed(
            in: "{{title}} {{{html}}} {{#site.menu}}{{^last()}}, {{/last()}}{{/site.menu}} {{> x}}")
        #expect(names == ["title", "html", "site", "menu"])
    }
}
