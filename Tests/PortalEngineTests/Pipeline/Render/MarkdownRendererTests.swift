import Testing

@testable import PortalEngine

@Suite struct MarkdownRendererTests {
    @Test func safeModeDropsRawHTMLAndScriptLinks() {
        let md =
            "Trước <script>alert(1)</script> sau\n\n<div onclick=\"x()\">khối</div>\n\n[bấm](javascript:alert(1)) [ảnh](vbscript:x)"
        let html = MarkdownRenderer(unsafeHTML: false).render(md).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func unsafeModeKeepsRawHTML() {
        let html = MarkdownRenderer(unsafeHTML: true).render("<div class=\"box\">x</div>").html
        #expect(html.contains("<div class=\"box\">x</div>"))
    }

    @Test func firstParagraphIsPlainText() {
        let md = "## Tiêu đề\n\nNgày **9/7/2019**, khối\nhọp [sơ kết](/x/) `6 tháng`.\n\nĐoạn hai."
        let out = MarkdownRenderer(unsafeHTML: false).render(md)
        #expect(out.firstParagraph == "Ngày 9/7/2019, khối họp sơ kết 6 tháng.")
        #expect(out.html.contains("<h2>Tiêu đề</h2>"))
    }

    @Test func rewritesLinkAndImageTargetsWithTheirLines() {
        var seen: [MarkdownRenderer.Reference] = []
        let md = "Một\n\n[bài](a.md)\n\n![ảnh](img.png)"
        let html = MarkdownRenderer(unsafeHTML: false).render(md) { ref in
            seen.append(ref)
            return .replace("/new/" + ref.url)
        }.html
        #expect(seen.map(\.line) == [3, 5])
        #expect(seen.map(\.isImage) == [false, true])
        #expect(html.contains("href=\"/new/a.md\""))
        #expect(html.contains("src=\"/new/img.png\""))
    }

    @Test func summaryCutsOnAWordBoundary() {
        let long = Array(repeating: "thi đua", count: 60).joined(separator: " ")
        let s = Summary.make(explicit: nil, firstParagraph: long)
        #expect(s.hasSuffix("…"))
        #expect(s.count <= Summary.maximumLength + 1)
        #expect(s.dropLast().hasSuffix("thi đua") || s.dropLast().hasSuffix("thi"))
        #expect(Summary.make(explicit: "Tóm tắt", firstParagraph: long) == "Tóm tắt")
        #expect(Summary.make(explicit: nil, firstParagraph: "Ngắn.") == "Ngắn.")
        // Cut at 240 characters as strings count them, whatever their bytes: NFD letters, flags.
        for piece in ["a", "ộ", "o\u{0302}\u{0323}", "🇻🇳", "👍🏽"] {
            for count in [239, 240, 241, 242] {
                let text = String(repeating: piece, count: count)
                let made = Summary.make(explicit: nil, firstParagraph: text)
                #expect(made == (count > 240 ? String(text.prefix(240)) + "…" : text), "\(piece) × \(count)")
            }
        }
    }
}

@Suite struct ContentPathsTests {
    let paths = ContentPaths(
        documentURLs: ["articles/2019/a.md": "/bai-a/"],
        assets: ["images/anh 1.jpg", "images/b.png"],
        urls: SiteURLs(basePath: "/"))

    @Test func relativeLinksResolveAgainstTheArticle() {
        #expect(paths.resolve("a.md", fromDirectory: "articles/2019", isImage: false) == .site("/bai-a/"))
        #expect(
            paths.resolve("a.md#ket-qua", fromDirectory: "articles/2019", isImage: false) == .site("/bai-a/#ket-qua"))
        #expect(
            paths.resolve("../../images/b.png", fromDirectory: "articles/2019", isImage: true) == .site("/images/b.png")
        )
        #expect(
            paths.resolve("/images/anh%201.jpg", fromDirectory: "articles", isImage: true)
                == .site("/images/anh%201.jpg"))
    }

    /// Front matter is resolved from the article's folder only when that folder may hold the
    /// file: every reference `resolve` finds there, the quick check lets through.
    @Test func theQuickCheckLetsThroughEveryReferenceResolveFinds() {
        let references = [
            "a.md", "A.md", "a.markdown", "a.md#ket-qua", "a.md?x=1", "../2019/a.md", "./a.md", "b.md", "",
            ".", "./", "..", "../..", "#muc", "?q", "//cdn.vn/a.jpg", "https://x.vn/a.jpg", "javascript:x",
            "images/b.png", "../../images/b.png", "../../images/anh%201.jpg", "../../images/anh 1.jpg",
            "/images/b.png", "/images/none.png", "b.png", "images/none.png", "../../../etc/passwd", " a.md ",
        ]
        for folder in ["", "articles", "articles/2019", "images"] {
            for reference in references {
                let found = paths.resolve(reference, fromDirectory: folder, isImage: true)
                guard case .site = found else { continue }
                #expect(
                    paths.mayNameAFile(reference.trimmedWhitespace, fromDirectory: folder), "\(folder) \(reference)")
            }
        }
    }

    @Test func externalAndFragmentLinksAreLeftAlone() {
        #expect(paths.resolve("https://example.gov.vn/x", fromDirectory: "", isImage: false) == .unchanged)
        #expect(paths.resolve("#muc-1", fromDirectory: "", isImage: false) == .unchanged)
        #expect(paths.resolve("mailto:a@b.vn", fromDirectory: "", isImage: false) == .unchanged)
        #expect(paths.resolve("/some-article/", fromDirectory: "", isImage: false) == .unchanged)
    }

    @Test func missingFilesAreReported() {
        #expect(
            paths.resolve("../../images/none.png", fromDirectory: "articles/2019", isImage: true)
                == .missing(url: "/images/none.png", contentPath: "content/images/none.png"))
        #expect(
            paths.resolve("/images/none.png", fromDirectory: "", isImage: true)
                == .missing(url: "/images/none.png", contentPath: "content/images/none.png"))
        if case .missing = paths.resolve("b.md", fromDirectory: "articles", isImage: false) {
        } else {
            Issue.record("a link to a missing .md file should be reported")
        }
    }

    @Test func pathsLeavingContentAndScriptSchemesAreRejected() {
        if case .rejected = paths.resolve("../../../etc/passwd", fromDirectory: "articles/2019", isImage: true) {
        } else {
            Issue.record("a path above content/ was accepted")
        }
        if case .rejected = paths.resolve("JavaScript:alert(1)", fromDirectory: "", isImage: false) {
        } else {
            Issue.record("javascript: was accepted")
        }
        if case .rejected = paths.resolve("data:text/html,<b>", fromDirectory: "", isImage: true) {
        } else {
            Issue.record("data: was accepted")
        }
    }

    @Test func percentEncodingOfVietnameseFileNames() {
        #expect(URLEncoding.encodePath("ảnh hội nghị.jpg") == "%E1%BA%A3nh%20h%E1%BB%99i%20ngh%E1%BB%8B.jpg")
    }
}
