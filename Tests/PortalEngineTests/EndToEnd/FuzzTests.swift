import Foundation
import Testing

@testable import PortalEngine

/// Random and mutated inputs for a fixed budget: no crash, no hang, and the invariants hold.
/// Seeded, so a failure names the seed and input that reproduce it.
@Suite struct FuzzTests {
    static let budget = 1500
    static let alphabet: [String] = [
        "-", "---", "\n", "\r\n", " ", ":", "\"", "'", "[", "]", "{", "}", "#", "*", "_", "`", "<", ">", "&", "\\",
        "!", "(", ")", "a", "Đ", "đ", "ệ", "ư", "ơ", "\u{0301}", "\u{0323}", "\u{200B}", "\u{FEFF}", "\t", "|",
        "title:", "date:", "2019-07-09", "<script>", "javascript:", "](", "![", "…", "😀", "\u{0000}",
    ]

    static func randomText(_ random: inout SeededRandom, pieces: Int) -> String {
        (0..<Int.random(in: 0...pieces, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
    }

    static let validFile = """
        ---
        title: "Khối thi đua sơ kết"
        date: 2019-07-09 08:22
        category: tin-tuc-su-kien
        units: [Hạ Lang, Trùng Khánh]
        tags:
          - sơ kết
        ---

        Nội dung **bài** [liên kết](a.md) ![ảnh](/images/a.png).
        """

    static func mutate(_ text: String, _ random: inout SeededRandom) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let at = Int.random(in: 0...scalars.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !scalars.isEmpty: scalars.remove(at: min(at, scalars.count - 1))
            case 1: scalars.insert(contentsOf: alphabet.randomElement(using: &random)!.unicodeScalars, at: at)
            case 2 where !scalars.isEmpty:
                let end = min(scalars.count, at + Int.random(in: 1...20, using: &random))
                scalars.insert(contentsOf: scalars[min(at, scalars.count - 1)..<end], at: at)
            default: scalars.insert("\n", at: at)
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    @Test func splitterAndFrontMatterNeverCrashAndPlaceErrorsInTheFile() {
        var random = SeededRandom(seed: 7)
        let parser = FrontMatterParser(dates: DateParser(zone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!))
        for round in 0..<Self.budget {
            let input = round % 3 == 0 ? Self.randomText(&random, pieces: 60) : Self.mutate(Self.validFile, &random)
            guard case .success(let text) = SourceText.decode(Data(input.utf8)) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            switch FrontMatterSplitter.split(text) {
            case .failure:
                continue
            case .success(let parts):
                #expect(parts.bodyFirstLine >= 3 && parts.bodyFirstLine <= lines + 1, "seed 7 round \(round)")
                #expect(parts.yaml.isEmpty || text.contains(parts.yaml), "seed 7 round \(round)")
                let (_, problems) = parser.parse(parts.yaml, file: "x.md", firstLine: parts.yamlFirstLine)
                for problem in problems {
                    let line = problem.position?.line ?? 1
                    #expect(line >= 1 && line <= lines + 1, "seed 7 round \(round): \(problem)")
                }
            }
        }
    }

    @Test func slugsAreURLSafeIdempotentAndNormalisationBlind() {
        var random = SeededRandom(seed: 11)
        for round in 0..<Self.budget * 2 {
            let text = Self.randomText(&random, pieces: 30)
            let slug = Slug.make(from: text)
            #expect(
                slug.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }, "round \(round)")
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "round \(round)")
            #expect(Slug.make(from: slug) == slug)
            #expect(
                Slug.make(from: text.decomposedStringWithCanonicalMapping)
                    == Slug.make(from: text.precomposedStringWithCanonicalMapping))
            if !slug.isEmpty { #expect(Slug.problem(with: slug) == nil) }
        }
    }

    @Test func markdownInSafeModeNeverEmitsScript() {
        var random = SeededRandom(seed: 13)
        let renderer = MarkdownRenderer(unsafeHTML: false)
        let hostile = [
            "<script>alert(1)</script>", "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
            "![x](javascript:alert(1))",
            "<img src=x onerror=alert(1)>", "[x](vbscript:msgbox)", "<a href=\"javascript:alert(1)\">x</a>",
            "[x](data:text/html;base64,PHNjcmlwdD4=)", "<svg onload=alert(1)>", "<iframe src=javascript:alert(1)>",
            "`<script>`", "[x]( javascript:alert(1) )", "<javascript:alert(1)>",
            "| <script>alert(1)</script> | [x](javascript:alert(1)) |\n| --- | :-: |\n| <img src=x onerror=alert(1)> | b |",
            "| a |\n| - |\n| www.x.vn/\"onmouseover=\"alert(1) |", "http://x.vn/'onload='alert(1)' www.a.vn<script>",
        ]
        for round in 0..<Self.budget {
            var text = Self.mutate(Self.validFile, &random)
            text += "\n\n" + hostile.randomElement(using: &random)! + Self.randomText(&random, pieces: 10)
            let html = renderer.render(text).html
            #expect(UnsafeMarkup.findings(in: html).isEmpty, "seed 13 round \(round): \(html)")
        }
    }

    @Test func unsafeMarkupScannerFindsWhatItShould() {
        #expect(UnsafeMarkup.findings(in: #"<p>a</p><script src="/js/portal.js" defer></script>"#).isEmpty)
        #expect(UnsafeMarkup.findings(in: "<p>onerror=alert(1) is text</p>").isEmpty)
        #expect(UnsafeMarkup.findings(in: "<script>alert(1)</script>").count == 1)
        #expect(UnsafeMarkup.findings(in: #"<img src="x" onerror="alert(1)">"#).count == 1)
        #expect(UnsafeMarkup.findings(in: #"<a href=" JavaScript:alert(1)">x</a>"#).count == 1)
        #expect(UnsafeMarkup.findings(in: #"<svg/onload=alert(1)>"#).count == 1)
    }
}
