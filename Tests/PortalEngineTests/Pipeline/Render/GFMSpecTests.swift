import Foundation
import Testing

@testable import PortalEngine

/// Every example of the GFM spec's "Tables (extension)" and "Autolinks (extension)" sections,
/// read from the copy in Tests/Fixtures/specs (CC BY-SA 4.0), rendered as the spec prints them.
@Suite struct GFMSpecTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var section: String
        var number: Int
        var markdown: String
        var html: String
        var testDescription: String { "\(section) example \(number)" }
    }

    static let examples: [Example] = {
        let url = Repository.fixtures.appendingPathComponent("specs/gfm/tables-and-autolinks.md")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var examples: [Example] = []
        var counts: [String: Int] = [:]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            guard line.hasPrefix("````````````````````````````````") && line.contains("example") else { continue }
            let section = String(line.split(separator: " ").last ?? "")
            var markdown: [Substring] = []
            var html: [Substring] = []
            var inHTML = false
            while let body = lines.popFirst(), !body.hasPrefix("````````````````````````````````") {
                if !inHTML && body == "." {
                    inHTML = true
                } else if inHTML {
                    html.append(body)
                } else {
                    markdown.append(body)
                }
            }
            counts[section, default: 0] += 1
            // The spec writes tabs as →.
            let md = markdown.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n"
            examples.append(
                Example(
                    section: section, number: counts[section]!, markdown: md,
                    html: html.joined(separator: "\n") + "\n"))
        }
        return examples
    }()

    @Test func theSpecCopyHoldsEveryExample() {
        #expect(Self.examples.filter { $0.section == "table" }.count == 8)
        #expect(Self.examples.filter { $0.section == "autolink" }.count == 11)
    }

    @Test(arguments: examples) func example(_ example: Example) {
        let html = MarkdownRenderer(unsafeHTML: false, tableMarkup: .gfm).render(example.markdown).html
        #expect(html == example.html)
    }
}
