import Testing

@testable import PortalEngine

@Suite struct SlugTests {
    @Test func foldsVietnameseTitleAsTheIssueShows() {
        #expect(
            Slug.make(from: "Khối giao ước thi đua các huyện miền Đông") == "khoi-giao-uoc-thi-dua-cac-huyen-mien-dong")
    }

    @Test func nfcAndNfdGiveTheSameSlug() {
        let title = "Đường lên Đồng Văn: Tổng kết năm 2019"
        let nfd = title.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count != title.precomposedStringWithCanonicalMapping.unicodeScalars.count)
        #expect(Slug.make(from: nfd) == Slug.make(from: title.precomposedStringWithCanonicalMapping))
        #expect(Slug.make(from: nfd) == "duong-len-dong-van-tong-ket-nam-2019")
    }

    @Test func dStrokeFoldsToD() {
        #expect(VietnameseFolding.fold("đĐ thi đua") == "dD thi dua")
        #expect(Slug.make(from: "ĐẠI HỘI") == "dai-hoi")
    }

    @Test func punctuationCollapsesToOneHyphenAndEdgesAreTrimmed() {
        #expect(Slug.make(from: "  Khối Kinh tế - Tổng hợp (2019)!  ") == "khoi-kinh-te-tong-hop-2019")
        #expect(Slug.make(from: "“Kỷ cương - sáng tạo”") == "ky-cuong-sang-tao")
    }

    @Test func titleWithoutLatinLettersGivesEmptySlug() {
        #expect(Slug.make(from: "—…—") == "")
        #expect(Slug.make(from: "越南") == "")
    }

    @Test func longTitlesGiveSlugsCutAtAWord() {
        let slug = Slug.make(from: String(repeating: "Thi đua khen thưởng ", count: 500))
        #expect(slug.utf8.count <= Slug.maximumGeneratedLength)
        #expect(slug.hasPrefix("thi-dua-khen-thuong-thi-dua"))
        #expect(
            !slug.hasSuffix("-")
                && (slug.hasSuffix("thi") || slug.hasSuffix("dua") || slug.hasSuffix("khen")
                    || slug.hasSuffix("thuong"))
        )
        #expect(Slug.problem(with: String(repeating: "a", count: 241)) != nil)
        let long =
            "Ban Thi đua - Khen thưởng Trung ương hướng dẫn quy trình, thủ tục hồ sơ đề nghị khen thưởng năm 2020"
        #expect(Slug.make(from: long).hasSuffix("-nam-2020"))  // ordinary long titles are not cut
    }

    @Test func handWrittenSlugsMustBeOneSegment() {
        #expect(Slug.problem(with: "tin-moi") == nil)
        #expect(Slug.problem(with: "a/b") != nil)
        #expect(Slug.problem(with: "..") != nil)
        #expect(Slug.problem(with: "tin mới") != nil)
        #expect(Slug.problem(with: "<script>") != nil)
    }
}

@Suite struct EscapingTests {
    @Test func htmlAndXMLEscapeAlikeButForTheApostropheAndControlCharacters() {
        #expect(
            HTMLEscaping.escape(#"<a href="x">Hạ & 'Lang'</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Hạ &amp; &#39;Lang&#39;&lt;/a&gt;")
        #expect(XMLText.escape(#"<Hạ & 'Lang'>"# + "\u{0001}\u{FFFE}\t") == "&lt;Hạ &amp; &apos;Lang&apos;&gt;\t")
        #expect(SearchIndexBuilder.json("a\"b\\c\n</script>\u{0002}") == #""a\"b\\c\n\u003c/script>\u0002""#)
    }
}
