import Foundation

/// The templates a build renders with: the built-in theme, overridden file by file by `site/templates/`.
public struct Theme: Sendable {
    /// Template name → where it came from (for messages and the README's tables).
    public let origins: [String: String]
    /// Template name → its text, as compiled (a pre-rendered site partial: its output).
    let sources: [String: String]
    let renderer: MustacheRenderer
    /// Hash of every template's text: part of each page's fingerprint.
    public let fingerprint: UInt64

    /// Partials that may use only `site`: rendered once per build, then reused by every page.
    public static let sitePartials = ["partials/header", "partials/sidebar", "partials/footer"]

    /// Names every build needs; the built-in theme has them all.
    public static let pageTemplates = [
        "home", "article", "page", "category", "term", "terms", "archive", "document", "documents", "404", "search",
    ]

    /// The built-in theme's folder (templates/ and static/).
    public static var builtInRoot: URL? {
        Bundle.module.url(forResource: "DefaultTheme", withExtension: nil)
    }

    init(templates: [String: [MustacheNode]], sources: [String: String], origins: [String: String]) {
        renderer = MustacheRenderer(templates: templates)
        self.sources = sources
        self.origins = origins
        var hasher = StableHasher()
        for name in sources.keys.sorted() {
            hasher.add(name)
            hasher.add(sources[name]!)
        }
        fingerprint = hasher.value
    }

    /// This theme with the site partials replaced by their output for `site`.
    func withSitePartialsRendered(site: SharedTemplateValue) -> Theme {
        var templates = renderer.templates
        var sources = self.sources
        for name in Self.sitePartials where templates[name] != nil {
            let html = renderer.render(name, .object(["site": .shared(site)]))
            templates[name] = [.text(html)]
            sources[name] = html
        }
        return Theme(templates: templates, sources: sources, origins: origins)
    }

    public func has(_ name: String) -> Bool { renderer.templates[name] != nil }

    func render(_ context: TemplateValue, template: String) -> String {
        renderer.render(template, context)
    }

    /// The same page as UTF-8.
    func renderBytes(_ context: TemplateValue, template: String) -> [UInt8] {
        renderer.renderBytes(template, context)
    }
}
