import Foundation
import Testing

@testable import PortalEngine

/// The engine's own Mustache renderer against every test of the official spec
/// (Tests/Fixtures/specs/mustache/, MIT, from mustache/spec; lambdas are out of scope).
@Suite struct MustacheSpecTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var name: String
        var template: String
        var data: TemplateValue
        var partials: [String: String]
        var expected: String
        var testDescription: String { "\(file): \(name)" }
    }

    /// A JSON value, decoded so that integers stay integers.
    enum JSON: Decodable {
        case value(TemplateValue?)

        init(from decoder: Decoder) throws {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .value(nil)
            } else if let flag = try? single.decode(Bool.self) {
                self = .value(.bool(flag))
            } else if let number = try? single.decode(Int.self) {
                self = .value(.int(number))
            } else if let number = try? single.decode(Double.self) {
                self = .value(.double(number))
            } else if let text = try? single.decode(String.self) {
                self = .value(.text(text))
            } else if let list = try? single.decode([JSON].self) {
                self = .value(.list(list.compactMap(\.templateValue)))
            } else {
                let object = try single.decode([String: JSON].self)
                self = .value(.object(object.compactMapValues(\.templateValue)))
            }
        }

        var templateValue: TemplateValue? {
            if case .value(let v) = self { return v }
            return nil
        }
    }

    struct SpecFile: Decodable {
        struct Test: Decodable {
            var name: String
            var template: String
            var data: JSON
            var partials: [String: String]?
            var expected: String
        }
        var tests: [Test]
    }

    static let cases: [Case] = {
        let folder = Repository.fixtures.appendingPathComponent("specs/mustache")
        let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]
        return files.flatMap { file -> [Case] in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(file + ".json")),
                let spec = try? JSONDecoder().decode(SpecFile.self, from: data)
            else { return [] }
            return spec.tests.map {
                Case(
                    file: file, name: $0.name, template: $0.template, data: $0.data.templateValue ?? .object([:]),
                    partials: $0.partials ?? [:], expected: $0.expected)
            }
        }
    }()

    @Test func everySpecFileIsRead() {
        #expect(Self.cases.count == 163)
    }

    /// Every example of every spec file (lambdas aside), none excused.
    @Test(arguments: cases) func specExample(_ example: Case) throws {
        var templates = ["(test)": try MustacheParser.compile(example.template)]
        for (name, text) in example.partials { templates[name] = try MustacheParser.compile(text) }
        let output = MustacheRenderer(templates: templates).render("(test)", example.data)
        #expect(output == example.expected, "\(example.template.debugDescription)")
    }

    /// Text kept as the store's bytes (an article's body) renders and fingerprints as the same
    /// text given as a String.
    @Test func storedTextIsTheSameTextAsAString() throws {
        let text = "<p>Hội nghị & \"tổng kết\"</p>"
        let stored = StoredText(bytes: Array(text.utf8))
        let template = try MustacheParser.compile("{{{body}}}|{{body}}|{{#body}}có{{/body}}")
        let renderer = MustacheRenderer(templates: ["(test)": template])
        let asString = TemplateValue.object(["body": .text(text)])
        let asBytes = TemplateValue.object(["body": .storedText(stored)])
        #expect(renderer.render("(test)", asBytes) == renderer.render("(test)", asString))
        #expect(ContextFingerprint.of(asBytes, seed: 7) == ContextFingerprint.of(asString, seed: 7))
        let other = TemplateValue.object(["body": .storedText(StoredText(text + " "))])
        #expect(ContextFingerprint.of(other, seed: 7) != ContextFingerprint.of(asString, seed: 7))
    }
}
