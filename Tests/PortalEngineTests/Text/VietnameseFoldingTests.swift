import Foundation
import Testing

@testable import PortalEngine

/// Folding through the table of Latin letters gives what the definition gives: the text's
/// NFD without the common block's marks, `đ` as `d`.
@Suite struct VietnameseFoldingTests {
    @Test func everyLetterOfTheTableFoldsAsItsDecomposition() {
        for range in VietnameseFolding.LatinTable.ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = "a" + String(scalar) + "b"
                #expect(VietnameseFolding.fold(text) == VietnameseFolding.foldDecomposing(text), "U+\(value)")
            }
        }
    }

    @Test func randomTextsFoldAsTheDefinitionSays() {
        let vietnamese = "Khối giao ước thi đua các huyện miền Đông Hạ Lang Trùng Khánh ỹ ẵ ờ ự ĐƯỜNG"
        let pieces: [String] =
            vietnamese.map(String.init)
            + vietnamese.decomposedStringWithCanonicalMapping.unicodeScalars.map {
                String($0)
            } + [
                "\u{0301}", "\u{0323}", "\u{1DC4}", "\u{20D0}", "Ω", "й", "한", "中", "😀", "ǅ", "ẛ", "Å", "\u{00A0}",
                "-", " ", "2019", "\u{0345}",
            ]
        var random = SeededRandom(seed: 3)
        for round in 0..<3_000 {
            let text = (0..<Int(1 + random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            #expect(VietnameseFolding.fold(text) == VietnameseFolding.foldDecomposing(text), "round \(round): \(text)")
        }
        #expect(VietnameseFolding.fold("Khối giao ước thi đua ĐÔNG") == "Khoi giao uoc thi dua DONG")
    }

    /// The slug's definition over scalars of the folded text: ASCII letters and digits
    /// lowercased, every run of anything else one hyphen between them.
    static func referenceSlug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in VietnameseFolding.foldDecomposing(text).unicodeScalars {
            let value = scalar.value
            let isUpper = (0x41...0x5A).contains(value)
            guard (0x30...0x39).contains(value) || isUpper || (0x61...0x7A).contains(value) else {
                pendingHyphen = !result.isEmpty
                continue
            }
            if pendingHyphen {
                result.append("-")
                pendingHyphen = false
            }
            result.unicodeScalars.append(isUpper ? Unicode.Scalar(value + 0x20)! : scalar)
        }
        return result
    }

    /// The slug's quick pass takes every letter of the table and of general punctuation as it
    /// is, without the text's NFD.
    @Test func everyLetterTheSlugTakesQuicklyMakesTheDefinitionsSlug() {
        for range in VietnameseFolding.LatinTable.ranges + [0x2000...0x206F] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = "a" + String(scalar) + "b"
                #expect(Slug.make(from: text) == Self.referenceSlug(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func randomTitlesMakeTheSlugsTheDefinitionMakes() {
        let pieces =
            Array("Khối giao ước thi đua ĐÔNG Hạ Lang 2019 –\t\n!?ǅẛ한😀.,“”…Åß\u{00A0}\u{2000}\u{2070}").map(String.init)
            + ["\u{0301}", "\u{1DC4}", "\u{0345}", "\u{212B}", "\u{2126}", "\u{1E9E}"]
        var random = SeededRandom(seed: 5)
        for round in 0..<3_000 {
            let text = (0..<Int(random.next() % 16)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            #expect(Slug.make(from: text) == Self.referenceSlug(text), "round \(round): \(text)")
        }
    }
}
