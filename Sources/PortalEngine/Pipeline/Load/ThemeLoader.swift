import Foundation
import Mustache

/// Reads the theme: the built-in templates, overridden file by file by `site/templates/`.
extension Theme {
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

    static func describe(_ error: Error) -> String {
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
