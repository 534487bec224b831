import Foundation
import Testing

@testable import PortalEngine

@Suite struct VietnameseCollationTests {
    @Test func alphabetOrderNotByteOrder() {
        let names = [
            "Hà Giang", "Đông Khê", "Ân Thi", "Bắc Kạn", "Ba Bể", "Dương Minh Châu", "Ea Súp", "Ứng Hòa", "Uông Bí",
            "Ăng Ca", "Ô Môn", "Ơn Trời", "Yên Bái", "An Giang",
        ]
        #expect(
            VietnameseCollation.sorted(names) == [
                "An Giang", "Ăng Ca", "Ân Thi", "Ba Bể", "Bắc Kạn", "Dương Minh Châu", "Đông Khê", "Ea Súp", "Hà Giang",
                "Ô Môn", "Ơn Trời", "Uông Bí", "Ứng Hòa", "Yên Bái",
            ])
        #expect(names.sorted() != VietnameseCollation.sorted(names))  // byte order differs
    }

    @Test func tonesBreakTiesInDictionaryOrder() {
        #expect(
            VietnameseCollation.sorted(["bạ", "bá", "bã", "bả", "bà", "ba"]) == ["ba", "bà", "bả", "bã", "bá", "bạ"])
        // Letters before tones: "bà con" (b a c) sorts before "bác" (b a c + tone) only by letters.
        #expect(VietnameseCollation.sorted(["hội", "hồi", "hôi"]) == ["hôi", "hồi", "hội"])
    }

    @Test func wordBreaksSortFirstAndNFDIsTheSame() {
        #expect(VietnameseCollation.sorted(["Hàm Yên", "Hà Giang"]) == ["Hà Giang", "Hàm Yên"])
        let nfd = "Đông".decomposedStringWithCanonicalMapping
        #expect(VietnameseCollation.key(nfd).letters == VietnameseCollation.key("Đông").letters)
    }
}

@Suite struct TaxonomyTests {
    func article(_ title: String, units: [String]) -> Article {
        Article(
            kind: .article, file: SourceFileRef(sourcePath: "content/\(title).md", relativePath: "\(title).md"),
            slug: title, url: "/\(title)/", title: title, date: Timestamp(secondsSince1970: 0), dateHasTime: true,
            lastmod: nil,
            categoryKey: "c", bloc: nil, units: units, meeting: nil, tags: [], author: nil, source: nil, summary: nil,
            imageURL: nil, imageCaption: nil, featured: false, aliases: [], positionOfAliases: nil, extra: [:],
            markdown: StoredText(""), bodyFirstLine: 1)
    }

    @Test func caseAndNormalisationVariantsAreOneTerm() {
        let articles = [
            article("a", units: ["Hạ Lang", "Bắc Mê"]),
            article("b", units: ["hạ  lang"]),
            article("c", units: ["Hạ Lang".decomposedStringWithCanonicalMapping, "HẠ LANG"]),
        ]
        let units = Taxonomy(kind: .units, articles: articles, urls: SiteURLs(basePath: "/")) { $0.units }
        #expect(units.terms.map(\.name) == ["Bắc Mê", "Hạ Lang"])
        #expect(units.terms[1].articles == [0, 1, 2])
        #expect(units.terms[1].url == "/don-vi/ha-lang/")
        #expect(units.termsOfArticle == [[1, 0], [1], [1]])
    }

    @Test func namesThatFoldAlikeGetDistinctURLs() {
        let articles = [article("a", units: ["Hà Giang", "Hạ Giang", "越南"])]
        let units = Taxonomy(kind: .units, articles: articles, urls: SiteURLs(basePath: "/")) { $0.units }
        #expect(units.terms.map(\.slug) == ["ha-giang", "ha-giang-2", "t"])
        #expect(Set(units.terms.map(\.url)).count == 3)
    }
}
