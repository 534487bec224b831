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
}
