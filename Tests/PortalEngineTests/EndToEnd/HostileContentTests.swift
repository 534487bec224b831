import Foundation
import Testing

@testable import PortalEngine

/// Script slipped into any field or body never reaches a page as markup that runs.
@Suite struct HostileContentTests {
    static let payloads = [
        #"<script>alert("x")</script>"#, #""><svg onload=alert(1)>"#, #"' onmouseover='alert(1)"#,
        "javascript:alert(1)", #"</title><script>alert(2)</script>"#, #"{{site.title}}{{{article.body}}}"#,
    ]

    func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    @Test func everyFieldAndBodyOfEveryPageIsInert() throws {
        let site = try TestSite()
        for (i, payload) in Self.payloads.enumerated() {
            let q = yamlQuoted(payload)
            try site.article(
                "x\(i)",
                """
                title: \(yamlQuoted("Tin \(i) " + payload))
                date: 2019-07-1\(i)
                category: tin-tuc-su-kien
                bloc: \(q)
                units: [\(q), "Hạ Lang"]
                tags: [\(q)]
                author: \(q)
                source: \(q)
                summary: \(q)
                meeting: \(q)
                image: \(yamlQuoted("https://anh.example.vn/a.png\" onerror=\"alert(1)"))
                image_caption: \(q)
                extra_field: \(q)
                """,
                body:
                    "\(payload)\n\n[bấm](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n\n![a](\(yamlQuoted("x\" onerror=\"alert(1)")))"
            )
        }
        try site.article(
            "dai", "title: \(String(repeating: "Thi đua ", count: 1250))\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        let report = try site.build()
        #expect(report.articles == Self.payloads.count + 1)
        var pages = 0
        let walker = FileManager.default.enumerator(atPath: site.output.path)!
        for case let path as String in walker where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            pages += 1
            let text = try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
            #expect(UnsafeMarkup.findings(in: text).isEmpty, "\(path): \(UnsafeMarkup.findings(in: text))")
            #expect(!text.contains("<script>alert"), "\(path)")
        }
        #expect(pages > 20)
        // A 10,000-character title builds, its URL cut at a word under the file name limit.
        let longSlug = Slug.make(from: String(repeating: "Thi đua ", count: 1250))
        #expect(longSlug.count > 150 && longSlug.count <= Slug.maximumGeneratedLength)
        #expect(site.exists(longSlug + "/index.html"))
        // Template syntax in a value is printed as text, never evaluated.
        let page = try site.html("tin-5-site-title-article-body/index.html")
        #expect(page.contains("{{site.title}}{{{article.body}}}"))
    }

    @Test func scriptSchemesInFieldsThatBecomeURLsAreErrors() throws {
        let site = try TestSite()
        try site.article("a", "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\nimage: \"javascript:alert(1)\"")
        try site.article(
            "b", "title: Tin hai\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\naliases: [\"javascript:alert(1)\"]")
        try site.article("c", "title: Tin ba\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\nslug: \"<script>\"")
        let errors = try #require(site.buildFailure()).filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains("content/articles/a.md:5:8: error: image: 'javascript:' links are not allowed"))
        #expect(
            errors.contains(
                "content/articles/b.md:5:10: error: alias 'javascript:alert(1)' must be a path on this site, not a 'javascript:' URL"
            ))
        #expect(errors.contains { $0.hasPrefix("content/articles/c.md:5:7: error: slug '<script>' has '<'") })
    }

    @Test func unsafeHTMLOptInKeepsRawHTMLInBodiesOnly() throws {
        let site = try TestSite(siteYAML: TestSite.siteYAML + "\nunsafe_html: true")
        try site.article(
            "a", "title: \"<b>Tin</b>\"\nslug: tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien",
            body: "<div class=\"hop\">khung</div>")
        _ = try site.build()
        let html = try site.html("tin/index.html")
        #expect(html.contains("<div class=\"hop\">khung</div>"))
        #expect(html.contains("&lt;b&gt;Tin&lt;/b&gt;"))  // front matter stays escaped
    }
}
