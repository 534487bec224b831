import Testing

@testable import PortalEngine

/// Pipe tables, autolinks and dropped raw HTML beyond the spec's examples: containers, code,
/// the portal's markup, positions of what is reported.
@Suite struct MarkdownTableTests {
    let portal = MarkdownRenderer(unsafeHTML: false)
    let gfm = MarkdownRenderer(unsafeHTML: false, tableMarkup: .gfm)

    @Test func portalTablesScrollInTheirOwnBoxAndAlignWithStyles() {
        let md = "| Đơn vị | Điểm |\n| :-- | --: |\n| Hạ Lang | 95,5 |\n"
        let html = portal.render(md).html
        #expect(html.hasPrefix("<div class=\"table-scroll\" tabindex=\"0\"><table>\n<thead>"))
        #expect(html.contains("<th style=\"text-align: left\">Đơn vị</th>"))
        #expect(html.contains("<td style=\"text-align: right\">95,5</td>"))
        #expect(html.hasSuffix("</table></div>\n"))
        #expect(!html.contains("align=\""))
    }

    @Test func linesAboveTheHeaderStayAParagraph() {
        let md = "Kết quả chấm điểm:\n| A | B |\n|---|---|\n| 1 | 2 |\n"
        let html = gfm.render(md).html
        #expect(html.hasPrefix("<p>Kết quả chấm điểm:</p>\n<table>"))
        #expect(html.contains("<td>1</td>"))
    }

    @Test func tablesInQuotesAndListItems() {
        let quoted = gfm.render("> | a | b |\n> | - | - |\n> | c | d |\n").html
        #expect(
            quoted
                == "<blockquote>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n</blockquote>\n"
        )
        let listed = gfm.render("- | a | b |\n  | - | - |\n  | c | d |\n").html
        #expect(listed.contains("<li>\n<table>"))
        #expect(listed.contains("<td>d</td>"))
    }

    @Test func pipesInCodeBlocksAndSingleLinesAreText() {
        let code = gfm.render("```\n| a | b |\n| - | - |\n```\n").html
        #expect(code == "<pre><code>| a | b |\n| - | - |\n</code></pre>\n")
        let line = gfm.render("Điểm: 9 | 10\n").html
        #expect(line == "<p>Điểm: 9 | 10</p>\n")
    }

    @Test func cellsHoldInlineMarkdownLinksAndTheirTargetsAreRewritten() {
        var seen: [MarkdownRenderer.Reference] = []
        let md = "Mở đầu\n\n| Tài liệu | Ảnh |\n| --- | --- |\n| [Kế hoạch](kh.md) | ![x](a.jpg) |\n"
        let html = gfm.render(md) { ref in
            seen.append(ref)
            return .replace("/moi/")
        }.html
        #expect(html.contains("<td><a href=\"/moi/\">Kế hoạch</a></td>"))
        #expect(html.contains("<img src=\"/moi/\" alt=\"x\" />"))
        #expect(seen.map(\.line) == [5, 5])
    }

    @Test func cellsThatLookLikeBlocksAreText() {
        let html = gfm.render("| a |\n| - |\n| # không phải tiêu đề |\n| - không phải danh sách |\n").html
        #expect(html.contains("<td># không phải tiêu đề</td>"))
        #expect(html.contains("<td>- không phải danh sách</td>"))
    }

    @Test func rawHTMLInCellsIsStillDroppedInSafeMode() {
        let out = gfm.render("| a |\n| - |\n| <script>x</script> |\n")
        #expect(!out.html.contains("<script"))
        #expect(out.droppedHTML.map(\.position.line) == [3])
    }

    @Test func tableTextReachesTheSearchTextCellByCell() {
        let text = gfm.render("| Đơn vị | Điểm |\n| - | - |\n| Hạ Lang | 95 |\n").plainText
        #expect(text.contains("Đơn vị Điểm"))
        #expect(text.contains("Hạ Lang 95"))
    }

    @Test func autolinksSkipCodeAndExistingLinks() {
        let html = gfm.render("`www.a.vn` [www.b.vn](https://c.vn) <https://d.vn> e@f.vn\n").html
        #expect(
            html
                == "<p><code>www.a.vn</code> <a href=\"https://c.vn\">www.b.vn</a> <a href=\"https://d.vn\">https://d.vn</a> <a href=\"mailto:e@f.vn\">e@f.vn</a></p>\n"
        )
    }

    @Test func autolinksNeedABoundaryBefore() {
        #expect(gfm.render("xwww.a.vn\n").html == "<p>xwww.a.vn</p>\n")
        #expect(gfm.render("*www.a.vn*\n").html == "<p><em><a href=\"http://www.a.vn\">www.a.vn</a></em></p>\n")
        #expect(
            gfm.render("Xem tại https://thidua.caobang.gov.vn/tin-tuc.\n").html
                == "<p>Xem tại <a href=\"https://thidua.caobang.gov.vn/tin-tuc\">https://thidua.caobang.gov.vn/tin-tuc</a>.</p>\n"
        )
    }

    @Test func droppedHTMLIsReportedOncePerLineWithItsTagsAndColumn() {
        let md = "Chữ <b>đậm</b> và <i>nghiêng</i>\n\n<table>\n<tr><td>1</td></tr>\n</table>\n\n<!-- ghi chú -->\n"
        let dropped = portal.render(md).droppedHTML
        #expect(
            dropped == [
                .init(position: SourcePosition(line: 1, column: 5), tags: ["b", "i"]),
                .init(position: SourcePosition(line: 3, column: 1), tags: ["table", "tr", "td"]),
            ])
        #expect(MarkdownRenderer(unsafeHTML: true).render(md).droppedHTML.isEmpty)
        #expect(RawHTMLAdvice.message(for: ["table", "tr"]).text(.en).contains("| --- | --: |"))
        #expect(RawHTMLAdvice.message(for: ["iframe"]).text(.en).contains("never published"))
    }
}
