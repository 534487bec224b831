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
        let document = SearchIndexBuilder.terms(title: "Hội nghị", body: [StoredText("hồi nghị HỘI")])
        #expect(Set(document.terms.keys) == ["hoi", "nghi", "hoi nghi", "nghi hoi"])
        #expect(document.terms["hoi"]?.exact == ["hội", "hồi"])
        #expect(document.terms["hoi"]?.title == true)
        #expect(document.terms["nghi hoi"]?.title == false)
        #expect(document.terms["hoi nghi"]?.title == true)
    }
}

/// The scanner's tables and its own UTF-8 decoding against the plain definition, on seeded random
/// texts: a token is a run of letters, digits and combining marks; its exact form is the run in
/// NFC, lowercased; its folded form is that folded, and a token that folds to nothing is dropped.
@Suite struct SearchTokenizerReferenceTests {
    static let pieces: [String] = [
        "a", "B", "z", "0", "9", "đ", "Đ", "ư", "Ư", "ơ", "ă", "â", "ê", "ô", "ệ", "Ố", "ẫ", "ỹ", "Ỷ", "à", "É",
        "\u{0301}", "\u{0323}", "\u{0309}", "ß", "İ", "ı", "ǅ", "Ω", "σ", "Σ", "北", "한", "ｶ", "😀", "½", "²", "٣",
        " ", "  ", "\n", "\t", "-", "—", ",", ".", "“", "”", "'", "/", "\u{00A0}", "\u{200B}", "\u{2028}", "…",
    ]

    static func reference(_ text: String) -> [SearchTokenizer.Token] {
        var tokens: [SearchTokenizer.Token] = []
        var run = String.UnicodeScalarView()
        func flush() {
            defer { run.removeAll() }
            guard !run.isEmpty else { return }
            let exact = String(run).precomposedStringWithCanonicalMapping.lowercased()
            let folded = VietnameseFolding.fold(exact)
            if !folded.isEmpty { tokens.append(.init(exact: exact, folded: folded)) }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let word =
                !(0x2000...0x206F).contains(v)
                && ((0x0300...0x036F).contains(v) || scalar.properties.isAlphabetic
                    || scalar.properties.numericType != nil)
            if word { run.append(scalar) } else { flush() }
        }
        flush()
        return tokens
    }

    @Test(arguments: 1...4) func randomTextsSplitAsTheDefinitionSays(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                Self.pieces.randomElement(using: &random)!
            }.joined()
            #expect(SearchTokenizer.tokens(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    /// A body given in parts reads as the parts joined by spaces: pairs span them.
    @Test func bodyPartsReadAsJoinedBySpaces() {
        let parts = ["Hội nghị thi", "đua khen", "", "thưởng năm 2019"]
        let joined = SearchIndexBuilder.terms(title: "Tin", body: [StoredText(parts.joined(separator: " "))])
        let split = SearchIndexBuilder.terms(title: "Tin", body: parts.map(StoredText.init))
        #expect(Set(split.terms.keys) == Set(joined.terms.keys))
        #expect(split.terms["dua khen"] != nil && split.terms["thi dua"] != nil)
        for (term, info) in joined.terms {
            #expect(split.terms[term]?.exact == info.exact && split.terms[term]?.title == info.title)
        }
    }
}
