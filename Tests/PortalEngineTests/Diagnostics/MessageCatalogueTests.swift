import Foundation
import Testing

@testable import PortalEngine

/// The catalogues: every message in both languages with the same values, and the messages
/// editors meet most, in Vietnamese, at the place they must act.
@Suite struct MessageCatalogueTests {
    static func placeholders(_ template: String) -> [String] {
        var found: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let inside = rest[rest.index(after: open)..<close]
            if Int(inside) != nil { found.insert(String(inside)) }
            rest = rest[rest.index(after: close)...]
        }
        return found.sorted()
    }

    @Test(arguments: MessageID.allCases) func everyMessageIsInBothLanguagesWithTheSameValues(_ id: MessageID) throws {
        let english = try #require(MessageCatalogue.english[id], "\(id) has no English text")
        let vietnamese = try #require(MessageCatalogue.vietnamese[id], "\(id) has no Vietnamese text")
        #expect(!english.isEmpty && !vietnamese.isEmpty)
        #expect(Self.placeholders(english) == Self.placeholders(vietnamese), "\(id)")
        // Only messages that are a value alone ("{0}") may read the same in both.
        if english != "{0}" { #expect(english != vietnamese, "\(id) is not translated") }
    }

    @Test func theCataloguesHoldNothingElse() {
        #expect(MessageCatalogue.english.count == MessageID.allCases.count)
        #expect(MessageCatalogue.vietnamese.count == MessageID.allCases.count)
    }

    @Test func valuesAndNestedMessagesAreFilledInTheReadersLanguage() {
        let hint = Message(.hintDidYouMean, .alternatives(["../a.jpg", "/a.jpg"]))
        let message = Message(.imageNotFound, "content/b.jpg", .message(hint))
        #expect(message.text(.en) == "image not found: content/b.jpg; did you mean '../a.jpg' or '/a.jpg'?")
        #expect(message.text(.vi) == "không tìm thấy ảnh: content/b.jpg; có phải ý bạn là '../a.jpg' hoặc '/a.jpg'?")
        let diagnostic = Diagnostic.warning("content/x.md", SourcePosition(line: 3, column: 7), Message(.brokenSymlink))
        #expect(
            diagnostic.formatted(.vi) == "content/x.md:3:7: cảnh báo: liên kết tượng trưng (symlink) bị hỏng, đã bỏ qua"
        )
        #expect(diagnostic.formatted(.en) == "content/x.md:3:7: warning: broken symbolic link, skipped")
    }

    @Test func theLanguageComesFromLangThenSiteYAML() throws {
        let site = try TestSite()
        #expect(MessageLanguage.detect(arguments: ["--source", site.root.path], currentDirectory: "/") == .vi)
        #expect(
            MessageLanguage.detect(arguments: ["--source", site.root.path, "--lang", "en"], currentDirectory: "/")
                == .en)
        #expect(MessageLanguage.detect(arguments: ["--lang=en"], currentDirectory: "/") == .en)
        try site.write("site/site.yaml", TestSite.siteYAML + "\nlanguage: en\n")
        #expect(MessageLanguage.detect(arguments: ["--source", site.root.path], currentDirectory: "/") == .en)
        #expect(MessageLanguage.detect(arguments: ["check"], currentDirectory: site.root.path) == .en)
        #expect(MessageLanguage.detect(arguments: [], currentDirectory: "/nowhere") == .vi)
    }
}

/// The YAML mistakes editors make, explained where the editor must act, in both languages.
@Suite struct YAMLHintTests {
    func failure(_ frontMatter: String) throws -> Diagnostic {
        let site = try TestSite()
        try site.write("content/articles/a.md", "---\n\(frontMatter)\n---\n\nNội dung.\n")
        return try #require(site.buildFailure()?.first)
    }

