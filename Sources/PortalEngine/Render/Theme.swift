import Foundation
import Mustache

/// The templates a build renders with: the built-in theme, overridden file by file by `site/templates/`.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Template name → where it came from (for messages and the README's tables).
    public let origins: [String: String]
    private let templates: [String: MustacheTemplate]
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
        Bundle.module.url(forResource: "Theme", withExtension: nil)
    }

    public static func load(siteRoot: URL) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var origins: [String: String] = [:]
        let sources: [(URL?, String)] = [
            (builtInRoot?.appendingPathComponent("templates"), "(built-in theme)/templates"),
            (siteRoot.appendingPathComponent("site/templates"), "site/templates"),
        ]
        for (folder, label) in sources {
            guard let folder, FileManager.default.fileExists(atPath: folder.path) else { continue }
            let listing = ContentWalker.walk(root: folder, prefix: label, rules: .anyFile)
            diagnostics += listing.diagnostics
            for file in listing.assets where file.relativePath.hasSuffix(".mustache") {
                let name = String(file.relativePath.dropLast(".mustache".count))
                guard let data = FileManager.default.contents(atPath: folder.path + "/" + file.relativePath) else {
                    diagnostics.append(.error(file.sourcePath, nil, Message(.templateUnreadable)))
                    continue
                }
                let text: String
                switch SourceText.decode(data) {
                case .success(let t): text = t
                case .failure(let e):
                    diagnostics.append(.error(file.sourcePath, e.position, e.message))
                    continue
                }
                do {
                    templates[name] = try MustacheTemplate(string: text)
                    origins[name] = file.sourcePath
                } catch let error as MustacheTemplate.ParserError {
                    let at = SourcePosition(line: error.context.lineNumber, column: error.context.columnNumber)
                    diagnostics.append(.error(file.sourcePath, at, Message(.templateError, "\(describe(error.error))")))
                } catch {
                    diagnostics.append(.error(file.sourcePath, nil, Message(.templateError, "\(error)")))
                }
            }
        }
        for name in pageTemplates where templates[name] == nil && origins[name] == nil {
            diagnostics.append(.error("site/templates/\(name).mustache", nil, Message(.templateMissing, "\(name)")))
        }
        if diagnostics.containsErrors { return (nil, diagnostics) }
        return (Theme(templates: templates, origins: origins), diagnostics)
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

    private static func describe(_ error: Error) -> String {
        guard let e = error as? MustacheTemplate.Error else { return "\(error)" }
        switch e {
        case .sectionCloseNameIncorrect: return "a closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is never closed with {{/…}}"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only {{$block}} sections may stand inside {{<parent}}"
        default: return "\(e)"
        }
    }
}
