import Foundation
import Mustache
import Testing

@testable import PortalEngine

/// Every page of the test portal renders to the same bytes with the engine's own renderer as
/// with swift-mustache 2.1.1, the renderer it replaced (kept for this test only).
@Suite struct RendererDifferentialTests {
    @Test func everyPageIsTheSameAsSwiftMustacheRendersIt() throws {
        let (theme, pages) = try TemplateKeysTests.pagesOfTestPortal()
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in theme.sources { templates[name] = try MustacheTemplate(string: text) }
        let library = MustacheLibrary(templates: templates)
        var compared = 0
        for page in pages where theme.has(page.template) {
            let reference = library.render(page.data.anyValue, withTemplate: page.template) ?? ""
            #expect(theme.render(page.data, template: page.template) == reference, "\(page.template)")
            compared += 1
        }
        #expect(compared > 50)
    }
}

extension TemplateValue {
    /// The value as swift-mustache takes it.
    var anyValue: Any {
        switch self {
        case .text(let text): return text
        case .int(let number): return number
        case .double(let number): return number
        case .bool(let flag): return flag
        case .list(let items): return items.map(\.anyValue)
        case .object(let fields): return fields.mapValues(\.anyValue)
        case .shared(let shared): return shared.value.anyValue
        }
    }
}