    @Test func aTabBeforeAListItemPointsAtTheTab() throws {
        let d = try failure("title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\nunits:\n\t- Hạ Lang")
        #expect(d.position == SourcePosition(line: 6, column: 1))
        #expect(
            d.formatted(.vi)
                == "content/articles/a.md:6:1: lỗi: dòng này được thụt vào bằng phím Tab, YAML không cho phép; dùng dấu cách thay cho phím Tab"
        )
        #expect(d.formatted(.en).hasSuffix("use spaces instead of the Tab key"))
    }

    @Test func anUnquotedColonPointsWhereTheQuoteGoes() throws {
        let d = try failure("title: Hội nghị: sơ kết 6 tháng\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        #expect(d.position == SourcePosition(line: 2, column: 8))
        #expect(
            d.formatted(.vi)
                == "content/articles/a.md:2:8: lỗi: giá trị của 'title' có dấu ': ' nên YAML hiểu nhầm là một khóa khác; hãy đặt giá trị trong dấu ngoặc kép: title: \"…\""
        )
        #expect(d.formatted(.en).contains("put the value in double quotes: title: \"…\""))
    }

    @Test func aListItemWithoutASpaceAfterTheDash() throws {
        // Alone, the dashes make one text "-Hạ Lang -Quảng Uyên"; under a real item, a YAML error.
        let alone = try failure(
            "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\nunits:\n  -Hạ Lang\n  -Quảng Uyên")
        #expect(
            alone.formatted(.vi)
                == "content/articles/a.md:6:3: lỗi: mục danh sách cần một dấu cách sau dấu '-': hãy viết '- Hạ Lang'")
        let mixed = try failure(
            "title: Tin\ndate: 2019-07-09\ncategory: tin-tuc-su-kien\ntags:\n  - sơ kết\n  -nông thôn mới\nbloc: x")
        #expect(
            mixed.formatted(.en)
                == "content/articles/a.md:7:4: error: a list item needs a space after '-': write '- nông thôn mới'")
    }

    @Test func aTitleStartingWithABracketIsToldToBeQuoted() throws {
        let d = try failure("title: [Video] Hội nghị sơ kết\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        #expect(
            d.formatted(.vi)
                == "content/articles/a.md:2:8: lỗi: giá trị của 'title' bắt đầu bằng '[' nên YAML hiểu là một danh sách; nếu đó là chữ, hãy đặt trong dấu ngoặc kép: title: \"[…\" (nếu là danh sách, phải đóng ngoặc trên cùng dòng)"
        )
        let unclosed = try failure("title: [chưa đóng ngoặc\ndate: 2019-07-09")
        #expect(unclosed.position == SourcePosition(line: 2, column: 8))
    }

    @Test func anUnclosedQuotePointsAtTheOpeningOne() throws {
        let d = try failure("title: \"Hội nghị sơ kết\ndate: 2019-07-09\ncategory: tin-tuc-su-kien")
        #expect(
            d.formatted(.en)
                == "content/articles/a.md:2:8: error: the quotes opened here are never closed; end the value with a \" on the same line"
        )
    }

    @Test func aKeyWrittenTwicePointsAtTheSecond() throws {
        let d = try failure("title: Tin\ndate: 2019-07-09\ntitle: Tin khác\ncategory: tin-tuc-su-kien")
        #expect(
            d.formatted(.vi)
                == "content/articles/a.md:4:1: lỗi: 'title' được viết hai lần (cả ở dòng 2); hãy giữ lại một dòng")
    }

    @Test func aMissingClosingLineIsAskedForWhereTheFieldsEnd() throws {
        let site = try TestSite()
        try site.write("content/articles/a.md", "---\ntitle: Tin\ndate: 2019-07-09\n\nNội dung.\n")
        let d = try #require(site.buildFailure()?.first)
        #expect(
            d.formatted(.vi)
                == "content/articles/a.md:4:1: lỗi: phần đầu (front matter) mở ở dòng 1 chưa được đóng; hãy thêm một dòng '---' ở đây, giữa các trường và nội dung bài viết"
        )
        try site.write("content/articles/a.md", "title: Tin\ndate: 2019-07-09\n---\n\nNội dung.\n")
        let opened = try #require(site.buildFailure()?.first)
        #expect(opened.formatted(.vi).hasPrefix("content/articles/a.md:1:1: lỗi: tệp phải bắt đầu bằng dòng '---'"))
    }
}
