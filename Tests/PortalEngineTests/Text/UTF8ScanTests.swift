import Foundation
import Testing

@testable import PortalEngine

/// The byte scans give what the scalar walks they replace gave.
@Suite struct UTF8ScanTests {
    /// The NFC check as it was written over scalars: the reference.
    static func stableByScalars(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in stableUnderNFC.contains { $0.contains(scalar.value) } }
    }

    /// The blocks `SourceText.isStableUnderNFC` lets through.
    static let stableUnderNFC: [ClosedRange<UInt32>] = [
        0x00...0x024F, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0,
    ]

    @Test func theNFCCheckAgreesWithTheScalarWalk() {
        var random = SeededRandom(seed: 7)
        // Every range's edges and neighbours, in one-, two-, three- and four-byte UTF-8.
        var scalars: [UInt32] = [0x41, 0x7F, 0x80, 0xE0, 0x24F, 0x250, 0x27F, 0x300, 0x1DFF, 0x1E00, 0x1EA0, 0x1EFF]
        scalars += [0x1F00, 0x200F, 0x2010, 0x2027, 0x2028, 0x202F, 0x2030, 0x205E, 0x205F, 0x209F, 0x20A0]
        scalars += [0x20AB, 0x20C0, 0x20C1, 0xFFFD, 0x1F600, 0x10FFFF]
        for value in scalars {
            let text = "Hội nghị " + String(Character(Unicode.Scalar(value)!)) + " sơ kết"
            #expect(SourceText.isStableUnderNFC(text) == Self.stableByScalars(text), "U+\(String(value, radix: 16))")
        }
        for _ in 0..<2000 {
            let text = String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0..<12, using: &random)).map { _ in
                        Unicode.Scalar(scalars[Int.random(in: 0..<scalars.count, using: &random)])!
                    }))
            #expect(SourceText.isStableUnderNFC(text) == Self.stableByScalars(text))
        }
        // Between runs of ASCII long enough to be skipped eight bytes at a time.
        for value in scalars {
            for padding in 0..<9 {
                let ascii = String(repeating: "a", count: 7 + padding)
                let text = ascii + String(Character(Unicode.Scalar(value)!)) + ascii + "đ"
                #expect(
                    SourceText.isStableUnderNFC(text) == Self.stableByScalars(text), "U+\(String(value, radix: 16))")
            }
        }
        #expect(SourceText.isStableUnderNFC("Thi đua – khen thưởng 2019 ₫"))
        #expect(!SourceText.isStableUnderNFC("Thi đua\u{301}"))  // a combining mark (NFD input)
    }

    @Test func containsFindsAnASCIIByteInTextsAndSlices() {
        #expect(UTF8Scan.contains("| Đơn vị | Thu |", UInt8(ascii: "|")))
        #expect(!UTF8Scan.contains("Đơn vị", UInt8(ascii: "|")))
        #expect(!UTF8Scan.contains("", UInt8(ascii: "|")))
        #expect(UTF8Scan.contains("a\r\nb", 0x0D))
        let line = "Đơn vị | Thu".split(separator: "\n")[0]
        #expect(UTF8Scan.contains(line, UInt8(ascii: "|")))
        #expect(!UTF8Scan.contains("Đơn vị | Thu".dropFirst(8), UInt8(ascii: "|")))
    }
}
