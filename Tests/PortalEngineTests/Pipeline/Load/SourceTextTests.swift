import Foundation
import Testing

@testable import PortalEngine

@Suite struct SourceTextTests {
    @Test func bomAndCRLFAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: a\r\n---\r\nx\r\n".utf8)
        let text = try SourceText.decode(Data(bytes)).get()
        #expect(text == "---\ntitle: a\n---\nx\n")
    }

    @Test func nfdBecomesNFC() throws {
        let nfd = "Thi đua".decomposedStringWithCanonicalMapping
        let text = try SourceText.decode(Data(nfd.utf8)).get()
        #expect(Array(text.unicodeScalars) == Array("Thi đua".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func invalidUTF8IsAnErrorAtItsLineAndColumn() {
        var bytes = Array("---\ntitle: ab".utf8)
        bytes.append(0xC3)  // a lone lead byte, as Windows-1258 text gives
        bytes += Array("\n---\n".utf8)
        guard case .failure(let error) = SourceText.decode(Data(bytes)) else {
            Issue.record("accepted invalid UTF-8")
            return
        }
        #expect(error.position == SourcePosition(line: 2, column: 10))
        #expect(error.message.text(.en).contains("not UTF-8"))
    }

    @Test func utf16IsNamed() {
        let data = "---\ntitle: a\n---\n".data(using: .utf16LittleEndian)!
        guard case .failure(let error) = SourceText.decode(Data([0xFF, 0xFE]) + data) else {
            Issue.record("accepted UTF-16")
            return
        }
        #expect(error.message.text(.en).contains("UTF-16"))
    }
}

@Suite struct FrontMatterSplitterTests {
    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let parts = try FrontMatterSplitter.split("---\ntitle: a\ndate: b\n---\n\nBody\n").get()
        #expect(parts.yaml == "title: a\ndate: b")
        #expect(parts.yamlFirstLine == 2)
        #expect(parts.body == "\nBody\n")
        #expect(parts.bodyFirstLine == 5)
    }

    @Test func neverClosed() {
        #expect(FrontMatterSplitter.split("---\ntitle: a\n\nBody") == .failure(.neverClosed))
    }

    @Test func missingOpening() {
        #expect(FrontMatterSplitter.split("title: a\n---\n") == .failure(.missingOpening))
    }

    @Test func emptyFile() {
        #expect(FrontMatterSplitter.split("") == .failure(.emptyFile))
        #expect(FrontMatterSplitter.split("\n \n") == .failure(.emptyFile))
    }

    @Test func dashesInsideTheBodyAreNotAFence() throws {
        let parts = try FrontMatterSplitter.split("---\ntitle: a\n---\nx\n---\ny").get()
        #expect(parts.body == "x\n---\ny")
    }
}
