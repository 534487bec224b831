import Foundation

/// Reads the theme: the built-in templates, overridden file by file by `site/templates/`.
extension Theme {
    public static func load(siteRoot: URL) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: [MustacheNode]] = [:]
        var texts: [String: String] = [:]
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
                do throws(MustacheSyntaxError) {
                    templates[name] = try MustacheParser.compile(text)
                    texts[name] = text
                    origins[name] = file.sourcePath
                } catch {
                    let at = SourcePosition(line: error.line, column: error.column)
                    diagnostics.append(
                        .error(file.sourcePath, at, Message(.templateError, "\(describe(error.problem))")))
                }
            }
        }
        for name in pageTemplates where templates[name] == nil && origins[name] == nil {
            diagnostics.append(.error("site/templates/\(name).mustache", nil, Message(.templateMissing, "\(name)")))
        }
        if diagnostics.containsErrors { return (nil, diagnostics) }
        return (Theme(templates: templates, sources: texts, origins: origins), diagnostics)
    }

    static func describe(_ problem: MustacheSyntaxError.Problem) -> String {
        switch problem {
        case .closingMismatch(let expected, let found):
            return "{{/\(found)}} closes a section opened as {{#\(expected)}}"
        case .closingWithoutOpening(let name): return "{{/\(name)}} closes a section that was never opened"
        case .unclosedTag: return "a tag is not closed with '}}'"
        case .unclosedSection(let name): return "the section {{#\(name)}} is never closed with {{/\(name)}}"
        case .badDelimiters: return "malformed set-delimiter tag"
        case .emptyName: return "a tag has no name"
        }
    }
}
