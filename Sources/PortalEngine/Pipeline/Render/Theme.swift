import Foundation
import Mustache

/// The templates a build renders with: the built-in theme, overridden file by file by `site/templates/`.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Template name → where it came from (for messages and the README's tables).
    public let origins: [String: String]
    let templates: [String: MustacheTemplate]
    /// Hash of every template's text: part of each page's fingerprint.
    public let fingerprint: UInt64

    /// Partials that may use only `site`: rendered once per build, then reused by every page.
    public static let sitePartials = ["partials/header", "partials/sidebar", "partials/footer"]
    /// Partials rendered once per article and reused by every list showing it: `html` and `link_html`.
    public static let itemPartials = (card: "partials/article-item", link: "partials/news-link")

    /// Names every build needs; the built-in theme has them all.
    public static let pageTemplates = ["home", "article", "page", "category", "term", "terms", "404", "search"]

    /// The built-in theme's folder (templates/ and static/).
    public static var builtInRoot: URL? {
        Bundle.module.url(forResource: "DefaultTheme", withExtension: nil)
    }

    init(templates: [String: MustacheTemplate], origins: [String: String]) {
        self.templates = templates
        self.origins = origins
        library = MustacheLibrary(templates: templates)
        var hasher = StableHasher()
        for name in templates.keys.sorted() {
            hasher.add(name)
            hasher.add(templates[name]!.description)
        }
        fingerprint = hasher.value
    }

    /// This theme with the site partials replaced by their output for `site`.
    ///
    /// The output becomes a template of plain text; one that contains "{{" would be read as
    /// tags, so such a partial is left to render per page as before.
    func withSitePartialsRendered(site: SharedTemplateValue) -> Theme {
        var prepared = templates
        for name in Self.sitePartials {
            guard let template = templates[name] else { continue }
            let html = template.render(["site": site.engineValue], library: library)
            if !html.contains("{{"), let fixed = try? MustacheTemplate(string: html) {
                prepared[name] = fixed
            }
        }
        return Theme(templates: prepared, origins: origins)
    }

    public func has(_ name: String) -> Bool { templates[name] != nil }

    func render(_ context: TemplateValue, template: String) -> String {
        library.render(context.engineValue, withTemplate: template) ?? ""
    }
}
