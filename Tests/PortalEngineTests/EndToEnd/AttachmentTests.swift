import Foundation
import Testing

@testable import PortalEngine

/// `files:`: the "Tệp đính kèm" list of an article, and each way of getting it wrong.
@Suite struct AttachmentTests {
    func site(files: String) throws -> TestSite {
        let site = try TestSite()
        try site.write("content/files/ke-hoach.pdf", Data(repeating: 0x25, count: 1_300_000))
        try site.write("content/articles/2019/quyet-dinh.docx", Data(repeating: 1, count: 36_000))
        try site.write(
            "content/articles/2019/hop.md",
            "---\nslug: hop\ntitle: Họp khối\ndate: 2019-07-10 08:00\ncategory: tin-tuc-su-kien\n\(files)\n---\n\nNội dung.\n"
        )
        return site
    }

    @Test func theArticleListsItsFilesWithTypeAndSize() throws {
        let site = try site(
            files: """
                files:
                  - file: files/ke-hoach.pdf
                    title: "Kế hoạch thi đua năm 2019"
                  - quyet-dinh.docx
                  - https://vanban.example.gov.vn/qd-15.pdf
                """)
        let report = try site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try site.html("hop/index.html")
        #expect(page.contains("<h2 id=\"attachments-title\">Tệp đính kèm</h2>"))
        #expect(
            page.contains(
                "<span class=\"file-type file-pdf\" aria-hidden=\"true\">PDF</span> <a href=\"/files/ke-hoach.pdf\">Kế hoạch thi đua năm 2019</a> <span class=\"file-size\">(PDF, 1,2 MB)</span>"
            ))
        #expect(
            page.contains(
                "<a href=\"/articles/2019/quyet-dinh.docx\">quyet-dinh.docx</a> <span class=\"file-size\">(DOCX, 35 KB)</span>"
            ))
        #expect(page.contains("<a href=\"https://vanban.example.gov.vn/qd-15.pdf\">qd-15.pdf</a></li>"))
        #expect(site.exists("files/ke-hoach.pdf"))
        // The sitemap lists pages, not the files they attach.
        #expect(!(try site.html("sitemap.xml")).contains(".pdf"))
    }

    @Test func anArticleWithoutFilesHasNoList() throws {
        let site = try site(files: "tags: [a]")
        _ = try site.build()
        #expect(!(try site.html("hop/index.html")).contains("Tệp đính kèm"))
    }

    @Test func aMissingFileIsAnErrorAtItsItemWithTheFix() throws {
        let site = try site(files: "files:\n  - files/Ke-Hoach.pdf")
        let problems = try #require(site.buildFailure())
        let error = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(error.file == "content/articles/2019/hop.md")
        #expect(error.position == SourcePosition(line: 7, column: 5))
        #expect(error.text.id == .fileNotFound)
        #expect(error.description.contains("'/files/ke-hoach.pdf'"))
        #expect(!site.exists("hop/index.html"))
    }

    @Test func anItemThatIsNotAFileIsAnError() throws {
        let site = try site(files: "files:\n  - title: Kế hoạch\n  - [a, b]")
        let problems = try #require(site.buildFailure())
        #expect(problems.map(\.text.id) == [.attachmentItemInvalid, .attachmentItemInvalid])
        #expect(problems.map { $0.position?.line } == [7, 8])
    }

    @Test func sizesAreWrittenTheVietnameseWay() {
        #expect(Attachment.size(850) == "850 B")
        #expect(Attachment.size(36_000) == "35 KB")
        #expect(Attachment.size(1_300_000) == "1,2 MB")
        #expect(Attachment.size(10 * 1024 * 1024) == "10,0 MB")
    }
}
