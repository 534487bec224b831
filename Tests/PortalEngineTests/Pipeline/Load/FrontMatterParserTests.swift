import Foundation
import Testing

@testable import PortalEngine

@Suite struct FrontMatterParserTests {
    let parser = FrontMatterParser(dates: DateParser(zone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!))

    @Test func readsEveryContractFieldAndKeepsUnknownOnes() throws {
        let yaml = """
            title: "Khối thi đua sơ kết"
            date: 2019-07-09 08:22
            lastmod: 2019-07-10
            category: khoi-thi-dua
            bloc: "Khối miền Đông"
            units:
              - Hạ Lang
              - Quảng Uyên
            meeting: so-ket
            tags: ["sơ kết", "nông thôn mới"]
            author: "Mai Hiên"
            source: "Trung tâm VH-TT"
            summary: "Tóm tắt"
            image: images/a.jpg
            image_caption: "Ảnh"
            featured: true
            slug: khoi-so-ket
            aliases: ["/tin/1.html"]
            draft: false
            rating: 5
            location: { province: "Cao Bằng" }
            """
        let (parsed, problems) = parser.parse(yaml, file: "x.md", firstLine: 2)
        #expect(problems.isEmpty)
        let front = try #require(parsed)
        #expect(front.title == "Khối thi đua sơ kết")
        #expect(front.date?.secondsSince1970 == 1_562_635_320)
        #expect(front.lastmod != nil)
        #expect(front.category == "khoi-thi-dua")
        #expect(front.bloc == "Khối miền Đông")
        #expect(front.units == ["Hạ Lang", "Quảng Uyên"])
        #expect(front.meeting == "so-ket")
        #expect(front.tags == ["sơ kết", "nông thôn mới"])
        #expect(front.author == "Mai Hiên")
        #expect(front.source == "Trung tâm VH-TT")
        #expect(front.summary == "Tóm tắt")
        #expect(front.image == "images/a.jpg")
        #expect(front.imageCaption == "Ảnh")
        #expect(front.featured)
        #expect(front.slug == "khoi-so-ket")
        #expect(front.aliases == ["/tin/1.html"])
        #expect(!front.draft)
        #expect(front.extra["rating"] == .int(5))
        #expect(front.extra["location"] == .map(["province": .string("Cao Bằng")]))
        #expect(front.positions["category"] == SourcePosition(line: 5, column: 11))
    }

    @Test func malformedYAMLReportsTheFileLine() {
        // Line 3 of the file (line 2 of the YAML) has an unclosed flow list.
        let yaml = "title: a\ntags: [x, y\ndate: 2019-07-09"
        let (front, problems) = parser.parse(yaml, file: "x.md", firstLine: 2)
        #expect(front == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.file == "x.md")
        #expect(problems.first?.message.hasPrefix("the value of 'tags' starts with '['") == true)
        #expect(problems.first?.position == SourcePosition(line: 3, column: 7))
    }

    @Test func badFieldsAreAllReportedWithPositions() {
        let yaml = """
            title: [a, b]
            date: 2019-02-31
            featured: "maybe"
            slug: "../etc"
            """
        let (_, problems) = parser.parse(yaml, file: "x.md", firstLine: 2)
        let byLine = Dictionary(uniqueKeysWithValues: problems.map { ($0.position!.line, $0.message) })
        #expect(byLine[2]?.contains("'title' must be a single text value") == true)
        #expect(byLine[3]?.contains("has 28 days") == true)
        #expect(byLine[4]?.contains("true or false") == true)
        #expect(byLine[5]?.contains("slash") == true)
        #expect(problems.allSatisfy { $0.severity == .error })
    }

    @Test func singleValueWhereAListIsExpectedIsAOneItemList() throws {
        let (parsed, problems) = parser.parse("units: Hạ Lang\ntags:", file: "x.md", firstLine: 2)
        #expect(problems.isEmpty)
        let front = try #require(parsed)
        #expect(front.units == ["Hạ Lang"])
        #expect(front.tags == [])
    }

    @Test func frontMatterThatIsNotAMapping() {
        let (front, problems) = parser.parse("- a\n- b", file: "x.md", firstLine: 2)
        #expect(front == nil)
        #expect(problems.first?.message.contains("key: value") == true)
        #expect(problems.first?.position?.line == 2)
    }
}
