import Foundation
import Testing

@testable import PortalEngine

@Suite struct SearchTokenizerTests {
    @Test func syllablesWithExactAndFoldedForms() {
        let tokens = SearchTokenizer.tokens("Thi đua - khen thưởng, NĂM 2019! Hội/hồi")
        #expect(tokens.map(\.exact) == ["thi", "đua", "khen", "thưởng", "năm", "2019", "hội", "hồi"])
        #expect(tokens.map(\.folded) == ["thi", "dua", "khen", "thuong", "nam", "2019", "hoi", "hoi"])
    }

    @Test func nfdAndNfcGiveTheSameTokens() {
        let text = "Đông Khê, xã Vĩnh Quang"
        #expect(SearchTokenizer.tokens(text.decomposedStringWithCanonicalMapping) == SearchTokenizer.tokens(text))
        #expect(SearchTokenizer.tokens("ĐÔNG").map(\.folded) == ["dong"])
    }

    /// The scanner decodes UTF-8 itself: two-, three- and four-byte scalars, punctuation of the
    /// General Punctuation block, letters outside the table (Greek, CJK) and symbols (emoji).
    @Test func everyUTF8LengthAndScriptSplitsWhereScalarsWould() {
        let tokens = SearchTokenizer.tokens("“Hội nghị”—Ωmega 北京 x😀y 3½ café\u{00A0}tuần")
        #expect(tokens.map(\.exact) == ["hội", "nghị", "ωmega", "北京", "x", "y", "3½", "café", "tuần"])
        #expect(tokens.map(\.folded) == ["hoi", "nghi", "ωmega", "北京", "x", "y", "3½", "cafe", "tuan"])
    }

    /// A document's terms: syllables with their spellings in order of first use, pairs of
    /// adjacent syllables (not across title and body), and whether each is in the title.
    @Test func documentTermsHoldSyllablesPairsAndSpellings() {
        let document = SearchIndexBuilder.terms(title: "Hội nghị", body: "hồi nghị HỘI")
        #expect(Set(document.terms.keys) == ["hoi", "nghi", "hoi nghi", "nghi hoi"])
        #expect(document.terms["hoi"]?.exact == ["hội", "hồi"])
        #expect(document.terms["hoi"]?.title == true)
        #expect(document.terms["nghi hoi"]?.title == false)
        #expect(document.terms["hoi nghi"]?.title == true)
    }
}
